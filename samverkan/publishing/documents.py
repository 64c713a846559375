"""Minutes as the document Swedish secretaries send: PDF through WeasyPrint, DOCX through python-docx."""

import io
from dataclasses import dataclass
from itertools import groupby

from django.template.loader import render_to_string
from django.utils import formats

from samverkan.meetings.models import Attendance, Meeting


@dataclass
class MinutesContent:
    """Everything the minutes document shows, gathered once for both formats."""

    meeting: Meeting
    bodies: str
    when: str
    time: str
    place: str
    present: list[tuple[str, list[str]]]  # organisation, names
    absent: list[str]
    items: list[tuple[str, str, list[str]]]  # title, notes, decisions
    assignments: list[tuple[str, str, str]]  # who, what, when
    next_meeting: str
    approval: str


def gather(meeting: Meeting) -> MinutesContent:
    minutes = meeting.minutes
    rows = meeting.attendance.select_related("person__organisation").order_by(
        "person__organisation__name", "person__name"
    )
    present = [r for r in rows if r.status == Attendance.Status.PRESENT]
    by_org = [
        (org or "Övriga", [r.person.name for r in group])
        for org, group in groupby(present, key=lambda r: str(r.person.organisation or ""))
    ]
    notes = {n.item_id: n.text for n in minutes.notes.all()}
    decisions: dict[int | None, list[str]] = {}
    for decision in minutes.decisions.all():
        decisions.setdefault(decision.item_id, []).append(decision.text)
    items = [(i.title, notes.get(i.pk, ""), decisions.get(i.pk, [])) for i in meeting.items.all()]
    assignments = [
        (
            ", ".join(a.owners()),
            a.text,
            formats.date_format(a.due_date, "j F Y")
            if a.due_date
            else (f"nästa möte i {a.due_body.short_name}" if a.due_body else "–"),
        )
        for a in meeting.assignments.prefetch_related("owner_people", "owner_bodies")
    ]
    body = meeting.bodies.first()
    upcoming = (
        body.meetings.filter(date__gt=meeting.date)
        .exclude(state="inställt")
        .order_by("date")
        .first()
        if body
        else None
    )
    approvers = ", ".join(p.name for p in minutes.approvers.all())
    approvers = f"Justerare: {approvers}" if approvers else ""
    return MinutesContent(
        meeting=meeting,
        bodies=" och ".join(b.name for b in meeting.bodies.all()),
        when=formats.date_format(meeting.date, "l j F Y").capitalize(),
        time=(f"kl. {meeting.start:%H.%M}" + (f"–{meeting.end:%H.%M}" if meeting.end else ""))
        if meeting.start
        else "",
        place=" eller ".join(x for x in (meeting.place, meeting.link) if x),
        present=by_org,
        absent=[r.person.name for r in rows if r.status == Attendance.Status.ABSENT],
        items=items,
        assignments=assignments,
        next_meeting=formats.date_format(upcoming.date, "l j F Y").capitalize() if upcoming else "",
        approval=approvers
        or ("Justeras vid nästa möte" if minutes.approval == "nästa möte" else ""),
    )


def minutes_pdf(meeting: Meeting) -> bytes:
    from weasyprint import HTML

    html = render_to_string("publishing/minutes_pdf.html", {"c": gather(meeting)})
    return HTML(string=html).write_pdf()


def minutes_docx(meeting: Meeting) -> bytes:
    import docx
    from docx.shared import Pt

    c = gather(meeting)
    document = docx.Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    document.add_paragraph(c.bodies).runs[0].bold = True
    document.add_heading("Minnesanteckningar", level=0)
    facts = document.add_table(rows=0, cols=2)
    for label, value in (("Datum", c.when), ("Tid", c.time), ("Plats", c.place)):
        if value:
            cells = facts.add_row().cells
            cells[0].text, cells[1].text = label, value
    document.add_heading("Närvarande", level=2)
    for organisation, names in c.present:
        document.add_paragraph(f"{organisation}: {', '.join(names)}")
    if c.absent:
        document.add_paragraph("Frånvarande: " + ", ".join(c.absent))
    for number, (title, notes, decisions) in enumerate(c.items, start=1):
        document.add_heading(f"{number}. {title}", level=2)
        if notes:
            document.add_paragraph(notes)
        for text in decisions:
            paragraph = document.add_paragraph(style="Intense Quote")
            paragraph.add_run("Beslut: ").bold = True
            paragraph.add_run(text)
    if c.assignments:
        document.add_heading("Uppdrag", level=2)
        table = document.add_table(rows=1, cols=3)
        table.style = "Light Grid Accent 1"
        for cell, label in zip(table.rows[0].cells, ("Vem", "Vad", "När"), strict=True):
            cell.text = label
        for row in c.assignments:
            for cell, value in zip(table.add_row().cells, row, strict=True):
                cell.text = value
    if c.next_meeting:
        document.add_heading("Nästa möte", level=2)
        document.add_paragraph(c.next_meeting)
    document.add_heading("Justering", level=2)
    document.add_paragraph(c.approval or "_______________________")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
