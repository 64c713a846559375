"""Demo content for plans: an action plan with two years of values, and an inventory round."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from samverkan.directory.models import Body
from samverkan.plans.models import (
    Activity,
    AgreementGoal,
    Indicator,
    InventoryAnswer,
    InventoryRound,
    Measurement,
    Plan,
)
from samverkan.plans.services import answer, open_round

PLAN_TITLE = "Handlingsplan god och nära vård"
ROUND_TITLE = "Inventering av HS-avtalets mål"
# goal → indicators as (name, unit, direction, baseline, target, eight quarterly values)
GOALS = {
    "Fler äldre har en fast vårdkontakt": [
        ("Andel 75 år och äldre med fast läkarkontakt", Indicator.Unit.PERCENT, "högre",
         58, 80, [58, 60, 61, 63, 66, 68, 71, 73]),
        ("Hembesök av mobilt vårdteam", Indicator.Unit.COUNT, "högre",
         30, 120, [30, 42, 55, 61, 74, 88, 95, 104]),
    ],
    "Färre undvikbara besök på akuten": [
        ("Undvikbar slutenvård 80 år och äldre", Indicator.Unit.PER_100K, "lägre",
         4200, 3500, [4200, 4150, 4080, 4010, 3950, 3890, 3820, 3760]),
    ],
}  # fmt: skip
ACTIVITIES = [
    ("Gemensam rutin för hembesök", Activity.Status.ONGOING),
    ("Utbildning i samordnad individuell plan (SIP)", Activity.Status.DONE),
    ("Uppföljning av mobila vårdteamets uppdrag", Activity.Status.PLANNED),
]


def _quarters(count: int) -> list[datetime.date]:
    """The first days of the last `count` whole quarters, oldest first."""
    today = timezone.localdate()
    start = datetime.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    quarters = []
    for _ in range(count):
        month = (start.month - 4) % 12 + 1
        start = start.replace(year=start.year - (month > start.month), month=month)
        quarters.append(start)
    return quarters[::-1]


def _fill(plan: Plan) -> None:
    periods = _quarters(8)
    for goal_title, indicators in GOALS.items():
        goal = plan.goals.create(title=goal_title)
        for name, unit, direction, baseline, target, values in indicators:
            indicator = goal.indicators.create(
                name=name, unit=unit, direction=direction, baseline=baseline, target=target
            )
            Measurement.objects.bulk_create(
                Measurement(indicator=indicator, period=period, value=Decimal(value))
                for period, value in zip(periods, values, strict=True)
            )
    first = plan.goals.first()
    for title, status in ACTIVITIES:
        first.activities.create(title=title, status=status, start=periods[0])


def _round(bodies: list[Body]) -> InventoryRound:
    """A round over the first four agreement goals; the first body has answered."""
    round_ = InventoryRound.objects.filter(title=ROUND_TITLE).first()
    if round_:
        return round_
    goals = list(AgreementGoal.objects.all()[:4])
    round_ = open_round(title=ROUND_TITLE, goals=goals, bodies=bodies)
    statuses = list(InventoryAnswer.Status)
    answer(
        round_,
        bodies[0],
        {
            goal.pk: {"status": statuses[n % len(statuses)], "comment": "", "evidence": ""}
            for n, goal in enumerate(goals, start=1)
        },
    )
    return round_


@transaction.atomic
def load_demo_plans(body: Body, *, bodies: list[Body]) -> tuple[Plan, InventoryRound]:
    """Once: the body's action plan with two years of values, and a round for `bodies`."""
    plan, created = Plan.objects.get_or_create(body=body, title=PLAN_TITLE)
    if created:
        _fill(plan)
    return plan, _round(bodies)
