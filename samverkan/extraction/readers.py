"""Documents to plain text: txt/md, docx, pdf, odt, rtf and html, each by a well-kept library.

Structure is written the way a plain-text document shows it, so the text rules see the same
thing whatever the format: a heading (Word's Heading 1–3 or Rubrik 1–3, ODT's outline levels,
a larger or bold line in a PDF, a short bold paragraph) is a line of its own, "## Title";
list items are "- item" or keep their number ("3. item"), indented two spaces per level; a
table row is one line "| cell | cell |" as in Markdown; an empty paragraph is a blank line.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

MAX_BYTES = 25 * 1024 * 1024
# A .docx/.odt whose parts unpack to more than this is treated as a zip bomb.
MAX_UNPACKED = 200 * 1024 * 1024
# An XML part (the text of a .docx/.odt) is parsed only up to this size: a 636 KB file with
# 190 MB of XML took a minute and 2.9 GB to parse.
MAX_XML = 20 * 1024 * 1024
MAX_PAGES = 1000  # a PDF with more pages is refused before its pages are read
BOLD_HEADING_WORDS = 12  # a bold paragraph this short, standing alone, is a heading


class ReadError(Exception):
    """A document that cannot be read; the message is for people, in Swedish."""


def read_text_bytes(data: bytes) -> str:
    """Decode plain text: UTF-8 (with or without BOM), else Windows-1252 as Word saves it."""
    head = data[:4096]
    if head.count(b"\x00") * 100 > len(head):
        raise ReadError("filen är binär, inte text")
    data = data.replace(b"\x00", b"")  # stray NUL bytes of text copied from a PDF
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReadError("okänd teckenkodning")  # pragma: no cover - latin-1 decodes every byte


def _check_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED or any(
                info.filename.endswith(".xml") and info.file_size > MAX_XML
                for info in archive.infolist()
            ):
                raise ReadError("filen är för stor uppackad (zip-bomb?)")
            if any(info.flag_bits & 0x1 for info in archive.infolist()):
                raise ReadError("filen är lösenordsskyddad")
    except zipfile.BadZipFile as error:
        raise ReadError("filen är skadad eller lösenordsskyddad") from error


class Lines:
    """The text being written: one line per paragraph, blank lines never doubled."""

    def __init__(self) -> None:
        self.out: list[str] = []

    def blank(self) -> None:
        if self.out and self.out[-1] != "":
            self.out.append("")

    def heading(self, text: str, level: int) -> None:
        text = " ".join(text.split())
        if not text:
            return
        self.out.append("#" * max(1, min(level, 6)) + " " + text)

    def line(self, text: str) -> None:
        self.out.extend(text.split("\n"))

    def row(self, cells: list[str]) -> None:
        """One line per table row, "| cell | cell |", as the text rules read a Markdown table."""
        cells = [" ".join(c.split()) for c in cells if c.strip()]
        if cells:
            self.out.append("| " + " | ".join(cells) + " |")

    def text(self) -> str:
        return "\n".join(self.out).strip("\n") + "\n"


HEADING_STYLE = re.compile(r"(?i)^(?:heading|rubrik)\s*(\d)$")
LIST_STYLE = re.compile(r"(?i)^(?:list|lista)\s*(bullet|number|punkt|nummer)?\s*(\d)?")


def _heading_level(style_name: str) -> int | None:
    if style_name.casefold() in {"title", "rubrik", "titel"}:
        return 1
    m = HEADING_STYLE.match(style_name.strip())
    return int(m[1]) if m else None


class _Numbering:
    """Word list numbering: whether a list is bulleted and the number each item shows."""

    def __init__(self, document: Any) -> None:
        self.formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[tuple[str, int], int] = {}
        try:
            part = document.part.numbering_part
        except (KeyError, NotImplementedError, ValueError):
            return
        ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
        w = "{" + ns["w"] + "}"
        root = part.element
        abstract = {}
        for node in root.findall("w:abstractNum", ns):
            levels = {}
            for lvl in node.findall("w:lvl", ns):
                fmt = lvl.find("w:numFmt", ns)
                text = lvl.find("w:lvlText", ns)
                start = lvl.find("w:start", ns)
                levels[int(lvl.get(w + "ilvl", "0"))] = (
                    fmt.get(w + "val") if fmt is not None else "decimal",
                    text.get(w + "val") if text is not None else "%1.",
                    int(start.get(w + "val")) if start is not None else 1,
                )
            abstract[node.get(w + "abstractNumId")] = levels
        for num in root.findall("w:num", ns):
            ref = num.find("w:abstractNumId", ns)
            if ref is None:
                continue
            for ilvl, spec in abstract.get(ref.get(w + "val"), {}).items():
                self.formats[(num.get(w + "numId"), ilvl)] = spec

    def marker(self, num_id: str, ilvl: int) -> str:
        fmt, text, start = self.formats.get((num_id, ilvl), ("bullet", "", 1))
        if fmt in {"bullet", "none"} or not fmt:
            return "-"
        for key in [k for k in self.counters if k[0] == num_id and k[1] > ilvl]:
            del self.counters[key]  # a deeper list starts over under each new item
        count = self.counters.get((num_id, ilvl), start - 1) + 1
        self.counters[(num_id, ilvl)] = count
        shown = re.sub(
            r"%(\d)", lambda m: str(self._count(num_id, int(m[1]) - 1, count, ilvl)), text
        )
        return shown.strip() or "-"

    def _count(self, num_id: str, level: int, current: int, ilvl: int) -> int:
        return current if level == ilvl else self.counters.get((num_id, level), 1)


class _Style:
    """What a paragraph style says: heading level, list (numId, level), bold — looked up once."""

    def __init__(self, style: Any) -> None:
        name = style.name or "" if style is not None else ""
        self.heading = _heading_level(name)
        self.bold = bool(style is not None and style.font.bold)
        self.list: tuple[str | None, int | None] = (None, None)
        chain = style
        while chain is not None and self.list[0] is None:
            ppr = chain.element.pPr
            if ppr is not None and ppr.numPr is not None and ppr.numPr.numId is not None:
                ilvl = ppr.numPr.ilvl.val if ppr.numPr.ilvl is not None else None
                self.list = (str(ppr.numPr.numId.val), ilvl)
            chain = chain.base_style
        m = LIST_STYLE.match(name)
        self.list_level = int(m[2]) - 1 if m and m[2] else 0


class _Styles:
    def __init__(self, document: Any) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        self.by_id = {s.style_id: s for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
        default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self.default = _Style(default)
        self.cache: dict[str, _Style] = {}

    def of(self, paragraph: Any) -> _Style:
        ppr = paragraph._p.pPr
        style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else None
        if style_id is None or style_id not in self.by_id:
            return self.default
        if style_id not in self.cache:
            self.cache[style_id] = _Style(self.by_id[style_id])
        return self.cache[style_id]


def _num_pr(paragraph: Any, style: _Style) -> tuple[str, int] | None:
    """The paragraph's list (numId, level), set on it or on its style."""
    ppr = paragraph._p.pPr
    num_id, ilvl = style.list
    if ppr is not None and ppr.numPr is not None:
        if ppr.numPr.numId is not None:
            num_id = str(ppr.numPr.numId.val)
        if ppr.numPr.ilvl is not None:
            ilvl = int(ppr.numPr.ilvl.val)
    if num_id is None or num_id == "0":
        return None
    return num_id, style.list_level if ilvl is None else int(ilvl)


