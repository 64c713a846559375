"""`make run`'s demo: an action plan with two years of values, an inventory round, and the
Sydost seed waiting for alice's review."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from samverkan.importer.models import Document
from samverkan.plans.models import InventoryRound, Measurement, Plan

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_plan_a_round_and_a_seed_for_alice_to_review(settings, client):
    settings.DEBUG = True
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())

    plan = Plan.objects.get()
    assert plan.body.short_name == "DOT Nordost"
    periods = sorted(Measurement.objects.filter(indicator__goal__plan=plan).values_list("period"))
    assert (periods[-1][0] - periods[0][0]).days >= 630  # eight quarters: two years of values
    round_ = InventoryRound.objects.get()
    assert round_.bodies.count() == 3
    assert round_.answers.filter(body=plan.body).count() == round_.goals.count() > 0

    waiting = Document.objects.get(state=Document.State.REVIEW)
    assert waiting.body.short_name == "TB Sydost"
    client.login(username="alice", password="samverkan-demo")
    html = client.get(reverse("importer:review", args=[waiting.pk])).content.decode()
    assert f'<option value="{waiting.body.pk}" selected>' in html
