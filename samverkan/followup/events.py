"""What happens to an assignment that its owners should hear of (e-mail lives in publishing)."""

import datetime
from dataclasses import dataclass

from django.dispatch import Signal

# assignment=Assignment, before=AssignmentState | None (None: just given), by=user or None;
# sent inside the transaction that made the change
assignment_changed = Signal()


@dataclass(frozen=True)
class AssignmentState:
    """What the owners are told about: the task, its due date and who owns it."""

    text: str
    due_date: datetime.date | None
    due_body_id: int | None
    people: frozenset[int]
    bodies: frozenset[int]

    @classmethod
    def of(cls, assignment) -> "AssignmentState":
        return cls(
            assignment.text,
            assignment.due_date,
            assignment.due_body_id,
            frozenset(assignment.owner_people.values_list("pk", flat=True)),
            frozenset(assignment.owner_bodies.values_list("pk", flat=True)),
        )
