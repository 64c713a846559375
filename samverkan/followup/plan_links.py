"""Decisions and assignments linked to a plan's goals, indicators and activities."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samverkan.followup.models import Assignment, PlanLink
from samverkan.minutes.models import Decision
from samverkan.plans.models import Plan


def targets(plan: Plan) -> list[tuple[str, str]]:
    """The plan's goals, indicators and activities as choices: ("activity:3", "Aktivitet: …")."""
    choices = []
    for goal in plan.goals.prefetch_related("indicators", "activities"):
        choices.append((f"goal:{goal.pk}", _("Mål: %(t)s") % {"t": goal.title}))
        for indicator in goal.indicators.all():
            choices.append((f"indicator:{indicator.pk}", _("Indikator: %(t)s") % {"t": indicator}))
        for activity in goal.activities.all():
            choices.append((f"activity:{activity.pk}", _("Aktivitet: %(t)s") % {"t": activity}))
    return choices


def decisions_for(plan: Plan, user):
    """Decisions the user reads, of the plan's body and the bodies around it."""
    bodies = [plan.body_id, plan.body.parent_id, *plan.body.children.values_list("pk", flat=True)]
    return (
        Decision.objects.visible_to(user)
        .filter(minutes__meeting__bodies__in=[b for b in bodies if b])
        .select_related("minutes__meeting")
        .order_by("-minutes__meeting__date", "pk")
        .distinct()
    )


def assignments_for(plan: Plan, user):
    return Assignment.objects.visible_to(user).filter(body=plan.body).order_by("-pk")


# a target's kind and how to find it among the plan's goals
TARGETS = {"goal": "pk", "indicator": "indicators__pk", "activity": "activities__pk"}


@transaction.atomic
def link(plan: Plan, *, target: str, decision=None, assignment=None) -> PlanLink:
    if (decision is None) == (assignment is None):
        raise ValidationError(_("Välj ett beslut eller ett uppdrag."))
    kind, _sep, pk = target.partition(":")
    lookup = TARGETS.get(kind)
    if lookup is None or not pk.isdigit() or not plan.goals.filter(**{lookup: pk}).exists():
        raise ValidationError(_("Välj mål, indikator eller aktivitet i planen."))
    return PlanLink.objects.get_or_create(
        decision=decision, assignment=assignment, **{f"{kind}_id": int(pk)}
    )[0]
