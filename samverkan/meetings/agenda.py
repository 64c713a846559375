"""A body's standard agenda: the items every new meeting starts with, in the Swedish order.

The body keeps it as text, one title a line (`Body.standard_agenda`); the line "…" is where
the meeting's own items go, so "Övriga frågor", "Nästa möte" and "Mötets avslutande" stay last
however many items the secretary adds.
"""

from dataclasses import dataclass

from samverkan.directory.models import Body
from samverkan.meetings.models import AgendaItem

GAP = ("…", "...")  # the line that stands for the meeting's own items
REPORT_BACK = "Återrapportering"  # made by the report-back rule when there is something to report
KINDS = {
    "Val av justerare": AgendaItem.Kind.DECISION,
    "Godkännande av dagordning": AgendaItem.Kind.DECISION,
    "Föregående mötesanteckningar": AgendaItem.Kind.DECISION,
    REPORT_BACK: AgendaItem.Kind.REPORT_BACK,
}


@dataclass(frozen=True)
class StandardAgenda:
    head: list[str]  # before the meeting's own items
    tail: list[str]  # after them

    @classmethod
    def of(cls, body: Body | None) -> "StandardAgenda":
        lines = [line.strip() for line in (body.standard_agenda if body else "").splitlines()]
        lines = [line for line in lines if line]
        gap = next((i for i, line in enumerate(lines) if line in GAP), len(lines))
        return cls(
            head=[t for t in lines[:gap] if t not in GAP],
            tail=[t for t in lines[gap + 1 :] if t not in GAP],
        )

    def items(self) -> list[tuple[str, str]]:
        """(title, kind) of the items a new meeting gets; Återrapportering comes with its rows."""
        titles = [t for t in self.head + self.tail if t != REPORT_BACK]
        return [(t, KINDS.get(t, AgendaItem.Kind.INFORMATION)) for t in titles]

    def before_report_back(self) -> set[str]:
        """The titles that come before Återrapportering (all of the head when it is not listed)."""
        titles = self.head + self.tail
        if REPORT_BACK not in titles:
            return set(self.head)
        return set(titles[: titles.index(REPORT_BACK)])


def report_back_position(meeting, items: list[AgendaItem]) -> int:
    """Where the Återrapportering item goes: its place in the body's standard agenda."""
    agenda = StandardAgenda.of(meeting.bodies.first())
    before = agenda.before_report_back()
    preceding = [i for i in items if i.title in before]
    if preceding:
        return preceding[-1].position + 1
    return own_items_position(agenda, items)


def own_items_position(agenda: StandardAgenda, items: list[AgendaItem]) -> int:
    """A new item's position: before the closing standard items that end the agenda."""
    position = (items[-1].position + 1) if items else 1
    for item in reversed(items):
        if item.title not in agenda.tail or item.kind == AgendaItem.Kind.REPORT_BACK:
            break
        position = item.position
    return position
