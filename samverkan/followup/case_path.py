"""Ärendets väg: a proposal, the meeting that handled it, its decisions and their assignments."""

from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist

from samverkan.directory import permissions
from samverkan.followup.models import Assignment, PlanLink
from samverkan.meetings.models import AgendaItem, Proposal
from samverkan.minutes.models import Decision


@dataclass
class Case:
    item: AgendaItem
    proposal: Proposal | None = None
    decisions: list[Decision] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    links: list[PlanLink] = field(default_factory=list)
    minutes_readable: bool = False


def follow(item: AgendaItem, user) -> Case:
    """The chain around one agenda item, with only what the user may read of each link."""
    case = Case(item=item)
    try:
        proposal = item.proposal
    except ObjectDoesNotExist:
        proposal = None
    if proposal is not None and permissions.can_see_proposal(user, proposal):
        case.proposal = proposal
    case.minutes_readable = permissions.can_read_minutes(user, item.meeting)
    if case.minutes_readable:
        case.decisions = list(item.decisions.all())
        case.assignments = list(
            Assignment.objects.visible_to(user)
            .filter(decision__item=item)
            .select_related("report_item__meeting", "commission")
            .prefetch_related("owner_people", "owner_bodies")
        )
        case.links = list(
            PlanLink.objects.filter(permissions.plan_link_filter(user))
            .filter(decision__item=item)
            .select_related("goal__plan", "indicator__goal__plan", "activity__goal__plan")
        )
    return case
