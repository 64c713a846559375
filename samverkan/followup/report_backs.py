"""The report-back rule, kept in one place: which meeting's agenda each open assignment is on.

The rule
--------
An open assignment (öppen, pågående) comes back at the **first coming meeting** of its body that
qualifies, under that meeting's one "Återrapportering" item:

* due "nästa möte" (``due_body``): the first meeting of ``due_body`` after the meeting that gave
  the assignment;
* due by a date: the first meeting of ``body`` on or after the due date — a date already passed,
  or before the next meeting, means the next meeting;
* never the meeting that gave it, nor one before it; no due date and no "nästa möte": no agenda.

A *coming* meeting is planned or has its kallelse sent, is not cancelled and its day has not
passed. So a moved meeting takes or hands over its assignments as the dates now say, a cancelled
meeting passes them on to the next one, "fortsätter" with a new date moves the assignment to the
first meeting on or after that date, and an assignment closed outside a meeting (klar,
avskriven on its own page) leaves the coming agenda. Each assignment is on at most one agenda;
each meeting has at most one Återrapportering item, removed again when nothing is left under it
and nothing was written there.

What is already on the record stays there: an assignment reported or closed at a meeting stays
under that meeting's item, and an item of a held meeting is never removed. An assignment still
open after its meeting was held comes back at the next coming meeting.

`sync` applies the rule for some bodies, `place` for one assignment; inside `deferred()`,
`sync` runs once at the end for every body it was asked for. Through `followup.signals`
they run whenever an assignment is saved or deleted, a meeting's date or state changes
(planned, moved, cancelled, held) and a meeting's bodies change; `samverkan sync-report-backs`
runs `sync` for every body (nightly, so that a meeting whose day passed hands over what it left
open).
"""

import contextlib
import datetime
from contextvars import ContextVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from samverkan.directory.models import Body
from samverkan.followup.models import Assignment
from samverkan.meetings.agenda import REPORT_BACK, report_back_position
from samverkan.meetings.models import AgendaItem, Meeting
from samverkan.meetings.services import remove_item

TITLE = REPORT_BACK
COMING = (Meeting.State.PLANNED, Meeting.State.INVITED)


def phase(state: str) -> str:
    """All the rule tells apart of a meeting's state: coming, cancelled, or held (whatever
    became of its minutes since)."""
    if state in COMING:
        return "coming"
    return "cancelled" if state == Meeting.State.CANCELLED else "held"


def coming_meetings(body_id: int) -> list[Meeting]:
    return list(
        Meeting.objects.filter(bodies=body_id, state__in=COMING, date__gte=timezone.localdate())
        .order_by("date", "start", "pk")
        .distinct()
    )


class _Meetings:
    """The coming meetings per body, read once per sync."""

    def __init__(self) -> None:
        self.by_body: dict[int, list[Meeting]] = {}

    def of(self, body_id: int) -> list[Meeting]:
        if body_id not in self.by_body:
            self.by_body[body_id] = coming_meetings(body_id)
        return self.by_body[body_id]

    def target(self, body_id, due_date, due_body_id, given) -> Meeting | None:
        """The meeting an open assignment belongs on, by the rule above."""
        after = (given or datetime.date.min) + datetime.timedelta(days=1)
        if due_date is not None:
            after = max(after, due_date)
        elif due_body_id is not None:
            body_id = due_body_id
        else:
            return None
        return next((m for m in self.of(body_id) if m.date >= after), None)


# what the rule needs of an assignment, read as plain values (a body may have thousands open)
FIELDS = (
    "pk",
    "body_id",
    "due_date",
    "due_body_id",
    "meeting__date",
    "report_item_id",
    "report_item__meeting_id",
)


# the bodies whose rule waits for the end of a `deferred()` block; None outside one
_waiting: ContextVar[set[int] | None] = ContextVar("report_backs_waiting", default=None)


@contextlib.contextmanager
def deferred():
    """Inside the block `sync` only notes its bodies; the rule runs once for all of them when
    the block ends. An import holds a meeting, gives its assignments and plans the next one:
    the rule needs only where that ends, not each step (it settles from the state it finds)."""
    if _waiting.get() is not None:
        yield
        return
    token = _waiting.set(set())
    try:
        yield
        bodies = _waiting.get()
    finally:
        _waiting.reset(token)
    sync(*bodies)


