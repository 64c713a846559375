"""A decision linked to a plan's activity and indicator: the plan and the chart show it."""

import datetime

import pytest
from django.urls import reverse

from samverkan.followup.models import PlanLink
from samverkan.minutes.services import add_decision, approve, minutes_for
from samverkan.plans.models import Plan
from tests.factories import make_body, make_meeting

pytestmark = pytest.mark.django_db


def _decided(body, day, text, *, by, approved=True):
    meeting = make_meeting(body, date=day)
    minutes = minutes_for(meeting)
    decision = add_decision(minutes, text=text, item=meeting.items.first())
    if approved:
        approve(minutes, by=by, approvers=[])
    return decision


@pytest.fixture
def plan(cast):
    plan = Plan.objects.create(body=cast.public_body, title="Handlingsplan psykiatri")
    goal = plan.goals.create(title="Färre återinskrivningar")
    indicator = goal.indicators.create(name="Återinskrivningar inom 30 dagar")
    indicator.values.create(period=datetime.date(2023, 9, 1), value=40)
    indicator.values.create(period=datetime.date(2024, 3, 1), value=31)
    goal.activities.create(title="Samordnad vårdplanering")
    return plan


def _link(client, plan, target, decision):
    url = reverse("followup:plan_link", args=[plan.pk])
    return client.post(url, {"target": target, "decision": decision.pk}, follow=True)


def test_a_linked_decision_shows_under_the_activity_and_on_the_chart(cast, plan, login, client):
    decision = _decided(
        cast.public_body, datetime.date(2023, 11, 24), "Rutinen införs.", by=cast.alice.user
    )
    goal = plan.goals.get()
    activity, indicator = goal.activities.get(), goal.indicators.get()
    alice = login("alice")
    page = _link(alice, plan, f"activity:{activity.pk}", decision)
    assert "Kopplingen är sparad." in page.content.decode()
    _link(alice, plan, f"indicator:{indicator.pk}", decision)
    assert PlanLink.objects.filter(decision=decision).count() == 2
    html = alice.get(plan.get_absolute_url()).content.decode()
    assert html.count("Rutinen införs.") == 2
    assert 'class="decision-mark"' in html and "beslut 2023-11-24" in html
    client.logout()
    html = client.get(plan.get_absolute_url()).content.decode()
    assert "Rutinen införs." not in html  # approved, not published: not for the public


def test_a_decision_outside_the_plans_bodies_or_a_foreign_target_is_refused(cast, plan, login):
    other = make_body(name="Annat organ")
    foreign = _decided(other, datetime.date(2023, 10, 1), "Annat.", by=cast.alice.user)
    own = _decided(cast.public_body, datetime.date(2023, 10, 2), "Eget.", by=cast.alice.user)
    alice = login("alice")
    page = _link(alice, plan, f"goal:{plan.goals.get().pk}", foreign)
    assert "Välj ett giltigt alternativ" in page.content.decode()
    other_plan = Plan.objects.create(body=other, title="Annan plan")
    goal = other_plan.goals.create(title="Annat mål")
    page = _link(alice, plan, f"goal:{goal.pk}", own)
    assert "Välj ett giltigt alternativ" in page.content.decode()
    assert not PlanLink.objects.exists()
    assert _link(login("bob"), plan, f"goal:{plan.goals.get().pk}", own).status_code == 403