def _is_bold(paragraph: Any, style: _Style) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    return bool(runs) and all(r.bold or (r.bold is None and style.bold) for r in runs)


def _short_line(text: str) -> bool:
    return "\n" not in text.strip() and len(text.split()) <= BOLD_HEADING_WORDS


def read_docx(data: bytes) -> str:
    """Paragraphs, headings, lists and tables in document order."""
    _check_zip(data)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    numbering = _Numbering(document)
    styles = _Styles(document)
    out = Lines()
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            out.blank()
            for row in block.rows:
                merged = {id(c._tc): c for c in row.cells}  # a merged cell repeats in a row
                out.row([c.text for c in merged.values()])
            out.blank()
            continue
        if not isinstance(block, Paragraph):
            continue
        text = block.text.replace("\t", " ")
        style = styles.of(block)
        listed = _num_pr(block, style)
        if not text.strip():
            out.blank()
        elif style.heading is not None:
            out.heading(text, style.heading)
        elif listed is not None:
            marker = numbering.marker(*listed)
            out.line("  " * listed[1] + marker + " " + text.strip())
        elif _is_bold(block, style) and _short_line(text):
            out.heading(text, 3)
        else:
            out.line(text)
    return out.text()


def read_pdf(data: bytes) -> str:
    """Lines rebuilt from the words' positions: wrapped lines joined, gaps as blank lines,
    larger or bold lines as headings, "•" as list items."""
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


PAGE_NUMBER = re.compile(r"(?i)^(?:sida|page|s\.)?[\s\d()/.\-–]*(?:(?:av|of)[\s\d()]*)?$")


