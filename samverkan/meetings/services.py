"""Planning, agenda, attendance, cancelling and moving meetings; each step in one transaction."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from samverkan.directory.models import Body, Membership, Person
from samverkan.meetings import substitutes
from samverkan.meetings.agenda import StandardAgenda, own_items_position
from samverkan.meetings.models import AgendaItem, Attendance, Meeting


@transaction.atomic
def plan_meeting(*, bodies: list[Body], standard_items: bool = True, **fields) -> Meeting:
    """A new meeting; its agenda starts as the standard agenda of the first body."""
    meeting = Meeting(**fields)
    meeting.full_clean()
    meeting.save()
    if standard_items and bodies:
        standard = StandardAgenda.of(bodies[0]).items()
        AgendaItem.objects.bulk_create(
            AgendaItem(meeting=meeting, position=position, title=title, kind=kind)
            for position, (title, kind) in enumerate(standard, start=1)
        )
    meeting.bodies.add(*bodies)  # last: whatever follows the bodies sees the agenda in place
    invite_members(meeting)
    return meeting


def invite_members(meeting: Meeting) -> None:
    """Everyone who sits in one of the bodies (ordinarie and ersättare) gets a row."""
    people = Person.objects.filter(memberships__in=_current_memberships(meeting)).distinct()
    for person in people:
        Attendance.objects.get_or_create(meeting=meeting, person=person)


def _current_memberships(meeting: Meeting):
    return Membership.objects.current(on=meeting.date).filter(body__in=meeting.bodies.all())


def add_item(
    meeting: Meeting,
    *,
    title: str,
    kind: str,
    responsible=(),
    description="",
    position: int | None = None,
) -> AgendaItem:
    """A new item, before the closing standard items unless a position is given."""
    meeting.check_open_for_edits()
    if position is None:
        agenda = StandardAgenda.of(meeting.bodies.first())
        position = own_items_position(agenda, list(meeting.items.all()))
        meeting.items.filter(position__gte=position).update(position=F("position") + 1)
    item = AgendaItem.objects.create(
        meeting=meeting, title=title, kind=kind, description=description, position=position
    )
    if responsible:
        item.responsible.add(*responsible)
    return item


def check_item_editable(item: AgendaItem) -> None:
    """An item's title, kind, description, responsible and attachments: until justering."""
    item.meeting.check_open_for_edits()


def move_item(item: AgendaItem, *, up: bool) -> None:
    item.meeting.check_open_for_edits()
    siblings = list(item.meeting.items.all())
    i = siblings.index(item)
    j = i - 1 if up else i + 1
    if 0 <= j < len(siblings):
        siblings[i], siblings[j] = siblings[j], siblings[i]
        with transaction.atomic():
            _number(siblings)


def _number(items: list[AgendaItem]) -> None:
    """Positions 1, 2, 3… in the given order, writing only the items that moved."""
    for position, item in enumerate(items, start=1):
        if item.position != position:
            AgendaItem.objects.filter(pk=item.pk).update(position=position)


@transaction.atomic
def remove_item(item: AgendaItem) -> None:
    """Take an item off the agenda before the meeting; afterwards it is part of the record."""
    meeting = item.meeting
    meeting.check_open_for_edits()
    if meeting.is_held:
        raise ValidationError(
            _("Mötet är genomfört, så punkten är en del av protokollet och kan inte tas bort.")
        )
    item.delete()
    _number(list(meeting.items.all()))


@transaction.atomic
def set_attendance(
    meeting: Meeting, person: Person, *, status: str, substitute: Person | None = None
) -> Attendance:
    """A member's answer; the substitute it names is present, and only while it names them."""
    meeting.check_open_for_edits()
    if status == Attendance.Status.SUBSTITUTE and substitute is None:
        raise ValidationError(_("Ange vem som går i stället."))
    if substitute == person:
        raise ValidationError(_("En person kan inte vara ersättare för sig själv."))
    row, _created = Attendance.objects.get_or_create(meeting=meeting, person=person)
    before = row.substitute
    row.status = status
    row.substitute = substitute if status == Attendance.Status.SUBSTITUTE else None
    row.save()
    if before is not None and before != row.substitute:
        _release_substitute(meeting, before)
    if row.substitute:
        Attendance.objects.get_or_create(
            meeting=meeting, person=row.substitute, defaults={"status": Attendance.Status.PRESENT}
        )
    substitutes.after_answer(meeting, person, status)
    return row


def _release_substitute(meeting: Meeting, person: Person) -> None:
    """The row made for a substitute no one names any more goes, unless they are invited anyway."""
    if meeting.attendance.filter(substitute=person).exists():
        return
    if _current_memberships(meeting).filter(person=person).exists():
        return
    meeting.attendance.filter(person=person, status=Attendance.Status.PRESENT).delete()


@transaction.atomic
def record_attendance(meeting: Meeting, statuses: dict[int, str]) -> None:
    """Who was there, person by person (the secretary's list at or after the meeting)."""
    meeting.check_open_for_edits()
    for row in meeting.attendance.all():
        status = statuses.get(row.person_id)
        if status and status != row.status:
            row.status = status
            row.save(update_fields=["status"])


@transaction.atomic
def cancel_meeting(meeting: Meeting, *, reason: str) -> None:
    meeting.cancel(reason)


@transaction.atomic
def move_meeting(meeting: Meeting, *, date: datetime.date, start=None, end=None) -> None:
    meeting.move(date, start, end)


@transaction.atomic
def mark_held(meeting: Meeting) -> None:
    meeting.mark_held()
