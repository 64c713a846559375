"""Work that flows between bodies, walked by two secretaries in two browsers."""

import datetime

import pytest
from django.utils import timezone

from samverkan.directory.models import Body, Membership
from samverkan.followup.models import Assignment
from samverkan.minutes.services import add_decision, approve, minutes_for
from samverkan.plans.models import Plan
from tests.browser.conftest import screenshot, serious_violations, sign_in
from tests.factories import make_body, make_meeting, make_membership, make_person

pytestmark = pytest.mark.django_db(transaction=True)


def second_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="sv-SE", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def at_both_widths(page, name: str) -> None:
    screenshot(page, name)
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(page, f"{name}-phone")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_group_proposes_two_items_and_hears_what_became_of_them(cast, page, browser, live_server):
    tb = make_body(
        name="Tjänstemannaberedning Sydost", short_name="TB Sydost", parent=cast.public_body
    )
    tina = make_person("tina", name="Tina Thor")
    dan = make_person(name="Dan Kjellsson")
    make_membership(tina, tb, role=Membership.Role.SECRETARY)
    make_membership(dan, tb)
    prepared = make_meeting(tb, days_ahead=1)
    following = make_meeting(tb, days_ahead=30)
    december = make_meeting(cast.public_body, days_ahead=14)

    sign_in(page, "tina")
    for title, responsible in (("Psykiatri sydost", "Dan Kjellsson"), ("Läkarstöd", None)):
        page.goto(prepared.get_absolute_url())
        page.get_by_role("link", name="Föreslå punkt till annat organ").click()
        assert page.get_by_label("Till möte").input_value() == str(december.pk)
        page.get_by_label("Rubrik").fill(title)
        if responsible:
            page.get_by_label(responsible).check()
            page.get_by_label("Kommentar till mottagaren").fill("Dan och Eva presenterar.")
        page.get_by_role("button", name="Föreslå").click()
        assert page.get_by_text("Punkten är föreslagen till").is_visible()

    alice = second_page(browser, live_server)
    sign_in(alice, "alice")
    alice.goto(december.get_absolute_url())
    proposals = alice.locator(
        "section", has=alice.get_by_role("heading", name="Föreslagna punkter")
    )
    assert (
        "Psykiatri sydost" in proposals.inner_text() and "Dan Kjellsson" in proposals.inner_text()
    )
    assert serious_violations(alice) == []
    at_both_widths(alice, "proposals-on-receiving-meeting")

    alice.get_by_role("link", name="Svara på förslaget Psykiatri sydost").click()
    alice.get_by_label("Ta upp punkten på dagordningen").check()
    alice.get_by_role("button", name="Spara svaret").click()
    assert alice.locator(".item-title", has_text="Psykiatri sydost").is_visible()
    alice.get_by_role("link", name="Svara på förslaget Läkarstöd").click()
    alice.get_by_label("Avböj").check()
    alice.get_by_role("button", name="Spara svaret").click()
    assert alice.get_by_text("Skriv varför förslaget avböjs").is_visible()
    alice.get_by_label("Avböj").check()
    alice.get_by_label("Kommentar").fill("Tas upp i vår.")
    alice.get_by_role("button", name="Spara svaret").click()
    assert alice.get_by_text("Förslaget är besvarat.").is_visible()
    assert alice.locator(".item-title", has_text="Läkarstöd").count() == 0

    page.goto(f"/moten/{december.pk}/punkter/ny/")
    assert page.get_by_role("heading", name="Ingen behörighet").is_visible()

    page.goto(following.get_absolute_url())
    back = page.locator("section", has=page.get_by_role("heading", name="Svar på våra förslag"))
    text = back.inner_text()
    assert "Psykiatri sydost" in text and "Tas upp" in text
    assert "Läkarstöd" in text and "Avböjd" in text and "Tas upp i vår." in text

    back.locator("li", has_text="Psykiatri sydost").get_by_role("link", name="Ärendets väg").click()
    assert page.get_by_role("heading", name="Ärendets väg: Psykiatri sydost").is_visible()
    assert page.get_by_text("Föreslagen av TB Sydost").is_visible()
    assert serious_violations(page) == []
    at_both_widths(page, "arendets-vag")
    alice.context.close()


