"""One assignment given to several bodies: each receiver reports back on its own.

Each receiving body gets an ordinary `Assignment`, owned by that body and due at a date or at
its next meeting, so the report-back rule (`followup.report_backs`) puts it on that body's
agenda and its register shows it like any other.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samverkan.directory import permissions
from samverkan.directory.models import Body
from samverkan.followup.models import Assignment, Commission
from samverkan.followup.services import create_assignment
from samverkan.meetings.models import Meeting


@transaction.atomic
def give(
    *, giver: Body, receivers, text: str, due_date: datetime.date | None = None, by=None
) -> Commission:
    receivers = [body for body in receivers if body.pk != giver.pk]
    if not receivers:
        raise ValidationError(_("Välj minst ett organ som får uppdraget."))
    if not text.strip():
        raise ValidationError(_("Skriv vad uppdraget gäller."))
    commission = Commission.objects.create(giver=giver, text=text.strip(), due_date=due_date)
    for body in receivers:
        assignment = create_assignment(
            minutes=None,
            body=body,
            text=commission.text,
            bodies=[body],
            due_date=due_date,
            due_body=body,
            origin=_("Uppdrag från %(b)s") % {"b": giver.name},
            by=by,
        )
        Assignment.objects.filter(pk=assignment.pk).update(commission=commission)
    return commission


@dataclass(frozen=True)
class Answer:
    """One receiver's side of a commission, as the giver reads it."""

    body: Body
    assignment: Assignment
    text: str  # what was said when it was closed, empty while open
    meeting: Meeting | None  # where it was (or will be) reported back

    @property
    def is_answered(self) -> bool:
        return not self.assignment.is_open


def answers(commission: Commission, user) -> list[Answer]:
    """Each receiver's answer the user may read, in the order the bodies are named."""
    rows = commission.assignments.select_related("body", "report_item__meeting").prefetch_related(
        "updates", "report_item__meeting__bodies"
    )
    found = []
    for assignment in sorted(rows, key=lambda a: a.body.name):
        if not permissions.sees_answer(user, commission.giver, assignment.body):
            continue
        closing = next((u for u in assignment.updates.all() if u.status == assignment.status), None)
        item = assignment.report_item
        found.append(
            Answer(
                body=assignment.body,
                assignment=assignment,
                text=closing.text if closing and not assignment.is_open else "",
                meeting=item.meeting if item else None,
            )
        )
    return found


def receivers(commission: Commission) -> list[Body]:
    return list(Body.objects.filter(assignments__commission=commission).distinct())