def _running_key(line: dict[str, Any]) -> str:
    """The text a running line repeats: itself, or any page number ("5", "2 (2)", "Sida 3 av 7")."""
    text: str = line["text"]
    return "#" if any(c.isdigit() for c in text) and PAGE_NUMBER.match(text) else text


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
        return ""
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
            if level is None and line["bold"] and _short_line(text) and lone and not goes_on:
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


def read_odt(data: bytes) -> str:
    """Paragraphs, headings (outline level), lists and tables in document order."""
    _check_zip(data)
    from odf import teletype  # type: ignore[import-untyped]
    from odf.element import Element  # type: ignore[import-untyped]
    from odf.opendocument import load  # type: ignore[import-untyped]

    try:
        document = load(io.BytesIO(data))
    except Exception as error:
        raise ReadError("filen är ingen läsbar ODT-fil") from error
    out = Lines()
    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    table_ns = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"

    def walk(node: Element, depth: int) -> None:
        for child in node.childNodes:
            if child.nodeType != child.ELEMENT_NODE:
                continue
            ns, tag = child.qname
            if ns == text_ns and tag == "h":
                level = child.getAttrNS(text_ns, "outline-level") or "1"
                out.heading(str(teletype.extractText(child)), int(level))
            elif ns == text_ns and tag == "p":
                text = str(teletype.extractText(child))
                if text.strip():
                    out.line(text)
                else:
                    out.blank()
            elif ns == text_ns and tag == "list":
                for item in child.childNodes:
                    if item.nodeType == item.ELEMENT_NODE and item.qname[1] == "list-item":
                        _odt_item(item, depth, out, walk, teletype, text_ns)
            elif ns == table_ns and tag == "table":
                out.blank()
                for row in child.getElementsByType(_odt_row()):
                    out.row([str(teletype.extractText(c)) for c in row.childNodes])
                out.blank()
            elif ns == text_ns and tag == "section":
                walk(child, depth)

    walk(document.text, 0)
    return out.text()


def _odt_row() -> Any:
    from odf.table import TableRow  # type: ignore[import-untyped]

    return TableRow


def _odt_item(item: Any, depth: int, out: Lines, walk: Any, teletype: Any, text_ns: str) -> None:
    first = True
    for part in item.childNodes:
        if part.nodeType != part.ELEMENT_NODE:
            continue
        if part.qname[1] == "list":
            for sub in part.childNodes:
                if sub.nodeType == sub.ELEMENT_NODE and sub.qname[1] == "list-item":
                    _odt_item(sub, depth + 1, out, walk, teletype, text_ns)
        elif first:
            out.line("  " * depth + "- " + str(teletype.extractText(part)).strip())
            first = False
        else:
            out.line("  " * depth + "  " + str(teletype.extractText(part)).strip())


def read_rtf(data: bytes) -> str:
    from striprtf.striprtf import rtf_to_text

    text: str = rtf_to_text(read_text_bytes(data))  # type: ignore[no-untyped-call]
    return text


def read_html(data: bytes) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(read_text_bytes(data), "html.parser")
    for tag in soup(["script", "style", "nav", "head"]):
        tag.decompose()
    return soup.get_text("\n")


READERS: dict[str, Callable[[bytes], str]] = {
    ".txt": read_text_bytes,
    ".md": read_text_bytes,
    ".docx": read_docx,
    ".pdf": read_pdf,
    ".odt": read_odt,
    ".rtf": read_rtf,
    ".html": read_html,
    ".htm": read_html,
}


def read_bytes(name: str, data: bytes, max_bytes: int = MAX_BYTES) -> str:
    """The text of a document given as its name and bytes, or ReadError with a Swedish reason."""
    if not data:
        raise ReadError("filen är tom")
    if len(data) > max_bytes:
        raise ReadError(
            f"filen är för stor ({len(data) // (1024 * 1024)} MB, "
            f"högst {max_bytes // (1024 * 1024)} MB)"
        )
    suffix = Path(name).suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        raise ReadError(f"filtypen {suffix or '(ingen)'} stöds inte")
    try:
        text = reader(data)
    except ReadError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ReadError("filen är skadad och kan inte läsas") from error
    if not text.strip():
        raise ReadError("filen innehåller ingen text")
    return text


def read_document(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """The document's text, or ReadError with a Swedish reason."""
    if not path.is_file():
        raise ReadError("filen finns inte")
    if path.stat().st_size > max_bytes:
        raise ReadError(
            f"filen är för stor ({path.stat().st_size // (1024 * 1024)} MB, "
            f"högst {max_bytes // (1024 * 1024)} MB)"
        )
    return read_bytes(path.name, path.read_bytes(), max_bytes)
