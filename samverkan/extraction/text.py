"""Raw document text → blocks: headings, bullets and paragraphs, each with its source line."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from samverkan.extraction.dates import is_date_only

# "[bookmark: _GoBack]" left by Word exports
BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
# "[Ledarskapsstöd | SKR](#)" → "Ledarskapsstöd | SKR"
MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# "**2024-02-16 klockan 9:00**", "*ska ta fram*", "__x__"
EMPHASIS = re.compile(r"(\*\*|__|\*(?=\S)|(?<=\S)\*|(?<![\w/])_(?=\S)|(?<=\S)_(?![\w/]))")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
HTML_TAG = re.compile(r"</?(?:b|i|u|strong|em|span|p|div)\b[^>]*>", re.IGNORECASE)
BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
# YAML "---" or TOML "+++" front matter of a static site or a converted document
FRONT_MATTER = re.compile(r"\A(---|\+\+\+)\n.*?\n\1\n", re.DOTALL)
# "date = \"2017-03-17T20:00:00+01:00\"", "datum: \"2016-01-26\"", "title = \"Styrelsemöte\"":
# the fields of front matter that are the document's title and date
FRONT_FIELD = re.compile(
    r"(?im)^(title|titel|date|datum)\s*[:=]\s*[\"']?([^\"'\n]*?)(?:T\d\d:[^\"'\n]*)?[\"']?\s*$"
)
# Org-mode: "#+TITLE: Styrelsemöte", "#+DATE: 2018-05-07", "#+OPTIONS: toc:nil" (setup lines)
ORG_SETUP = re.compile(r"^#\+(\w+):\s*(.*)$")
ORG_FILE = re.compile(r"(?im)^#\+(title|date|options|author):")
ORG_KEPT = {"title": "", "date": "Datum: "}
# "* Val av ordförande", "** Val av sekreterare": Org-mode headings
ORG_HEADING = re.compile(r"^(\*{1,6})\s+(\S.*)$")
TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
# "- item", "* item", "• item", "– item", "1) item"
BULLET = re.compile(r"^(\s*)(?:[-*•–·●▪◦○■➢]|\d{1,2}\))\s+")
# "1. Rensa upp i förslaget …" (a numbered list item)
NUMBERED_ITEM = re.compile(r"^\s*\d{1,2}\.\s+\S")
MD_HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*\s*$")
# Labels that often run together in flattened PDF/web text: "… Henrik Svensson Utses att justera: …"
RUN_ON_LABEL = re.compile(
    r"(?<=\S)\s+(?=(?:Ej närvarande|Närvarande|Beslutande|Ersättare:|Övriga deltagare|"
    r"Övriga närvarande|Övriga deltagande|Utses att justera|Justeringens plats|Paragrafer|"
    r"Plats och tid|Underskrifter|DAGORDNING|Dagordning:)(?![\w]))"
)


RUN_ON_HINT = re.compile(
    r"ärvarande|Beslutande|Ersättare:|Övriga|Utses|Justeringens|Paragrafer|Plats och tid|"
    r"Underskrifter|DAGORDNING|Dagordning:"
)


# A line this long is a page or a column flattened into one line by a PDF or web copy
FLAT_LINE = 400
# Where a flattened page had its line breaks: before a header label ("Plats:", "Närvarande",
# "Förhinder:"), a bullet (" - ", " • ", " ● "), a person's task list ("Emilie: - …")
FLAT_LABEL = re.compile(
    r"(?<=\S)\s+(?=(?:Närvarande|Ej närvarande|Frånvarande|Förhinder|Anmält förhinder|Deltagare|"
    r"Beslutande|Tjänstgörande ersättare|Ersättare|Övriga närvarande|Övriga deltagare|Ledamöter|"
    r"Tjänstemän|Dessutom närvarande|Plats|Tid|Datum|Dag|Justerare|Utses att justera|"
    r"Sekreterare|Protokollförare|Ordförande|Underskrifter)\s*:)"
    r"|\s+(?=[-•●▪]\s+[A-ZÅÄÖ0-9])"
    r"|(?<=[.\w)])\s+(?=(?:[A-ZÅÄÖ][\wåäöé-]+(?:\s[A-ZÅÄÖ][\wåäöé-]+)?|Alla|Samtliga):\s+[-•●])"
)
# "2. Uppföljning …", "3) Rapporter", "§ 4 Val av justerare" inside a flattened line
FLAT_NUMBER = re.compile(r"(?:(?<=\s)|^)(§\s*)?(\d{1,2})([.)]|\s)\s*(?=[A-ZÅÄÖ])")
# A numbered title in flattened text ends at a person's name, a role or a sentence
TITLE_END = re.compile(
    r"(?<=\S)\s+(?=(?:Ordförande|Ordföranden|Sekreterare|Mötet|Gruppen)\b)|[.;]\s"
)


# Words that open a sentence after a flattened title: "2. Sekreterare Till sekreterare utsågs"
SENTENCE_OPENERS = frozenset(
    "till det vi de den mötet gruppen styrgruppen styrelsen ordförande ordföranden nämnden "
    "beslut beslutades information diskussion efter under enligt".split()
)


def _sentence_start(head: str) -> int:
    """Where the text after a flattened title begins: a capital after a lower-case word."""
    words = list(re.finditer(r"\S+", head))
    for k in range(1, len(words)):
        word, previous = words[k][0], words[k - 1][0]
        if not word[:1].isupper() or word.isupper() or previous.endswith((":", ",")):
            continue
        if word.casefold() in SENTENCE_OPENERS or (
            previous[:1].islower() and previous.casefold() not in MID_PHRASE
        ):
            return words[k].start()
    return len(head)


def flattened(line: str) -> list[tuple[str, str]]:
    """A flattened page cut again at its labels, bullets and numbered items, in order.

    Numbered items count only in sequence (1, 2, 3 … or 2, 3 …), so "10 september" or
    "VP 2012" do not start one. The title of an item is flagged "title".
    """
    from samverkan.extraction.people import find_names

    cuts: list[tuple[int, str]] = [(m.end(), "break") for m in FLAT_LABEL.finditer(line)]
    cuts += [(m.end(), "break") for m in RUN_ON_LABEL.finditer(line)]
    for bare in (False, True):
        chain: list[int] = []
        expected = None
        for m in FLAT_NUMBER.finditer(line):
            if (m[3] == " " and not m[1]) != bare or (bare and m.start() == 0):
                continue
            n = int(m[2])
            if (expected is None and n <= 2) or n == expected:
                chain.append(m.start())
                expected = n + 1
        if len(chain) >= (2 if bare else 1):
            cuts += [(c, "title") for c in chain]
    cuts.sort()
    pieces: list[tuple[str, str]] = []
    bounds = [0, *(c for c, _ in cuts), len(line)]
    flags = ["", *(f for _, f in cuts)]
    for k, flag in enumerate(flags):
        piece = line[bounds[k] : bounds[k + 1]].strip()
        if not piece:
            continue
        if flag == "title":
            number = FLAT_NUMBER.match(piece)
            head = piece[number.end() :] if number else piece
            end = len(head)
            names = find_names(head)
            if names:
                end = min(end, names[0].start)
            stop = TITLE_END.search(head)
            if stop:
                end = min(end, stop.start())
            end = min(end, _sentence_start(head))
            words = head[:end].split()
            if len(words) > 14:
                end = len(" ".join(head.split()[:14]))
            title = (piece[: number.end()] if number else "") + head[:end].strip()
            pieces.append((title.strip(), "title"))
            rest = head[end:].strip(" .:;")
            if rest:
                pieces.append((rest, "break"))
        elif piece[:1] in "-•●▪" and SENTENCE_END.search(piece):
            first = SENTENCE_END.search(piece)
            assert first
            pieces += [(piece[: first.start()], flag), (piece[first.end() :], "break")]
        else:
            pieces.append((piece, flag))
    return pieces


@dataclass
class Block:
    """A heading, a bullet or a paragraph; `lines` keeps each physical line with its number."""

    kind: str  # "heading" | "bullet" | "para"
    lines: list[tuple[int, str]] = field(default_factory=list)
    level: int = 0  # heading level (1–6 markdown, 7 numbered, 8 plain) or bullet indent
    table: bool = False  # a cell of a table row (the row's cells share the line number)

    @property
    def line(self) -> int:
        return self.lines[0][0]

    @cached_property
    def text(self) -> str:
        return " ".join(t.strip() for _, t in self.lines if t.strip())


def clean_line(text: str) -> str:
    if "[" in text:
        text = MD_LINK.sub(r"\1", BOOKMARK.sub("", text))
    if "<" in text:
        text = HTML_TAG.sub("", text)
    if "*" in text or "_" in text:
        text = EMPHASIS.sub("", text)
    return text.replace("\u00a0", " ").replace("\t", " ").rstrip()


def physical_lines(raw: str) -> list[tuple[int, str, str]]:
    """Numbered lines after removing comments and front matter (numbers stay the original ones).

    The flag is "table" for a table cell and "break" for a label split off a run-on line.
    """
    raw = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    blank = lambda m: "\n" * m.group(0).count("\n")  # noqa: E731 - keep line numbers
    raw = FRONT_MATTER.sub(_front_matter, raw)
    raw = HTML_COMMENT.sub(blank, raw)
    out: list[tuple[int, str, str]] = []
    org_mode = "#+" in raw and bool(ORG_FILE.search(raw))
    for number, line in enumerate(raw.split("\n"), start=1):
        if "---" in line and TABLE_RULE.match(line.strip()):
            continue
        if line.startswith("#+"):
            org = ORG_SETUP.match(line)
            kept = org and ORG_KEPT.get(org[1].casefold())
            line = f"{kept}{org[2]}" if org and kept is not None else ""
        elif org_mode and line.startswith("*") and ORG_HEADING.match(line):
            org_heading = ORG_HEADING.match(line)
            assert org_heading
            line = f"{'#' * len(org_heading[1])} {org_heading[2]}"
        if line.strip().startswith("|"):
            cells = [c for c in line.strip().strip("|").split("|")]
            parts = [p for cell in cells for p in BR.split(cell)]
            out.extend(
                (number, clean_line(p), "table") for p in parts if p.strip() not in {"", "."}
            )
            out.append((number, "", ""))
            continue
        for part in BR.split(line) if "<" in line else (line,):
            cleaned = clean_line(part)
            if len(cleaned) > FLAT_LINE:
                out.extend((number, piece, flag) for piece, flag in flattened(cleaned))
                continue
            pieces = RUN_ON_LABEL.split(cleaned) if RUN_ON_HINT.search(cleaned) else [cleaned]
            for k, piece in enumerate(pieces):
                out.append((number, piece, "break" if k else ""))
    return out


def _front_matter(m: re.Match[str]) -> str:
    """Front matter becomes blank lines, but for its title and date (line numbers kept)."""
    lines = m.group(0).split("\n")
    kept = []
    for line in lines:
        field = FRONT_FIELD.match(line)
        if field and field[2].strip():
            label = "" if field[1].casefold() in {"title", "titel"} else "Datum: "
            kept.append(f"{label}{field[2].strip()}")
        else:
            kept.append("")
    return "\n".join(kept)


HASH_MARK = re.compile(r"^#\s")


def _hash_is_numbering(lines: list[tuple[int, str, str]]) -> bool:
    """Word numbering exported as "# " marks long paragraphs; real "#" headings are short."""
    hashed = [t for _, t, _ in lines if t.startswith("#") and HASH_MARK.match(t)]
    if not hashed:
        return False
    long = sum(1 for t in hashed if len(t) > 90)
    return long * 2 >= len(hashed)


def blocks(raw: str) -> list[Block]:
    lines = physical_lines(raw)
    hash_numbering = _hash_is_numbering(lines)
    out: list[Block] = []
    current: Block | None = None
    prev_blank = True
    for i, (number, text, flag) in enumerate(lines):
        if not text.strip():
            current, prev_blank = None, True
            continue
        next_blank = i + 1 >= len(lines) or not lines[i + 1][1].strip()
        heading = MD_HEADING.match(text.strip())
        bullet = BULLET.match(text)
        numbered = NUMBERED_ITEM.match(text)
        if heading and not (hash_numbering and len(heading.group(1)) == 1):
            current = None
            out.append(Block("heading", [(number, heading.group(2))], len(heading.group(1))))
        elif flag == "table":
            current = None
            out.append(Block("para", [(number, text)], table=True))
        elif flag == "title":
            current = None
            out.append(Block("heading", [(number, text)], 7))
        elif heading or bullet or (numbered and not (prev_blank and next_blank)):
            if heading:
                body, indent = heading.group(2), 0
            elif bullet:
                body, indent = text[bullet.end() :], len(bullet.group(1))
            else:
                body, indent = text.strip(), 0
            previous = out[-1] if out else None
            if (
                previous is not None
                and previous.kind == "bullet"
                and body[:1].islower()
                and re.search(r"\w-\s*$", previous.lines[-1][1])
            ):
                # "- … fördjupad må-" "- nadsrapport …": one word hyphenated across two bullets
                start, cut = previous.lines[-1]
                previous.lines[-1] = (start, cut.rstrip()[:-1] + body)
                previous.__dict__.pop("text", None)  # the cached text is stale
                current = previous
                continue
            current = Block("bullet", [(number, body)], indent)
            out.append(current)
        elif current is not None and not flag and _goes_on(current, text, prev_blank):
            current.lines.append((number, text))
        else:
            block = Block("para", [(number, text)])
            if prev_blank and next_blank and _plain_heading(text):
                block.kind, block.level = "heading", 8
                current = None
            else:
                current = block
            out.append(block)
        prev_blank = False
    return out


# A line ending in one of these words goes on: Swedish sentences do not end with them.
MID_PHRASE = set(
    "i på med för till av om den det de en ett att som vid från mellan och samt eller "
    "men under över inom hos än så när där the and of".split()
)


def _goes_on(current: Block, text: str, prev_blank: bool) -> bool:
    if not prev_blank and _continues(current.lines[-1][1], text):
        return True
    return current.kind == "bullet" and text.startswith("  ")


def _continues(previous: str, text: str) -> bool:
    """A wrapped line goes on its paragraph; a Word export puts one paragraph per line."""
    previous, text = previous.rstrip(), text.strip()
    last = previous.rsplit(" ", 1)[-1].casefold()
    return previous.endswith((",", "-", "–")) or text[:1].islower() or last in MID_PHRASE


def _plain_heading(text: str) -> bool:
    """A short line standing alone, starting with a capital and not ending a sentence."""
    text = text.strip()
    if not text or len(text) > 90 or len(text.split()) > 12:
        return False
    if "@" in text or re.search(r"(?i)\bansvarig", text):
        return False  # "Psykiatri sydost ansvariga Dan och Eva" hands out work
    if OWNERS_AT_END.search(text):
        return False  # "Beställa fika – Lisa och Per" hands out work
    if text.rsplit(" ", 1)[-1].casefold() in MID_PHRASE or TASK_LABEL_START.match(text):
        return False  # "Nämnden beslutar att" goes on below; "Ansvar: Hugo" is a task
    if PLACE_AND_TIME.match(text):
        return False  # "Plats och tid Rådhuset, kl. 13.00–16.30": the meeting's frame
    if text[0].isdigit() and is_date_only(text):
        return False  # "2024-02-16" under "Nästa möte" is its content
    return text[-1] not in ".:;,!" and (text[0].isupper() or text[0] in "§0123456789")


OWNERS_AT_END = re.compile(r"\s[–-]\s*[A-ZÅÄÖ]\w+(?:\s*(?:,|och)\s*[A-ZÅÄÖ]\w+)+\s*$")
PLACE_AND_TIME = re.compile(
    r"(?i)plats\s+och\s+tid\b(?!\s+för\b)\s*:?\s*\S"
)  # not "… för nästa möte"
TASK_LABEL_START = re.compile(r"(?i)^(ansvar|ansvarig|ansvariga|uppgift|att göra|todo)\s*:")
WORD_TOKEN = re.compile(r"\w+")


@lru_cache(maxsize=4096)
def words_of(sentence: str) -> frozenset[str]:
    """The sentence's words in lower case, so a rule can skip sentences that lack its words."""
    return frozenset(WORD_TOKEN.findall(sentence.casefold()))


# Not after "kl. 13:00", "ca. 20", "nr. 4", "t.ex. Region Skåne", "bl.a. Anna", "resp. 3"
SENTENCE_END = re.compile(
    r"(?<=[.!?])(?<!\bkl\.)(?<!\bca\.)(?<!\bnr\.)(?<!\bex\.)(?<!\bt\.ex\.)(?<!\bbl\.a\.)"
    r"(?<!\bresp\.)(?<!\bjfr\.)(?<!\bp\.g\.a\.)(?<!\bfr\.o\.m\.)(?<!\bt\.o\.m\.)(?<!\bs\.)"
    r"\s+(?=[\"”(]?[A-ZÅÄÖ0-9])"
)


@lru_cache(maxsize=4096)
def sentences(text: str) -> tuple[str, ...]:
    """Split a paragraph into sentences; "t.ex." and "kl. 9" rarely precede a capital."""
    return tuple(s.strip() for s in SENTENCE_END.split(text) if s.strip())
