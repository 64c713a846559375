"""PDF to plain text: lines rebuilt from the words' positions on each page (pdfplumber)."""

from __future__ import annotations

import io
import re
from collections import Counter
from typing import Any

from samverkan.extraction.plain import Lines, ReadError, short_line

MAX_PAGES = 1000  # a PDF with more pages is refused before its pages are read


def read_pdf(data: bytes) -> str:
    """Lines rebuilt from the words' positions: wrapped lines joined, gaps as blank lines,
    larger or bold lines as headings, bullets and indented numbers as list items, ruled
    tables as rows, running page headers and footers left out."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise ReadError(f"PDF-filen har fler än {MAX_PAGES} sidor")
            pages = [_pdf_lines(page) for page in pdf.pages]
            width = float(pdf.pages[0].width) if pdf.pages else 0.0
            height = float(pdf.pages[0].height) if pdf.pages else 0.0
    except ReadError:
        raise
    except PDFPasswordIncorrect as error:
        raise ReadError("filen är lösenordsskyddad") from error
    except Exception as error:  # pdfminer raises many kinds for broken files
        raise ReadError("filen är ingen läsbar PDF") from error
    text = _pdf_text(_without_running_lines(pages), width, height)
    if not text.strip():
        raise ReadError("PDF-filen saknar textlager (skannad bild?)")
    return text


def _pdf_lines(page: Any) -> list[dict[str, Any]]:
    """The page's lines top to bottom; a ruled table is one entry holding its rows."""
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]
    words = [
        w
        for w in page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False)
        if not any(_inside(w, box) for box in boxes)  # a table's words are read as its cells
    ]
    lines: list[dict[str, Any]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        last = lines[-1] if lines else None
        if last is not None and abs(word["top"] - last["top"]) <= max(2.0, 0.3 * last["size"]):
            last["words"].append(word)
            last["x1"] = max(last["x1"], word["x1"])
            last["bottom"] = max(last["bottom"], word["bottom"])
            continue
        lines.append(
            {
                "words": [word],
                "top": word["top"],
                "bottom": word["bottom"],
                "x0": word["x0"],
                "x1": word["x1"],
                "size": round(float(word["size"]), 1),
            }
        )
    for line in lines:
        line["text"] = " ".join(w["text"] for w in line["words"])
        line["bold"] = all("bold" in w["fontname"].casefold() for w in line["words"])
        line["size"] = max(round(float(w["size"]), 1) for w in line["words"])
    for table in tables:
        x0, top, x1, bottom = table.bbox
        rows = [[" ".join((cell or "").split()) for cell in row] for row in table.extract()]
        lines.append({"rows": rows, "words": [], "top": top, "bottom": bottom, "x0": x0, "x1": x1})
    return sorted(lines, key=lambda line: line["top"])


def _inside(word: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x = (word["x0"] + word["x1"]) / 2
    y = (word["top"] + word["bottom"]) / 2
    return bool(box[0] <= x <= box[2] and box[1] <= y <= box[3])


DIGITS = re.compile(r"\d+")


def _running_key(line: dict[str, Any]) -> str:
    """The text a running line repeats, its numbers aside: "Sida 3 av 7", "PROTOKOLL 2 (4)" and
    "5" are the same on every page; a date ("#-#-#") is no page number."""
    return DIGITS.sub("#", line["text"])


def _without_running_lines(pages: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
    """The pages without their running header and footer ("Justerandes sign Utdragsbestyrkande",
    "Sida 3 av 7"): a line among a page's first or last two, apart from the text next to it,
    whose text (or, for a page number, kind) stands at the same height on at least half of the
    pages, two or more."""
    edges = []
    for number, page in enumerate(pages):
        lines = [line for line in page if "rows" not in line]
        ends = {i: lines[i] for i in [0, 1, len(lines) - 2, len(lines) - 1] if 0 <= i < len(lines)}
        edges += [(number, line) for i, line in ends.items() if _apart(lines, i)]
    spots: dict[str, list[tuple[int, float]]] = {}
    for number, line in edges:
        spots.setdefault(_running_key(line), []).append((number, line["top"]))
    need = max(2, (len(pages) + 1) // 2)
    running = {
        id(line)
        for _, line in edges
        if len({n for n, top in spots[_running_key(line)] if abs(top - line["top"]) <= 2}) >= need
    }
    return [[line for line in page if id(line) not in running] for page in pages]


def _apart(lines: list[dict[str, Any]], i: int) -> bool:
    """The line stands apart from a neighbour, as a header or footer does from the text."""
    near = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    line = lines[i]
    return any(
        max(other["top"] - line["bottom"], line["top"] - other["bottom"]) > 0.8 * line["size"]
        for other in near
    )


BULLET_GLYPHS = "•◦▪‣·●○■\uf0b7"  # U+F0B7: Word's bullet in the Symbol font
BULLET_GLYPH = re.compile(rf"^[{BULLET_GLYPHS}\-–]\s*")


def _pdf_text(pages: list[list[dict[str, Any]]], width: float, height: float) -> str:
    every = [line for page in pages for line in page if "rows" not in line]
    if not every:
        return _tables_only(pages)
    sizes = Counter(line["size"] for line in every for _ in line["words"])
    body = sizes.most_common(1)[0][0]
    bigger = sorted({s for s in sizes if s > body + 0.5}, reverse=True)
    left = min(line["x0"] for line in every)
    right = width - left if width > 2 * left else max(line["x1"] for line in every)
    spaces = _spaces(every)
    spacing = _Spacing(pages, body, height)
    step = _list_step(every, left, body)
    out = Lines()
    previous: dict[str, Any] | None = None
    indents: list[float] = []  # x positions of list markers, outermost first
    item_x: float | None = None  # where the text of the current list item starts
    page_before: list[dict[str, Any]] = []
    for page in pages:
        for i, line in enumerate(page):
            if "rows" in line:  # a table stands apart from the text around it
                if i == 0 and "rows" in (page_before[-1:] or [{}])[0] and out.out[-1:] == [""]:
                    out.out.pop()  # the table goes on from the page before
                else:
                    out.blank()
                for cells in line["rows"]:
                    out.row(cells)
                out.blank()
                previous, indents, item_x = None, [], None
                continue
            text = line["text"]
            level = bigger.index(line["size"]) + 1 if line["size"] in bigger else None
            lone = i + 1 >= len(page) or page[i + 1]["top"] - line["bottom"] > 0.8 * body
            gap = previous is not None and spacing.blank(previous, line, same_page=i > 0)
            goes_on = previous is not None and not gap and _wrapped(previous, line, right, spaces)
            if level is None and line["bold"] and short_line(text) and lone and not goes_on:
                level = 3
            if level is not None:
                if goes_on and previous is not None and previous.get("level") == level:
                    out.out[-1] += " " + text  # a heading wrapped over two lines
                else:
                    if gap:
                        out.blank()
                    out.heading(text, min(level, 3))
                previous, item_x = {**line, "level": level}, None
                continue
            if gap:
                out.blank()
                item_x = None
            bullet, numbered = _list_marker(line, left)
            found = bullet or numbered
            if found is not None:
                x = line["x0"]
                indents = [d for d in indents if d < x - 2] + [x]
                depth = max(len(indents) - 1, min(int((x - left) / step), 2) if step else 0)
                marker = "-" if bullet else found[1]
                rest = text[found.end() :]
                out.line("  " * depth + marker + " " + rest)
                item_x = line["words"][1]["x0"] if len(line["words"]) > 1 else x
            elif _goes_on_text(goes_on, previous, item_x, gap, line):
                out.out[-1] += " " + text
            else:
                indents, item_x = [], None
                out.line(text)
            previous = line
        page_before = page
    return out.text()


def _tables_only(pages: list[list[dict[str, Any]]]) -> str:
    """A document that is nothing but ruled tables (a task list, an attendance table)."""
    out = Lines()
    for line in (line for page in pages for line in page if "rows" in line):
        for cells in line["rows"]:
            out.row(cells)
        out.blank()
    return out.text()


def _list_marker(
    line: dict[str, Any], left: float
) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """A bullet glyph, or a number ("3.") on an indented line, beginning the line."""
    text = line["text"]
    bullet = BULLET_GLYPH.match(text) if text[:1] in BULLET_GLYPHS else None
    numbered = re.match(r"^(\d{1,2}[.)])\s+", text)
    return bullet, numbered if numbered and line["x0"] > left + 2 else None


def _list_step(lines: list[dict[str, Any]], left: float, body: float) -> float | None:
    """How far a list level is indented from the one above, from the document's list markers
    (None with fewer than two levels). A marker sits within its level's step from the margin,
    so a list indented further than its first level, as under a paragraph, keeps its depth.
    A step is at least a letter's height; closer markers are the same level."""
    xs = sorted({round(line["x0"]) for line in lines if any(_list_marker(line, left))})
    steps = [b - a for a, b in zip(xs, xs[1:], strict=False) if b - a >= body]
    return float(min(steps)) if steps else None


class _Spacing:
    """Which vertical gaps are blank lines. Between two lines on a page, a gap wider than the
    least seen around lines of their kinds (size and weight) other than plain body text, up
    to a line's height: a heading's own margins are no blank line. At a page break, a page
    that ends with room left for the next line, or a page that starts lower than the others;
    otherwise the text goes on over the break."""

    def __init__(self, pages: list[list[dict[str, Any]]], body: float, height: float) -> None:
        self.body = body
        self.after: dict[tuple[float, bool], float] = {}
        self.before: dict[tuple[float, bool], float] = {}
        for page in pages:
            lines = [line for line in page if "rows" not in line]
            for above, below in zip(lines, lines[1:], strict=False):
                gap = max(0.0, below["top"] - above["bottom"])
                self.after[_kind(above)] = min(self.after.get(_kind(above), gap), gap)
                self.before[_kind(below)] = min(self.before.get(_kind(below), gap), gap)
        # the height of a line of body text, from lines that follow each other closely
        steps = Counter(
            round(below["top"] - above["top"], 1)
            for page in pages
            for above, below in zip(page, page[1:], strict=False)
            if "rows" not in above
            and "rows" not in below
            and _kind(above) == _kind(below) == (body, False)
            and below["top"] - above["bottom"] < 0.8 * body
        )
        self.line = steps.most_common(1)[0][0] if steps else 1.2 * body
        ends = [[line for line in page if "rows" not in line] for page in pages]
        self.top = min((lines[0]["top"] for lines in ends if lines), default=0.0)
        self.bottom = max((lines[-1]["bottom"] for lines in ends if lines), default=0.0)
        if 0 <= height - self.top - self.bottom < self.line:
            self.bottom = height - self.top  # as low as the text may go: margins alike

    def usual(self, above: dict[str, Any], below: dict[str, Any]) -> float:
        """The margins of the lines' kinds; plain body text has none (its blank lines may
        be every gap there is)."""
        plain = (self.body, False)
        own = max(
            self.after.get(_kind(above), 0.0) if _kind(above) != plain else 0.0,
            self.before.get(_kind(below), 0.0) if _kind(below) != plain else 0.0,
        )
        return min(own, self.line)

    def blank(self, above: dict[str, Any], below: dict[str, Any], *, same_page: bool) -> bool:
        top, bottom = float(below["top"]), float(below["bottom"])
        if same_page:
            return top - float(above["bottom"]) - self.usual(above, below) > 0.8 * self.body
        room = self.bottom - float(above["bottom"])
        needed = max(bottom - top + self.usual(above, below), self.line)
        return room > needed or top - self.top > 0.8 * self.body


def _kind(line: dict[str, Any]) -> tuple[float, bool]:
    return line["size"], line["bold"]


def _goes_on_text(
    goes_on: bool,
    previous: dict[str, Any] | None,
    item_x: float | None,
    gap: bool,
    line: dict[str, Any],
) -> bool:
    """A wrapped line of a paragraph, or a list item's next line under its text."""
    if goes_on and previous is not None and previous.get("level") is None:
        return True
    return item_x is not None and not gap and abs(line["x0"] - item_x) < 2


def _spaces(lines: list[dict[str, Any]]) -> dict[float, float]:
    """The width of a space in each font size, the most common gap between a line's words."""
    gaps: dict[float, Counter[float]] = {}
    for line in lines:
        for before, after in zip(line["words"], line["words"][1:], strict=False):
            if round(float(before["size"]), 1) == line["size"] and after["x0"] > before["x1"]:
                gaps.setdefault(line["size"], Counter())[round(after["x0"] - before["x1"], 1)] += 1
    return {size: counts.most_common(1)[0][0] for size, counts in gaps.items()}


def _wrapped(
    previous: dict[str, Any], line: dict[str, Any], right: float, spaces: dict[float, float]
) -> bool:
    """The line goes on the one before: its first word would not have fitted there, and it is
    not a Markdown mark that begins a paragraph."""
    first = line["words"][0]
    if first["text"] == "#":  # "# Rubrik" as plain-text minutes pasted into Word keep it
        return False
    space = spaces.get(previous["size"], 0.3 * previous["size"])
    return bool(previous["x1"] + space + (first["x1"] - first["x0"]) > right)
