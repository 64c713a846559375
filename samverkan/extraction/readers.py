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
from collections.abc import Callable
from pathlib import Path
from typing import Any

from samverkan.extraction.pdf import read_pdf
from samverkan.extraction.plain import Lines, ReadError, short_line

MAX_BYTES = 25 * 1024 * 1024
# A .docx/.odt whose parts unpack to more than this is treated as a zip bomb.
MAX_UNPACKED = 200 * 1024 * 1024
# An XML part (the text of a .docx/.odt) is parsed only up to this size: a 636 KB file with
# 190 MB of XML took a minute and 2.9 GB to parse.
MAX_XML = 20 * 1024 * 1024


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
        elif _is_bold(block, style) and short_line(text):
            out.heading(text, 3)
        else:
            out.line(text)
    return out.text()


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
