"""Assignments: creating them and closing the loop at a meeting (återrapportering).

Where an assignment comes back is not decided here: every save of one reaches
`report_backs.place` (through `followup.signals`).
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from samverkan.directory.models import Body, Person
from samverkan.followup import report_backs
from samverkan.followup.events import AssignmentState, assignment_changed
from samverkan.followup.models import Assignment, Update
from samverkan.minutes.models import Decision, Minutes


@transaction.atomic
def create_assignment(
    *,
    minutes: Minutes | None,
    body: Body,
    text: str,
    people=(),
    bodies=(),
    due_date: datetime.date | None = None,
    due_body: Body | None = None,
    decision: Decision | None = None,
    origin: str = "",
    by=None,
    notify: bool = True,
) -> Assignment:
    """A new assignment; its owners are told by e-mail unless `notify` is off (an import of
    old minutes)."""
    if minutes is not None:
        _check_open(minutes)
    _check_given(text, people, bodies)
    assignment = Assignment.objects.create(
        text=text.strip(),
        body=body,
        meeting=minutes.meeting if minutes else None,
        decision=decision,
        origin=origin,
        due_date=due_date,
        due_body=due_body if due_date is None else None,
    )
    if people:
        assignment.owner_people.add(*people)
    if bodies:
        assignment.owner_bodies.add(*bodies)
    Update.objects.create(
        assignment=assignment, by=by, status=assignment.status, text=_("Uppdraget gavs.")
    )
    if notify:
        assignment_changed.send(sender=Assignment, assignment=assignment, before=None, by=by)
    return assignment


@dataclass(frozen=True)
class Given:
    """One assignment of a batch: what, by whom, and when it comes back."""

    text: str
    people: tuple = ()
    bodies: tuple = ()
    due_date: datetime.date | None = None
    due_body: Body | None = None


@transaction.atomic
def create_assignments(*, minutes: Minutes, body: Body, given: list[Given], by=None) -> None:
    """Many assignments of one meeting at once (an import): each stored as `create_assignment`
    would, in a handful of statements. The import applies the report-back rule once it is done
    (`report_backs.sync`), so nothing is put on a coming agenda from a meeting not yet whole."""
    _check_open(minutes)
    for g in given:
        _check_given(g.text, g.people, g.bodies)
    rows = [
        Assignment(
            text=g.text.strip(),
            body=body,
            meeting=minutes.meeting,
            due_date=g.due_date,
            due_body=g.due_body if g.due_date is None else None,
        )
        for g in given
    ]
    rows = bulk_create_with_history(rows, Assignment, default_user=by)
    people = Assignment.owner_people.through
    bodies = Assignment.owner_bodies.through
    people.objects.bulk_create(
        people(assignment_id=a.pk, person_id=p.pk)
        for a, g in zip(rows, given, strict=True)
        for p in g.people
    )
    bodies.objects.bulk_create(
        bodies(assignment_id=a.pk, body_id=b.pk)
        for a, g in zip(rows, given, strict=True)
        for b in g.bodies
    )
    Update.objects.bulk_create(
        Update(assignment=a, by=by, status=a.status, text=_("Uppdraget gavs.")) for a in rows
    )


def _check_open(minutes: Minutes) -> None:
    """Assignments given at a meeting are part of its record: frozen with the minutes."""
    minutes.meeting.check_open_for_edits()


def _check_given(text: str, people, bodies) -> None:
    if not text.strip():
        raise ValidationError(_("Skriv vad uppdraget gäller."))
    if not people and not bodies:
        raise ValidationError(_("Ange minst en ansvarig."))


def _minutes_of(assignment: Assignment) -> Minutes | None:
    meeting = assignment.meeting
    return getattr(meeting, "minutes", None) if meeting else None


@transaction.atomic
def edit_assignment(
    assignment: Assignment,
    *,
    text: str,
    people=(),
    bodies=(),
    due_date: datetime.date | None = None,
    due_body: Body | None = None,
    by=None,
) -> Assignment:
    """Change an assignment as given, until the minutes it was given in are approved."""
    minutes = _minutes_of(assignment)
    if minutes is not None:
        _check_open(minutes)
    _check_given(text, people, bodies)
    before = AssignmentState.of(assignment)
    assignment.text = text.strip()
    assignment.due_date = due_date
    assignment.due_body = due_body if due_date is None else None
    assignment.save()
    assignment.owner_people.set(people)
    assignment.owner_bodies.set(bodies)
    Update.objects.create(
        assignment=assignment, by=by, status=assignment.status, text=_("Uppdraget ändrades.")
    )
    assignment_changed.send(sender=Assignment, assignment=assignment, before=before, by=by)
    return assignment


@transaction.atomic
def remove_assignment(assignment: Assignment) -> None:
    """Remove an assignment given by mistake; its history keeps what it said."""
    minutes = _minutes_of(assignment)
    if minutes is not None:
        _check_open(minutes)
    assignment.delete()


class Outcome:
    REPORTED = "reported"
    CONTINUED = "continued"
    CLOSED = "closed"


@transaction.atomic
def record_report_back(
    assignment: Assignment,
    *,
    outcome: str,
    by,
    comment: str = "",
    new_due: datetime.date | None = None,
) -> Assignment:
    """At the meeting: reported (done), continued with a new due date, or closed (avskriven).

    Reported and closed, it stays under the meeting's Återrapportering item as its record;
    continued, it comes back at the first meeting on or after the new date.
    """
    if not assignment.is_open:
        raise ValidationError(_("Uppdraget är redan avslutat."))
    if outcome == Outcome.REPORTED:
        assignment.status = Assignment.Status.REPORTED
    elif outcome == Outcome.CLOSED:
        assignment.status = Assignment.Status.DROPPED
    elif outcome == Outcome.CONTINUED:
        if new_due is None:
            raise ValidationError(_("Ange ett nytt datum när uppdraget fortsätter."))
        item = assignment.report_item
        if item is not None and new_due <= item.meeting.date:
            raise ValidationError(_("Det nya datumet måste vara efter mötet."))
        assignment.status = Assignment.Status.IN_PROGRESS
        assignment.due_date, assignment.report_item = new_due, None
    else:
        raise ValidationError(_("Okänt utfall."))
    before = AssignmentState.of(Assignment.objects.get(pk=assignment.pk))
    assignment.save()
    Update.objects.create(assignment=assignment, by=by, status=assignment.status, text=comment)
    if outcome == Outcome.CONTINUED:
        assignment_changed.send(sender=Assignment, assignment=assignment, before=before, by=by)
    return assignment


@transaction.atomic
def change_status(assignment: Assignment, *, status: str, by, comment: str = "") -> Assignment:
    if status not in Assignment.Status.values:
        raise ValidationError(_("Okänd status."))
    assignment.status = status
    report_backs.close_outside_meeting(assignment)
    assignment.save(update_fields=["status", "report_item"])
    Update.objects.create(assignment=assignment, by=by, status=status, text=comment)
    return assignment


def split_names(who: str) -> list[str]:
    """ "Maria, Anita och AG Sydost" → ["Maria", "Anita", "AG Sydost"]."""
    return [n.strip() for n in who.replace(" och ", ",").split(",") if n.strip()]


def people_matching(name: str, candidates) -> list[Person]:
    """The candidates with this full name, or else those with this first name."""
    folded = name.casefold()
    return [p for p in candidates if p.name.casefold() == folded] or [
        p for p in candidates if p.first_name.casefold() == folded
    ]