def test_the_central_body_reads_two_answers_and_one_outstanding(cast, page, browser, live_server):
    central = make_body(name="Centralt samverkansorgan", short_name="CS", level=Body.Level.CENTRAL)
    cecilia = make_person("cecilia", name="Cecilia Cent")
    make_membership(cecilia, central, role=Membership.Role.SECRETARY)
    nordost = make_body(
        name="Delregional samverkan Nordost", short_name="DS Nordost", parent=central
    )
    nils = make_person("nils", name="Nils Nord")
    make_membership(nils, nordost, role=Membership.Role.SECRETARY)
    nordvast = make_body(
        name="Delregional samverkan Nordväst", short_name="DS Nordväst", parent=central
    )
    receivers = [cast.public_body, nordost, nordvast]
    meetings = [make_meeting(b, days_ahead=10) for b in receivers]

    sign_in(page, "cecilia")
    page.goto(f"/organ/{central.pk}/uppdrag/")
    page.get_by_role("link", name="Ge uppdrag till andra organ").click()
    page.get_by_label("Uppdrag", exact=True).fill(
        "Inventera hur långt ni kommit med HS-avtalets mål."
    )
    for body in receivers:
        page.get_by_label(body.name).check()
    page.get_by_role("button", name="Ge uppdraget").click()
    assert page.get_by_text("0 svar, 3 väntar").is_visible()
    commission_url = page.url

    for who, meeting, answer in (
        ("alice", meetings[0], "Sydost har kommit halvvägs."),
        ("nils", meetings[1], "Nordost är klart med inventeringen."),
    ):
        other = second_page(browser, live_server)
        sign_in(other, who)
        other.goto(meeting.get_absolute_url())
        assert other.locator(".report-back", has_text="Inventera hur långt").is_visible()
        other.goto(f"/moten/{meeting.pk}/anteckningar/")
        row = other.locator(".report-back", has_text="Inventera hur långt")
        row.get_by_label("Svar eller kommentar").fill(answer)
        row.get_by_role("button", name="Återrapporterat").click()
        other.get_by_text("Uppdraget är uppdaterat.").wait_for()
        other.context.close()

    page.goto(commission_url)
    assert page.get_by_text("2 svar, 1 väntar").is_visible()
    answers = page.locator(".answers")
    assert "Sydost har kommit halvvägs." in answers.inner_text()
    assert "Nordost är klart med inventeringen." in answers.inner_text()
    assert page.locator(".answer.is-outstanding", has_text="Nordväst").is_visible()
    assert serious_violations(page) == []
    at_both_widths(page, "answers-side-by-side")
    assert (
        Assignment.objects.filter(commission__isnull=False, status="återrapporterad").count() == 2
    )


def test_a_decision_linked_to_an_activity_shows_on_the_plan_and_chart(cast, page):
    plan = Plan.objects.create(body=cast.public_body, title="Handlingsplan psykiatri")
    goal = plan.goals.create(title="Färre återinskrivningar")
    indicator = goal.indicators.create(name="Återinskrivningar inom 30 dagar")
    today = timezone.localdate()
    indicator.values.create(period=today - datetime.timedelta(days=200), value=40)
    indicator.values.create(period=today - datetime.timedelta(days=10), value=31)
    activity = goal.activities.create(title="Samordnad vårdplanering")
    meeting = make_meeting(cast.public_body, date=today - datetime.timedelta(days=100))
    minutes = minutes_for(meeting)
    decision = add_decision(
        minutes, text="Rutinen för vårdplanering införs.", item=meeting.items.first()
    )
    approve(minutes, by=cast.alice.user, approvers=[])

    sign_in(page, "alice")
    page.goto(plan.get_absolute_url())
    page.get_by_role("link", name=f"Koppla beslut till {activity.title}").click()
    page.get_by_label("Beslut").select_option(str(decision.pk))
    page.get_by_role("button", name="Koppla").click()
    page.get_by_text("Kopplingen är sparad.").wait_for()
    page.goto(f"/handlingsplaner/{plan.pk}/")
    page.get_by_role("link", name="Koppla beslut eller uppdrag").click()
    page.get_by_label("Koppla till").select_option(f"indicator:{indicator.pk}")
    page.get_by_label("Beslut").select_option(str(decision.pk))
    page.get_by_role("button", name="Koppla").click()
    card = page.locator(".cards li", has_text="Samordnad vårdplanering")
    assert "Rutinen för vårdplanering införs." in card.inner_text()
    assert page.locator(".chart .decision-mark").count() == 1
    assert page.get_by_text("Linjerna i diagrammet markerar beslut").is_visible()
    assert serious_violations(page) == []
    at_both_widths(page, "plan-with-decisions")
