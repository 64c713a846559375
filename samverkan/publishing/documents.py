"""Minutes and kallelse as the documents Swedish secretaries send.

PDF through WeasyPrint, DOCX through python-docx.
"""

import io
from dataclasses import asdict, dataclass
from itertools import groupby

from django.template.loader import render_to_string
from django.utils import formats

from samverkan.directory.models import Membership
from samverkan.meetings import paragraphs
from samverkan.meetings.models import Attendance, Meeting

# Tagged PDF/UA: structure, language and title for screen readers (DOS-lagen, WCAG 2.1 AA)
ACCESSIBLE_PDF = "pdf/ua-1"


@dataclass
class Facts:
    """The heading every meeting document starts with."""

    bodies: str
    when: str
    time: str
    place: str

    @classmethod
    def of(cls, meeting: Meeting) -> "Facts":
        time = ""
        if meeting.start:
            time = f"kl. {meeting.start:%H.%M}" + (f"–{meeting.end:%H.%M}" if meeting.end else "")
        return cls(
            bodies=" och ".join(b.name for b in meeting.bodies.all()),
            when=formats.date_format(meeting.date, "l j F Y").capitalize(),
            time=time,
            place=" eller ".join(x for x in (meeting.place, meeting.link) if x),
        )

    def rows(self) -> list[tuple[str, str]]:
        rows = [("Datum", self.when), ("Tid", self.time), ("Plats", self.place)]
        return [(label, value) for label, value in rows if value]


@dataclass
class MinutesContent:
    """Everything the minutes document shows, gathered once for both formats."""

    meeting: Meeting
    facts: Facts
    present: list[tuple[str, list[str]]]  # organisation, names
    absent: list[str]
    items: list[tuple[str, str, str, list[str]]]  # number ("§ 12" or "3."), title, notes, decisions
    assignments: list[tuple[str, str, str]]  # who, what, when
    next_meeting: str
    approval: list[str]


def gather(meeting: Meeting, number: int | None = None) -> MinutesContent:
    """What the minutes show: an approved version from its snapshot (so nothing changed
    later reaches it), a draft as it stands. Without `number`, the current version."""
    minutes = meeting.minutes
    if number is None and minutes.is_locked:
        number = minutes.version
    version = minutes.versions.filter(number=number).first() if number else None
    if version is not None and "facts" in version.content:
        return _thaw(meeting, version.content)
    return gather_live(meeting)


def freeze(c: MinutesContent) -> dict:
    """The content as JSON for `minutes.Version.content`."""
    return {
        "facts": asdict(c.facts),
        "present": [[org, names] for org, names in c.present],
        "absent": c.absent,
        "items": [
            {"number": number, "title": title, "notes": notes, "decisions": decisions}
            for number, title, notes, decisions in c.items
        ],
        "assignments": [list(row) for row in c.assignments],
        "next_meeting": c.next_meeting,
        "approval": c.approval,
    }


def _thaw(meeting: Meeting, content: dict) -> MinutesContent:
    return MinutesContent(
        meeting=meeting,
        facts=Facts(**content["facts"]),
        present=[(org, names) for org, names in content["present"]],
        absent=content["absent"],
        items=[
            (i.get("number") or f"{n}.", i["title"], i["notes"], i["decisions"])
            for n, i in enumerate(content["items"], start=1)
        ],
        assignments=[tuple(row) for row in content["assignments"]],
        next_meeting=content["next_meeting"],
        approval=content["approval"],
    )


def gather_live(meeting: Meeting) -> MinutesContent:
    minutes = meeting.minutes
    rows = _attendance_by_organisation(meeting)
    by_org = _by_organisation(r for r in rows if r.status == Attendance.Status.PRESENT)
    notes = {n.item_id: n.text for n in minutes.notes.all()}
    decisions: dict[int | None, list[str]] = {}
    for decision in minutes.decisions.all():
        decisions.setdefault(decision.item_id, []).append(decision.text)
    agenda = list(meeting.items.all())
    labels = paragraphs.labels(meeting, agenda)
    items = [(labels[i.pk], i.title, notes.get(i.pk, ""), decisions.get(i.pk, [])) for i in agenda]
    assignments = [
        (
            ", ".join(a.owners()),
            a.text,
            formats.date_format(a.due_date, "j F Y")
            if a.due_date
            else (f"nästa möte i {a.due_body.short_name}" if a.due_body else "–"),
        )
        for a in meeting.assignments.select_related("due_body").prefetch_related(
            "owner_people", "owner_bodies"
        )
    ]
    body = meeting.bodies.first()
    upcoming = (
        body.meetings.shown()
        .filter(date__gt=meeting.date)
        .exclude(state=Meeting.State.CANCELLED)
        .order_by("date")
        .first()
        if body
        else None
    )
    return MinutesContent(
        meeting=meeting,
        facts=Facts.of(meeting),
        present=by_org,
        absent=[r.person.name for r in rows if r.status == Attendance.Status.ABSENT],
        items=items,
        assignments=assignments,
        next_meeting=formats.date_format(upcoming.date, "l j F Y").capitalize() if upcoming else "",
        approval=_approval(meeting, minutes),
    )


