"""Word, ODT and PDF structure (headings, lists, tables) reads as the same text rules see in .txt."""

import io
from pathlib import Path

from samverkan.extraction import extract, extract_text
from samverkan.extraction.readers import read_document


def read_bytes(name: str, data: bytes, folder: Path) -> str:
    (folder / name).write_bytes(data)
    return read_document(folder / name)


TEXT = """Minnesanteckningar arbetsgrupp Sydost

Datum: 2024-03-05

Närvarande: Lena Ek, Sven Åström och Karin Berg

Mötets öppnande

Ordföranden hälsar välkommen.

Föregående anteckningar

Inga synpunkter lämnas.

Ekonomi

Budgeten gås igenom.
- Dagordningen godkänns.
- Karin återkommer med en tidplan.

Övriga frågor

Inga övriga frågor.
"""


def _word(kind: str) -> bytes:
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    if kind == "rubrik":  # a Swedish Word: the heading styles are called "Rubrik 1–3"
        for n in (1, 2, 3):
            style = document.styles.add_style(f"Rubrik {n}", WD_STYLE_TYPE.PARAGRAPH)
            style.font.size = docx.shared.Pt(16 - 2 * n)

    def heading(text, level):
        if kind == "bold":
            document.add_paragraph().add_run(text).bold = True
        elif kind == "rubrik":
            document.add_paragraph(text, style=f"Rubrik {level}")
        else:
            document.add_heading(text, level=level)

    heading("Minnesanteckningar arbetsgrupp Sydost", 1)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Datum:", "2024-03-05"
    table.cell(1, 0).text = "Närvarande:"
    table.cell(1, 1).text = "Lena Ek, Sven Åström och Karin Berg"
    for title, level, lines in [
        ("Mötets öppnande", 2, ["Ordföranden hälsar välkommen."]),
        ("Föregående anteckningar", 3, ["Inga synpunkter lämnas."]),
        ("Ekonomi", 2, ["Budgeten gås igenom."]),
    ]:
        heading(title, level)
        for line in lines:
            document.add_paragraph(line)
    document.add_paragraph("Dagordningen godkänns.", style="List Bullet")
    document.add_paragraph("Karin återkommer med en tidplan.", style="List Number")
    heading("Övriga frågor", 2)
    document.add_paragraph("Inga övriga frågor.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _odt() -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, List, ListItem, P

    document = OpenDocumentText()
    add = document.text.addElement
    add(H(outlinelevel=1, text="Minnesanteckningar arbetsgrupp Sydost"))
    add(P(text="Datum: 2024-03-05"))
    add(P(text="Närvarande: Lena Ek, Sven Åström och Karin Berg"))
    for title, line in [
        ("Mötets öppnande", "Ordföranden hälsar välkommen."),
        ("Föregående anteckningar", "Inga synpunkter lämnas."),
        ("Ekonomi", "Budgeten gås igenom."),
    ]:
        add(H(outlinelevel=2, text=title))
        add(P(text=line))
    items = List()
    for line in ("Dagordningen godkänns.", "Karin återkommer med en tidplan."):
        item = ListItem()
        item.addElement(P(text=line))
        items.addElement(item)
    add(items)
    add(H(outlinelevel=2, text="Övriga frågor"))
    add(P(text="Inga övriga frågor."))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def _pdf() -> bytes:
    from weasyprint import HTML

    page = """<html lang="sv"><body style="font-family: sans-serif; font-size: 10pt">
    <h1>Minnesanteckningar arbetsgrupp Sydost</h1>
    <p>Datum: 2024-03-05</p><p>Närvarande: Lena Ek, Sven Åström och Karin Berg</p>
    <h2>Mötets öppnande</h2><p>Ordföranden hälsar välkommen.</p>
    <h2>Föregående anteckningar</h2><p>Inga synpunkter lämnas.</p>
    <p><b>Ekonomi</b></p><p>Budgeten gås igenom.</p>
    <ul style="margin: 0"><li>Dagordningen godkänns.</li>
    <li>Karin återkommer med en tidplan.</li></ul>
    <h2>Övriga frågor</h2><p>Inga övriga frågor.</p></body></html>"""
    return HTML(string=page).write_pdf()


def _shape(minutes):
    return (
        [i.title for i in minutes.agenda],
        [d.text for d in minutes.decisions],
        [(a.text, a.owners) for a in minutes.actions],
        minutes.meeting.date,
        [a.name for a in minutes.attendees],
    )


def test_every_format_gives_the_same_minutes_as_the_text(tmp_path):
    expected = _shape(extract_text(TEXT))
    assert expected[0] == ["Mötets öppnande", "Föregående anteckningar", "Ekonomi", "Övriga frågor"]
    documents = {f"word-{kind}.docx": _word(kind) for kind in ("heading", "rubrik", "bold")}
    documents |= {"protokoll.odt": _odt(), "protokoll.pdf": _pdf()}
    for name, data in documents.items():
        (tmp_path / name).write_bytes(data)
        assert _shape(extract(tmp_path / name)) == expected, name


def test_numbered_lists_keep_their_numbers(tmp_path):
    import docx

    document = docx.Document()
    for line in ("Ett", "Två", "Tre"):
        document.add_paragraph(line, style="List Number")
    buffer = io.BytesIO()
    document.save(buffer)
    text = read_bytes("lista.docx", buffer.getvalue(), tmp_path)
    assert text.split("\n")[:3] == ["1. Ett", "2. Två", "3. Tre"]


def _pdf_of(body: str) -> bytes:
    from weasyprint import HTML

    style = "body { font-family: sans-serif; font-size: 10pt } p, ul { margin: 0 }"
    return HTML(
        string=f"<html lang='sv'><style>{style}</style><body>{body}</body></html>"
    ).write_pdf()


def test_a_ruled_pdf_table_is_read_once_as_rows_of_cells(tmp_path):
    cell = "style='border: .5pt solid #000; padding: 2pt 4pt; width: 8em'"
    data = _pdf_of(
        "<p>Innehåll</p><table style='border-collapse: collapse'>"
        f"<tr><td {cell}>§ 114</td><td {cell}>Granskning av investeringskalkylering</td>"
        f"<td {cell}>8</td></tr><tr><td {cell}>§ 115</td><td {cell}>Övrigt</td>"
        f"<td {cell}></td></tr></table><p>Mötet avslutas.</p>"
    )
    text = read_bytes("tabell.pdf", data, tmp_path)
    assert text.split("\n") == [
        "Innehåll",
        "",
        "| § 114 | Granskning av investeringskalkylering | 8 |",
        "| § 115 | Övrigt |",
        "",
        "Mötet avslutas.",
        "",
    ]


def _line(text: str, top: float, x0: float = 50.0) -> dict:
    words, x = [], x0
    for word in text.split():
        words.append({"text": word, "x0": x, "x1": x + 6 * len(word), "size": 10.0})
        x += 6 * len(word) + 3
    return {
        "words": words,
        "text": text,
        "top": top,
        "bottom": top + 10,
        "x0": x0,
        "x1": words[-1]["x1"],
        "size": 10.0,
        "bold": False,
    }


def test_the_symbol_font_bullet_of_a_word_pdf_is_a_list_item():
    from samverkan.extraction.pdf import _pdf_text

    page = [_line("Gruppen arbetar med:", 50), _line("\uf0b7 RDFS för vokabulär", 63, 60)]
    assert _pdf_text([page], 600.0, 800.0) == "Gruppen arbetar med:\n- RDFS för vokabulär\n"


def test_a_full_pdf_line_goes_on_in_the_next_unless_it_begins_with_a_markdown_mark():
    from samverkan.extraction.pdf import _pdf_text

    full = "Planerat som förberedande möte men kallelse har inte nått alla"  # ends at x 395
    page = [_line(full, 50), _line("deltagare.", 63), _line(full, 76), _line("# Rapport", 89)]
    assert _pdf_text([page], 445.0, 800.0).split("\n") == [
        full + " deltagare.",
        full,
        "# Rapport",
        "",
    ]


def test_a_pdf_list_indented_under_a_paragraph_keeps_its_depth():
    from samverkan.extraction.pdf import _pdf_text

    page = [
        _line("user stories", 50),
        _line("• id09", 63, 77),
        _line("• för stor", 76, 92),
        _line("protokoll", 89),
        _line("• protokollen såg bra ut", 102, 77),
    ]
    assert _pdf_text([page], 600.0, 800.0).split("\n") == [
        "user stories",
        "  - id09",
        "    - för stor",
        "protokoll",
        "  - protokollen såg bra ut",
        "",
    ]


def test_a_pdf_page_header_and_footer_repeated_on_every_page_are_left_out(tmp_path):
    from weasyprint import HTML

    style = """@page { size: A5; margin: 2cm 1cm;
        @top-right { content: "Sida " counter(page) " av " counter(pages) }
        @bottom-center { content: "Justerandes sign    Utdragsbestyrkande" } }
        body { font-family: sans-serif; font-size: 10pt } p { margin: 0 0 1em }"""
    paragraphs = "".join(f"<p>Punkt {n} läggs till handlingarna.</p>" for n in range(30))
    page = f"<html lang='sv'><style>{style}</style><body>{paragraphs}</body></html>"
    text = read_bytes("protokoll.pdf", HTML(string=page).write_pdf(), tmp_path)
    assert "Justerandes" not in text and "Sida" not in text
    assert [f"Punkt {n} läggs till handlingarna." for n in range(30)] == [
        line for line in text.split("\n") if line.startswith("Punkt")
    ]


def test_a_pdf_header_with_the_page_number_in_it_is_left_out_but_not_a_date(tmp_path):
    from weasyprint import HTML

    style = """@page { size: A5; margin: 2cm 1cm;
        @top-left { content: "SAMMANTRÄDESPROTOKOLL Sida " counter(page) " (" counter(pages) ")" } }
        body { font-family: sans-serif; font-size: 10pt } p { margin: 0 0 1em }"""
    paragraphs = "".join(f"<p>Punkt {n} läggs till handlingarna.</p>" for n in range(30))
    page = (
        f"<html lang='sv'><style>{style}</style><body><p>2024-05-14</p>{paragraphs}</body></html>"
    )
    text = read_bytes("protokoll.pdf", HTML(string=page).write_pdf(), tmp_path)
    assert "SAMMANTRÄDESPROTOKOLL" not in text
    assert "2024-05-14" in text


def test_a_pdf_of_nothing_but_a_ruled_table_is_read(tmp_path):
    from weasyprint import HTML

    cells = "".join(
        f"<tr><td>{task}</td><td>{who}</td></tr>"
        for task, who in [
            ("Uppgift", "Ansvarig"),
            ("Boka lokal", "Eva"),
            ("Skicka kallelse", "Per"),
        ]
    )
    style = "td { border: 1px solid black; padding: 4px } table { border-collapse: collapse }"
    page = f"<html lang='sv'><style>{style}</style><body><table>{cells}</table></body></html>"
    text = read_bytes("uppgifter.pdf", HTML(string=page).write_pdf(), tmp_path)
    assert "| Boka lokal | Eva |" in text
