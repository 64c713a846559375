"""The document's lines shared out: the header before the first item, then each item's notes."""

import re
from dataclasses import dataclass, field

from samverkan.extraction.model import Minutes
from samverkan.extraction.text import clean_line

MD_HEADING = re.compile(r"^#{1,6}\s*(?=\S)")
# "* item", or a bullet glyph (U+F0B7: Word's bullet in the Symbol font), even an empty item
BULLET_MARK = re.compile(r"^(\s*)(?:\*\s+|[•◦▪‣·●○■\uf0b7]\s*)")
ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")
TABLE_RULE = re.compile(r"^\|?[\s:|+-]*-{3,}[\s:|+-]*$")  # "|---|:---:|", Org's "|---+---|"


def source_lines(text: str) -> list[str]:
    """The lines as the extraction numbers them (line 1 is the first)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


@dataclass
class Sections:
    """`header` holds the lines before the first item; `items[i]` the lines under item i."""

    header: list[str] = field(default_factory=list)
    items: list[list[str]] = field(default_factory=list)


def sections(text: str, minutes: Minutes) -> Sections:
    """Every line after an item's heading up to the next heading belongs to that item."""
    lines = source_lines(text)
    starts = [item.source.line if item.source else None for item in minutes.agenda]
    known = sorted((line, i) for i, line in enumerate(starts) if line is not None)
    out = Sections(items=[[] for _ in minutes.agenda])
    if not known:
        out.header = lines
        return out
    out.header = lines[: known[0][0] - 1]
    for k, (line, i) in enumerate(known):
        end = known[k + 1][0] - 1 if k + 1 < len(known) else len(lines)
        out.items[i] = lines[line:end]
    return out


def item_of_line(minutes: Minutes, line: int | None) -> int | None:
    """Index of the agenda item whose section holds the line (None: the header)."""
    if line is None:
        return None
    best, best_line = None, 0
    for i, item in enumerate(minutes.agenda):
        if item.source and best_line <= item.source.line <= line:
            best, best_line = i, item.source.line
    return best


def as_notes(lines: list[str]) -> str:
    """Lines as note text: Word and Markdown marks removed, every bullet glyph as "- ", no
    zero-width characters, runs of blank lines made one."""
    out: list[str] = []
    for line in lines:
        text = ZERO_WIDTH.sub("", clean_line(line))
        text = MD_HEADING.sub("", BULLET_MARK.sub(r"\1- ", text).strip())
        if text.startswith("|"):
            text = _table_row(text)
        if text or (out and out[-1]):
            out.append(text)
    return "\n".join(out).strip()


def _table_row(text: str) -> str:
    """A table row as its filled cells, "§ 113 | Fördjupad månadsrapport | 7", whether it came
    from Markdown ("|§ 113|Fördjupad månadsrapport||7|") or from a Word or ODT table."""
    if TABLE_RULE.match(text):
        return ""
    return " | ".join(c.strip() for c in text.strip("|").split("|") if c.strip())


def rewrite(notes: str, original: str, new: str) -> str:
    """The reviewer's wording in place of the original sentence (line breaks may differ)."""
    words = original.split()
    if not words or original == new:
        return notes
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    return pattern.sub(lambda _: new, notes, count=1)