def _approval(meeting: Meeting, minutes) -> list[str]:
    """How the minutes were approved; imported ones that name no justering say where from."""
    source = getattr(meeting, "source", None)
    if source and minutes.version == 1 and not minutes.approvers.exists():
        return [source.provenance.capitalize()]
    return minutes.approval_lines()


def _attendance_by_organisation(meeting: Meeting):
    return meeting.attendance.select_related("person__organisation").order_by(
        "person__organisation__name", "person__name"
    )


def _by_organisation(attendance, marked=frozenset(), mark="") -> list[tuple[str, list[str]]]:
    """Names grouped by organisation (rows ordered by organisation); marked people get `mark`."""
    return [
        (
            org or "Övriga",
            [r.person.name + (mark if r.person_id in marked else "") for r in group],
        )
        for org, group in groupby(attendance, key=lambda r: str(r.person.organisation or ""))
    ]


def minutes_pdf(meeting: Meeting, number: int | None = None) -> bytes:
    from weasyprint import HTML

    html = render_to_string("publishing/minutes_pdf.html", {"c": gather(meeting, number)})
    return HTML(string=html).write_pdf(pdf_variant=ACCESSIBLE_PDF)


def minutes_docx(meeting: Meeting, number: int | None = None) -> bytes:
    c = gather(meeting, number)
    document = _docx_start(c.facts, "Minnesanteckningar")
    document.add_heading("Närvarande", level=2)
    for organisation, names in c.present:
        document.add_paragraph(f"{organisation}: {', '.join(names)}")
    if c.absent:
        document.add_paragraph("Frånvarande: " + ", ".join(c.absent))
    for number, title, notes, decisions in c.items:
        document.add_heading(f"{number} {title}", level=2)
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
    for line in c.approval or ["_______________________"]:
        document.add_paragraph(line)
    return _docx_bytes(document)


@dataclass
class InvitationItem:
    number: str
    title: str
    kind: str
    description: str
    responsible: str
    attachments: list[str]


@dataclass
class InvitationContent:
    """The kallelse: when and where, the agenda, and who is called."""

    meeting: Meeting
    facts: Facts
    kind: str
    items: list[InvitationItem]
    called: list[tuple[str, list[str]]]  # organisation, names


def gather_invitation(meeting: Meeting) -> InvitationContent:
    items = [
        InvitationItem(
            number=item.number,
            title=item.title,
            kind=item.get_kind_display(),
            description=item.description,
            responsible=", ".join(p.name for p in item.responsible.all()),
            attachments=[a.name for a in item.attachments.all()],
        )
        for item in meeting.items.prefetch_related("responsible", "attachments")
    ]
    rows = _attendance_by_organisation(meeting)
    substitutes = set(
        Membership.objects.current(on=meeting.date)
        .filter(body__in=meeting.bodies.all(), seat=Membership.Seat.SUBSTITUTE)
        .values_list("person_id", flat=True)
    )
    return InvitationContent(
        meeting=meeting,
        facts=Facts.of(meeting),
        kind=meeting.get_kind_display(),
        items=items,
        called=_by_organisation(rows, marked=substitutes, mark=" (ersättare)"),
    )


def invitation_pdf(meeting: Meeting) -> bytes:
    from weasyprint import HTML

    html = render_to_string("publishing/invitation_pdf.html", {"c": gather_invitation(meeting)})
    return HTML(string=html).write_pdf(pdf_variant=ACCESSIBLE_PDF)


def invitation_docx(meeting: Meeting) -> bytes:
    c = gather_invitation(meeting)
    document = _docx_start(c.facts, f"Kallelse till {c.kind.lower()} möte")
    document.add_heading("Dagordning", level=2)
    for item in c.items:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{item.number} {item.title}").bold = True
        paragraph.add_run(f" ({item.kind.lower()})")
        if item.description:
            paragraph.add_run(f"\n{item.description}")
        if item.responsible:
            paragraph.add_run(f"\nAnsvariga: {item.responsible}")
        for name in item.attachments:
            paragraph.add_run(f"\nBilaga: {name}")
    document.add_heading("Kallade", level=2)
    for organisation, names in c.called:
        document.add_paragraph(f"{organisation}: {', '.join(names)}")
    document.add_paragraph(
        "Om varken ordinarie eller ersättare kan komma, skicka någon annan som kan "
        "representera och återföra."
    )
    return _docx_bytes(document)


def _docx_start(facts: Facts, title: str):
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    document.add_paragraph(facts.bodies).runs[0].bold = True
    document.add_heading(title, level=0)
    table = document.add_table(rows=0, cols=2)
    for label, value in facts.rows():
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    return document


def _docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
