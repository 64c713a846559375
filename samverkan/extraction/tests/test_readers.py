"""Every supported format reads into the same minutes; bad files give one Swedish reason."""

import zipfile
from pathlib import Path

import pytest

from samverkan.extraction import ReadError, extract
from samverkan.extraction.readers import read_document

LINES = [
    "Minnesanteckningar arbetsgrupp Sydost",
    "Datum: 2024-03-05",
    "Närvarande: Lena Ek, Sven Åström och Karin Berg",
    "Dagordningen godkänns.",
    "Karin återkommer med en tidplan.",
]


def check(minutes):
    assert minutes.meeting.date == "2024-03-05"
    assert [a.name for a in minutes.attendees] == ["Lena Ek", "Sven Åström", "Karin Berg"]
    assert [d.text for d in minutes.decisions] == ["Dagordningen godkänns."]
    assert minutes.actions[0].owners == ("Karin Berg",)


def test_plain_text_in_windows_1252(tmp_path):
    path = tmp_path / "anteckningar.txt"
    path.write_bytes("\r\n\r\n".join(LINES).encode("cp1252"))
    check(extract(path))


def test_docx_with_numbered_list_and_table(tmp_path):
    import docx

    document = docx.Document()
    for line in LINES[:2]:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Närvarande:"
    table.cell(0, 1).text = "Lena Ek, Sven Åström och Karin Berg"
    document.add_heading("Uppföljning", level=2)  # a list right after attendance is more names
    document.add_paragraph(LINES[3], style="List Number")
    document.add_paragraph(LINES[4], style="List Number")
    path = tmp_path / "protokoll.docx"
    document.save(path)
    check(extract(path))


def test_odt(tmp_path):
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    for line in LINES:
        document.text.addElement(P(text=line))
    path = tmp_path / "protokoll.odt"
    document.save(str(path))
    check(extract(path))


def test_rtf(tmp_path):
    body = r"\par ".join(
        line.replace("å", r"\'e5").replace("ä", r"\'e4").replace("Å", r"\'c5").replace("ö", r"\'f6")
        for line in LINES
    )
    path = tmp_path / "protokoll.rtf"
    path.write_text(r"{\rtf1\ansi\ansicpg1252 " + body + r"\par }", encoding="ascii")
    check(extract(path))


def test_html(tmp_path):
    path = tmp_path / "protokoll.html"
    path.write_text(
        "<html><head><title>x</title><script>var a;</script></head><body>"
        + "".join(f"<p>{line}</p>" for line in LINES)
        + "</body></html>",
        encoding="utf-8",
    )
    check(extract(path))


def write_pdf(path: Path, lines: list[str]) -> None:
    """A minimal one-page PDF with a text layer in WinAnsi encoding."""

    def esc(s):
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    text = (
        "BT /F1 11 Tf 50 800 Td 14 TL " + " ".join(f"({esc(line)}) ' ()'" for line in lines) + " ET"
    )
    stream = text.encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))


def test_pdf_text_layer(tmp_path):
    path = tmp_path / "protokoll.pdf"
    write_pdf(path, LINES)
    check(extract(path))


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("tom.txt", b"", "filen är tom"),
        ("bild.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binär"),
        ("trasig.docx", b"PK\x03\x04 inte en riktig docx", "skadad"),
        ("krypterad.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "lösenordsskyddad"),
        ("trasig.pdf", b"%PDF-1.4\n trasig", "ingen läsbar PDF"),
        ("okand.xyz", b"hej", "stöds inte"),
    ],
)
def test_bad_files_give_a_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError, match=reason):
        read_document(path)


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match="finns inte"):
        read_document(tmp_path / "saknas.docx")


def test_huge_text_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "stor.txt"
    with path.open("wb") as f:
        f.truncate(100 * 1024 * 1024)
    with pytest.raises(ReadError, match="för stor"):
        read_document(path)


def test_zip_bomb_disguised_as_docx(tmp_path):
    path = tmp_path / "bomb.docx"
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        member = archive.open("word/document.xml", "w", force_zip64=True)
        for _ in range(210):
            member.write(chunk)
        member.close()
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(ReadError, match="zip-bomb"):
        read_document(path)


def test_pdf_without_text_layer(tmp_path):
    path = tmp_path / "skannad.pdf"
    write_pdf(path, [])
    with pytest.raises(ReadError, match="textlager"):
        read_document(path)


def test_a_few_stray_nul_bytes_do_not_make_text_binary(tmp_path):
    """A PDF-to-text export with three NUL bytes among 4 KB of Swedish is still minutes."""
    text = "Minnesanteckningar referensgruppen\n" + "Beslutades att dagordningen godkänns.\n" * 100
    path = tmp_path / "anteckningar.txt"
    path.write_bytes(text.encode()[:500] + b"\x00" + text.encode()[500:2000] + b"\x00\x00")
    assert "dagordningen godkänns" in read_document(path)
