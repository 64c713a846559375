"""The same minutes as a secretary's Word file (heading styles, lists, tables) and as a PDF."""

import html
import io
import re

from samverkan.extraction import extract_text
from samverkan.extraction.text import blocks

MD_HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*\s*$")
ORG_HEADING = re.compile(r"^(\*{1,6})\s+(\S.*?)\s*$")  # "** Val av mötesordförande" in Org mode
BULLET = re.compile(r"^(\s*)[-*•]\s+(.*)$")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}.*$")
MD_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
SYMBOL_BULLET = "\uf0b7"  # Word's bullet in the Symbol font, as text copied from a PDF has it


def _parts(text: str):
    """Each line as (kind, level, text): blank, heading, bullet, more (an indented line going
    on a list item), paragraph or table.

    A run of Markdown table rows ("|§ 113|Fördjupad månadsrapport|7|") is one table, its
    text the rows' cells, as a protocol's contents or attendance table is in Word.
    """
    text = CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    headings = {i.source.line for i in extract_text(text).agenda if i.source}
    marked = {b.line for b in blocks(text) if b.kind == "heading" and b.level != 8}
    rows: list[list[str]] = []
    item: int | None = None  # level of the list item an indented line goes on
    for number, line in enumerate(text.split("\n"), start=1):
        heading, bullet = MD_HEADING.match(line.strip()), BULLET.match(line)
        if number in marked and not heading:
            heading = ORG_HEADING.match(line)
        if TABLE_ROW.match(line) or (rows and TABLE_RULE.match(line)):
            if not TABLE_RULE.match(line):
                rows.append([c.strip() for c in line.strip()[1:-1].split("|")])
            continue
        if rows:
            yield "table", 0, rows
            rows = []
        if not line.strip():
            yield "blank", 0, ""
        elif heading and heading.group(2) and number in marked:
            yield "heading", len(heading.group(1)), heading.group(2)
        elif number in headings and not BULLET.match(line):
            yield "heading", 2, line.strip()
        elif bullet and bullet.group(2).strip():
            item = min(len(bullet.group(1).expandtabs(2)) // 2, 2)
            yield "bullet", item, bullet.group(2)
            continue
        elif item is not None and line[:1].isspace():
            yield "more", item, line  # "    webbformulär …" under "  - => För mycket …"
            continue
        else:
            yield "para", 0, line
        item = None
    if rows:
        yield "table", 0, rows


def as_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    ids = {}  # style ids looked up once: python-docx finds a style by name slowly

    def add(line, name=None):
        paragraph = document.add_paragraph(line)
        if name:
            if name not in ids:
                ids[name] = document.styles[name].style_id
            paragraph._p.get_or_add_pPr().get_or_add_pStyle().val = ids[name]

    for kind, level, line in _parts(text):
        if kind == "heading":
            add(line, f"Heading {min(level, 3)}")
        elif kind == "bullet":
            add(line, "List Bullet" + (f" {level + 1}" if level else ""))
        elif kind == "table":
            table = document.add_table(rows=len(line), cols=max(len(r) for r in line))
            for cells, row in zip(line, table.rows, strict=True):
                for value, cell in zip(cells, row.cells, strict=False):
                    cell.text = value
        else:
            add(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


CSS = """
@page { size: A3 landscape; margin: 1.5cm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; line-height: 1.3;
       font-variant-ligatures: none; }
p, ul { margin: 0; } .gap { height: 1.3em; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; } h3 { font-size: 12pt; }
h1, h2, h3 { margin: .8em 0; } h4, h5, h6 { font-size: 10pt; margin: .8em 0; }
ul { padding-left: 2em; } ul.d1 { margin-left: 1.5em; } ul.d2 { margin-left: 3em; }
p.d0 { margin-left: 2em; } p.d1 { margin-left: 3.5em; } p.d2 { margin-left: 5em; }
table { border-collapse: collapse; margin: .4em 0; }
td { border: .5pt solid #000; padding: 2pt 4pt; vertical-align: top; }
"""


def _printed(text: str) -> str:
    """The text as a PDF shows it: a link as its text, Word's Symbol bullet as "•"."""
    escaped = html.escape(text.replace(SYMBOL_BULLET, "•"))
    return MD_LINK.sub(lambda m: f'<a href="{m[2]}">{m[1]}</a>', escaped)


def as_pdf(text: str) -> bytes:
    from weasyprint import HTML

    out = []
    for kind, level, line in _parts(text):
        if kind == "table":
            rows = "".join(
                "<tr>" + "".join(f"<td>{_printed(c)}</td>" for c in cells) + "</tr>"
                for cells in line
            )
            out.append(f"<table>{rows}</table>")
            continue
        line = _printed(line)
        if kind == "blank":
            out.append('<div class="gap"></div>')
        elif kind == "heading":
            out.append(f"<h{min(level, 6)}>{line}</h{min(level, 6)}>")
        elif kind == "bullet":
            out.append(f'<ul class="d{level}"><li>{line}</li></ul>')
        elif kind == "more":  # under the item's text, as Word wraps a list item
            out.append(f'<p class="d{level}">{line.strip()}</p>')
        else:
            out.append(f"<p>{line}</p>")
    page = f"<html lang='sv'><style>{CSS}</style><body>{''.join(out)}</body></html>"
    return HTML(string=page).write_pdf()
