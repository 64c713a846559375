"""Assignments: creating them, bringing them back as återrapportering, and closing the loop."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samverkan.directory.models import Body, Person
from samverkan.followup.models import Assignment, Update
from samverkan.meetings.models import AgendaItem, Meeting
from samverkan.meetings.services import add_item, plan_meeting
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
) -> Assignment:
    if minutes is not None:
        minutes.meeting.check_open_for_edits()
    if not text.strip():
        raise ValidationError(_("Skriv vad uppdraget gäller."))
    if not people and not bodies:
        raise ValidationError(_("Ange minst en ansvarig."))
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
    return assignment


@transaction.atomic
def plan_with_report_backs(*, bodies: list[Body], **fields) -> Meeting:
    """Plan a meeting; open assignments due by then are put on its agenda to report back."""
    meeting = plan_meeting(bodies=bodies, **fields)
    add_report_backs(meeting)
    return meeting


def add_report_backs(meeting: Meeting) -> list[AgendaItem]:
    items = []
    due = Assignment.objects.due_for(meeting).prefetch_related("owner_people", "owner_bodies")
    position = meeting.items.count()
    for assignment in due:
        owners = ", ".join(assignment.owners())
        position += 1
        item = add_item(
            meeting,
            title=f"Återrapportering: {assignment.text[:200]}",
            kind=AgendaItem.Kind.REPORT_BACK,
            responsible=list(assignment.owner_people.all()),
            description=_("Ansvariga: %(owners)s") % {"owners": owners} if owners else "",
            position=position,
        )
        assignment.report_item = item
        assignment.save(update_fields=["report_item"])
        items.append(item)
    return items


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
    """At the meeting: reported (done), continued with a new due date, or closed (avskriven)."""
    if not assignment.is_open:
        raise ValidationError(_("Uppdraget är redan avslutat."))
    if outcome == Outcome.REPORTED:
        assignment.status = Assignment.Status.REPORTED
    elif outcome == Outcome.CLOSED:
        assignment.status = Assignment.Status.DROPPED
    elif outcome == Outcome.CONTINUED:
        if new_due is None:
            raise ValidationError(_("Ange ett nytt datum när uppdraget fortsätter."))
        assignment.status = Assignment.Status.IN_PROGRESS
        assignment.due_date, assignment.report_item = new_due, None
    else:
        raise ValidationError(_("Okänt utfall."))
    assignment.save()
    Update.objects.create(assignment=assignment, by=by, status=assignment.status, text=comment)
    return assignment


@transaction.atomic
def change_status(assignment: Assignment, *, status: str, by, comment: str = "") -> Assignment:
    if status not in Assignment.Status.values:
        raise ValidationError(_("Okänd status."))
    assignment.status = status
    assignment.save(update_fields=["status"])
    Update.objects.create(assignment=assignment, by=by, status=status, text=comment)
    return assignment


def people_named(names: str, candidates) -> list[Person]:
    """ "Maria, Anita" → the candidates whose name or first name matches, in order."""
    found = []
    for name in [n.strip() for n in names.replace(" och ", ",").split(",") if n.strip()]:
        matches = [p for p in candidates if p.name.casefold() == name.casefold()] or [
            p for p in candidates if p.first_name.casefold() == name.casefold()
        ]
        if len(matches) != 1:
            raise ValidationError(
                _("”%(name)s” matchar ingen eller flera personer. Skriv hela namnet.")
                % {"name": name}
            )
        found.append(matches[0])
    return found