def sync(*bodies: Body | int) -> None:
    """Put every open assignment of these bodies on the agenda the rule says, and nowhere else."""
    ids = {b if isinstance(b, int) else b.pk for b in bodies}
    waiting = _waiting.get()
    if waiting is not None:
        waiting.update(ids)
    elif ids:
        _sync(ids)


@transaction.atomic
def _sync(ids: set[int]) -> None:
    meetings = _Meetings()
    coming = [m.date for body_id in ids for m in meetings.of(body_id)]
    # on an item that may not be the record yet (the rule itself decides, with `is_held`)
    concerned = Q(report_item__meeting__bodies__in=ids) & (
        Q(report_item__meeting__date__gte=timezone.localdate())
        | Q(report_item__meeting__state=Meeting.State.CANCELLED)
    )
    if coming:
        last = max(coming)
        due = Q(body__in=ids, due_date__lte=last) | Q(due_body__in=ids, due_date=None)
        concerned |= due & (Q(meeting=None) | Q(meeting__date__lt=last))
    tidy(_settle(Assignment.objects.open().shown().filter(concerned).distinct(), meetings))


@transaction.atomic
def place(assignment: Assignment, *, was: int | None = None) -> int | None:
    """The rule for one assignment (given, or its due date or status changed); `was` is the
    item it was under before the change. Returns the item it is under now."""
    left = _settle(Assignment.objects.open().shown().filter(pk=assignment.pk), _Meetings())
    now = Assignment.objects.filter(pk=assignment.pk).values_list("report_item", flat=True).first()
    tidy(left | ({was} if was and was != now else set()))
    return now


def _settle(assignments, meetings: _Meetings) -> set[int]:
    """Moves the assignments the rule says; returns the items they left."""
    rows = list(assignments.order_by("pk").values_list(*FIELDS))
    at = Meeting.objects.in_bulk({row[-1] for row in rows if row[-1]})
    moves: dict[Meeting | None, list[int]] = {}
    left = set()
    for pk, body_id, due_date, due_body_id, given, item_id, at_id in rows:
        meeting = meetings.target(body_id, due_date, due_body_id, given)
        if item_id is not None and meeting is not None and at_id == meeting.pk:
            continue
        if meeting is None and (item_id is None or at[at_id].is_held):
            continue  # nowhere to go: what a held meeting had stays on its record
        moves.setdefault(meeting, []).append(pk)
        if item_id is not None:
            left.add(item_id)
    for meeting, pks in moves.items():
        item = report_item(meeting) if meeting is not None else None
        for start in range(0, len(pks), 500):
            Assignment.objects.filter(pk__in=pks[start : start + 500]).update(report_item=item)
    return left


def close_outside_meeting(assignment: Assignment) -> None:
    """Closed on its own page, not at a meeting: it leaves a coming meeting's agenda."""
    item = assignment.report_item
    if not assignment.is_open and item is not None and not item.meeting.is_held:
        assignment.report_item = None


def report_item(meeting: Meeting) -> AgendaItem:
    """The meeting's Återrapportering item, made when it has none."""
    existing = meeting.items.filter(kind=AgendaItem.Kind.REPORT_BACK).order_by("position").first()
    if existing:
        return existing
    position = report_back_position(meeting, list(meeting.items.all()))
    meeting.items.filter(position__gte=position).update(position=F("position") + 1)
    return AgendaItem.objects.create(
        meeting=meeting, title=TITLE, kind=AgendaItem.Kind.REPORT_BACK, position=position
    )


def tidy(items: set[int]) -> None:
    """An Återrapportering item this rule made, left empty before its meeting, goes again."""
    if not items:
        return
    empty = (
        AgendaItem.objects.filter(
            pk__in=items,
            kind=AgendaItem.Kind.REPORT_BACK,
            title=TITLE,
            description="",
            meeting__date__gte=timezone.localdate(),
            report_backs=None,
            decisions=None,
        )
        .exclude(notes__text__gt="")
        .select_related("meeting")
        .distinct()
    )
    for item in empty:
        if not item.meeting.is_held:
            # an agenda that may no longer change keeps the empty item
            with contextlib.suppress(ValidationError):
                remove_item(item)


def sync_all() -> None:
    sync(*Body.objects.values_list("pk", flat=True))
