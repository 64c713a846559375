"""The decision and assignment registers as CSV, XLSX and JSON for anyone who may read them.

A cell that a spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a
carriage return) gets a leading apostrophe in CSV and XLSX, so it is shown as text.
"""

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
}


def safe(value) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def decision_rows(decisions) -> tuple[list[str], list[list]]:
    header = ["datum", "organ", "dagordningspunkt", "beslut", "möte"]
    rows = [
        [
            d.minutes.meeting.date,
            d.minutes.meeting.title,
            d.item.title if d.item else "",
            d.text,
            d.minutes.meeting_id,
        ]
        for d in decisions
    ]
    return header, rows


def assignment_rows(assignments) -> tuple[list[str], list[list]]:
    header = ["id", "uppdrag", "organ", "status", "förfallodag", "till nästa möte i"]
    header += ["ansvariga", "ursprung"]
    rows = [
        [
            a.pk,
            a.text,
            a.body.short_name,
            a.status,
            a.due_date,
            a.due_body.short_name if a.due_body else "",
            ", ".join(a.owners()),
            a.origin,
        ]
        for a in assignments
    ]
    return header, rows


def render(fmt: str, header: list[str], rows: list[list]) -> bytes:
    if fmt == "json":
        records = [dict(zip(header, row, strict=True)) for row in rows]
        return json.dumps(records, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
    if fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.append(header)
        for row in rows:
            sheet.append([safe(v) for v in row])
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(header)
    writer.writerows([safe(v) for v in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode()
