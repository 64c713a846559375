"""Inventory rounds: opening, answering, the overview with the previous round, and export."""

import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from samverkan.directory.models import Body
from samverkan.plans.models import (
    InventoryAnswer,
    InventoryRound,
)


@transaction.atomic
def open_round(*, title: str, goals, bodies, deadline=None) -> InventoryRound:
    previous = InventoryRound.objects.first()
    round_ = InventoryRound.objects.create(
        title=title, opened=timezone.localdate(), deadline=deadline, previous=previous
    )
    round_.goals.set(goals)
    round_.bodies.set(bodies)
    return round_


@transaction.atomic
def answer(round_: InventoryRound, body: Body, answers: dict[int, dict]) -> None:
    """answers: goal id → {"status", "comment", "evidence"}; saved together."""
    for goal_id, fields in answers.items():
        InventoryAnswer.objects.update_or_create(
            round=round_, body=body, goal_id=goal_id, defaults=fields
        )


@dataclass
class Cell:
    status: str | None
    previous: str | None
    comment: str = ""
    evidence: list[str] = field(default_factory=list)  # the links given as underlag
    goal: object = None

    @property
    def changed(self) -> bool:
        return self.previous is not None and self.status != self.previous


def overview(round_: InventoryRound) -> tuple[list, list, dict]:
    """Bodies × goals with each status and the previous round's status beside it."""
    goals = list(round_.goals.all())
    bodies = list(round_.bodies.all())
    now = {(a.body_id, a.goal_id): a for a in round_.answers.all()}
    before = {}
    if round_.previous:
        before = {(a.body_id, a.goal_id): a.status for a in round_.previous.answers.all()}
    cells = {}
    for b in bodies:
        for g in goals:
            given = now.get((b.pk, g.pk))
            cells[(b.pk, g.pk)] = Cell(
                given.status if given else None,
                before.get((b.pk, g.pk)),
                given.comment if given else "",
                [x.strip() for x in given.evidence.splitlines() if x.strip()] if given else [],
                g,
            )
    return bodies, goals, cells


# A spreadsheet reads text starting with one of these as a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def spreadsheet_text(value: str) -> str:
    """Text as it goes into an exported cell: a leading formula sign is escaped with '."""
    value = str(value)
    return "'" + value if value.startswith(FORMULA_START) else value


def export_xlsx(round_: InventoryRound) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    bodies, goals, cells = overview(round_)
    book = Workbook()
    sheet = book.active
    sheet.title = "Översikt"
    rows = [["Organ", *[g.area for g in goals]]]
    for body in bodies:
        row = [body.name]
        for goal in goals:
            c = cells[(body.pk, goal.pk)]
            lines = [c.status or "–"]
            if c.changed:
                lines[0] += f" (förra: {c.previous})"
            lines += ([c.comment] if c.comment else []) + c.evidence
            row.append("\n".join(lines))
        rows.append(row)
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(number, column)
            cell.value = spreadsheet_text(value)
            cell.data_type = "s"  # always text, never a formula
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 40
    for column in range(2, len(goals) + 2):
        sheet.column_dimensions[get_column_letter(column)].width = 36
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def export_pdf(round_: InventoryRound) -> bytes:
    """The overview as an A4 PDF (WeasyPrint): per body, each goal's answer."""
    from django.template.loader import render_to_string
    from weasyprint import HTML

    bodies, goals, cells = overview(round_)
    table = [(body, [cells[(body.pk, g.pk)] for g in goals]) for body in bodies]
    html = render_to_string(
        "plans/round_pdf.html", {"round": round_, "goals": goals, "table": table}
    )
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")  # tagged, for screen readers
