"""Documents to plain text: txt/md, docx, pdf, odt, rtf and html, each by a well-kept library."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

MAX_BYTES = 25 * 1024 * 1024
# A .docx/.odt whose parts unpack to more than this is treated as a zip bomb.
MAX_UNPACKED = 200 * 1024 * 1024


class ReadError(Exception):
    """A document that cannot be read; the message is for people, in Swedish."""


def read_text_bytes(data: bytes) -> str:
    """Decode plain text: UTF-8 (with or without BOM), else Windows-1252 as Word saves it."""
    head = data[:4096]
    if head.count(b"\x00") * 100 > len(head):  # binary is full of NULs; exported text has a few
        raise ReadError("filen är binär, inte text")
    data = data.replace(b"\x00", b"")
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReadError("okänd teckenkodning")  # pragma: no cover - latin-1 decodes every byte


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                raise ReadError("filen packas upp till orimligt stor storlek (zip-bomb?)")
            if any(info.flag_bits & 0x1 for info in archive.infolist()):
                raise ReadError("filen är lösenordsskyddad")
    except zipfile.BadZipFile as error:
        raise ReadError("filen är skadad eller lösenordsskyddad") from error


def read_docx(path: Path) -> str:
    """Paragraphs and tables in document order; list numbering kept as "#"-free text."""
    _check_zip(path)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            prefix = "- " if block._p.pPr is not None and block._p.pPr.numPr is not None else ""
            lines.append(prefix + block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells = [c.text.strip() for c in row.cells]
                lines.append(" | ".join(dict.fromkeys(c for c in cells if c)))
            lines.append("")
    return "\n".join(lines)


def read_pdf(path: Path) -> str:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        with pdfplumber.open(str(path)) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
    except PDFPasswordIncorrect as error:
        raise ReadError("filen är lösenordsskyddad") from error
    except Exception as error:  # pdfminer raises many kinds for broken files
        raise ReadError("filen är ingen läsbar PDF") from error
    text = "\n\n".join(pages)
    if not text.strip():
        raise ReadError("PDF-filen saknar textlager (skannad bild?)")
    return text


def read_odt(path: Path) -> str:
    _check_zip(path)
    from odf import teletype  # type: ignore[import-untyped]
    from odf.opendocument import load  # type: ignore[import-untyped]
    from odf.text import H, P  # type: ignore[import-untyped]

    try:
        document = load(str(path))
    except Exception as error:
        raise ReadError("filen är ingen läsbar ODT-fil") from error
    return "\n\n".join(
        str(teletype.extractText(node))
        for node in document.text.getElementsByType(P) + document.text.getElementsByType(H)
    )


def read_rtf(path: Path) -> str:
    from striprtf.striprtf import rtf_to_text

    text: str = rtf_to_text(read_text_bytes(path.read_bytes()))  # type: ignore[no-untyped-call]
    return text


def read_html(path: Path) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(read_text_bytes(path.read_bytes()), "html.parser")
    for tag in soup(["script", "style", "nav", "head"]):
        tag.decompose()
    return soup.get_text("\n")


def read_plain(path: Path) -> str:
    return read_text_bytes(path.read_bytes())


READERS: dict[str, Callable[[Path], str]] = {
    ".txt": read_plain,
    ".md": read_plain,
    ".docx": read_docx,
    ".pdf": read_pdf,
    ".odt": read_odt,
    ".rtf": read_rtf,
    ".html": read_html,
    ".htm": read_html,
}


def read_document(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """The document's text, or ReadError with a Swedish reason."""
    if not path.is_file():
        raise ReadError("filen finns inte")
    size = path.stat().st_size
    if size == 0:
        raise ReadError("filen är tom")
    if size > max_bytes:
        raise ReadError(
            f"filen är för stor ({size // (1024 * 1024)} MB, högst {max_bytes // (1024 * 1024)} MB)"
        )
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ReadError(f"filtypen {path.suffix or '(ingen)'} stöds inte")
    try:
        text = reader(path)
    except ReadError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ReadError("filen är skadad och kan inte läsas") from error
    if not text.strip():
        raise ReadError("filen innehåller ingen text")
    return text
