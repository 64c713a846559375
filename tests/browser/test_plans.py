"""Action plans and the inventory in a real browser, with axe checks and screenshots."""

import pytest

from samverkan.directory.models import Membership
from samverkan.plans.catalogue import load_catalogue
from samverkan.plans.models import AgreementGoal, InventoryRound, Measurement
from tests.browser.conftest import screenshot, serious_violations, sign_in
from tests.factories import make_body, make_membership

pytestmark = pytest.mark.django_db(transaction=True)


def test_plan_with_indicators_values_and_chart(cast, page):
    load_catalogue()
    sign_in(page, "alice")
    page.goto(f"/organ/{cast.public_body.pk}/handlingsplaner/")
    page.get_by_label("Namn").fill("Handlingsplan god och nära vård")
    page.get_by_role("button", name="Skapa").click()
    page.get_by_role("link", name="Nytt mål").click()
    page.get_by_label("Mål").fill("Fler har fast läkarkontakt")
    page.get_by_role("button", name="Lägg till").click()
    for name, unit, target in [
        ("Fast läkarkontakt", "andel %", "80"),
        ("Hembesök", "antal", "120"),
    ]:
        page.get_by_role("link", name="Ny indikator").click()
        page.get_by_label("Namn").fill(name)
        page.get_by_label("Enhet").select_option(unit)
        page.get_by_label("Målvärde").fill(target)
        page.get_by_role("button", name="Lägg till").click()
    page.get_by_role("link", name="Ny aktivitet").click()
    page.get_by_label("Aktivitet").fill("Gemensam rutin för hembesök")
    page.get_by_label("Status").select_option("pågående")
    page.get_by_role("button", name="Lägg till").click()
    for period, share, visits in [("2024-01-01", "62", "48"), ("2024-04-01", "71,5", "90")]:
        page.get_by_role("link", name="Fyll i värden").click()
        page.get_by_label("Period (första dagen)").fill(period)
        page.get_by_label("Fast läkarkontakt (andel %)").fill(share)
        page.get_by_label("Hembesök (antal)").fill(visits)
        page.get_by_role("button", name="Spara värden").click()
        page.wait_for_selector("h1:has-text('Handlingsplan god och nära vård')")
    assert Measurement.objects.count() == 4
    assert page.locator("svg.chart").count() == 2
    assert page.get_by_role("cell", name="71,5").is_visible()
    assert serious_violations(page) == []
    screenshot(page, "plan-chart")


def test_inventory_answered_by_two_bodies(cast, page):
    central = make_body(name="Centralt samverkansorgan test", short_name="CST", level="central")
    make_membership(cast.carl, central, role=Membership.Role.CHAIR)
    north = make_body(name="Delregional samverkan Nordost test", short_name="DSNT")
    make_membership(cast.bob, north, role=Membership.Role.SECRETARY)
    load_catalogue()  # an earlier browser test's flush emptied what the migration loaded
    goals = list(AgreementGoal.objects.all()[:3])
    sign_in(page, "carl")
    page.goto("/inventering/")
    page.get_by_label("Namn", exact=True).fill("Inventering HS-avtalet 2024")
    for goal in goals:
        page.locator(f'input[name="goals"][value="{goal.pk}"]').check()
    page.get_by_label(cast.public_body.short_name, exact=True).check()
    page.get_by_label(north.short_name, exact=True).check()
    page.get_by_role("button", name="Öppna").click()
    page.wait_for_load_state()
    page.wait_for_selector("h1:has-text('Inventering HS-avtalet 2024')")
    round_ = InventoryRound.objects.get()
    for username, body, status in [("alice", cast.public_body, "pågår"), ("bob", north, "uppnått")]:
        page.context.clear_cookies()
        sign_in(page, username)
        page.goto(f"/inventering/{round_.pk}/organ/{body.pk}/")
        for goal in goals:
            page.locator(f"#id_s{goal.pk}").select_option(status)
        page.get_by_role("button", name="Spara svar").click()
        page.wait_for_load_state()
        page.wait_for_selector("h1:has-text('Inventering HS-avtalet 2024')")
    assert round_.answers.count() == 6
    page.goto(round_.get_absolute_url())
    assert page.get_by_role("cell", name="uppnått").first.is_visible()
    assert serious_violations(page) == []
    screenshot(page, "inventory-overview")
