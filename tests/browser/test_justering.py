"""Justering in two people's browsers: the secretary asks, the justerare approve themselves."""

import pytest
from django.urls import reverse

from samverkan.meetings.models import Meeting
from tests.browser.conftest import screenshot, serious_violations, sign_in
from tests.factories import make_meeting, make_membership, make_person

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_justerare_approve_then_a_correction_keeps_the_public_version(
    cast, page, browser, live_server
):
    dana = make_person("dana", name="Dana Dahl", email="dana@example.se")
    make_membership(dana, cast.public_body)
    meeting = make_meeting(cast.public_body, days_ahead=-1)
    first = meeting.items.first()

    sign_in(page, "alice")
    page.goto(reverse("minutes:editor", args=[meeting.pk]))
    page.locator(f"#decision-{first.pk}").fill("Dagordningen godkänns.")
    page.locator(f"#decision-{first.pk}").press("Enter")
    page.wait_for_selector(f"#decisions-{first.pk} li:has-text('Dagordningen godkänns.')")
    request = page.locator("#request-approval")
    request.get_by_label("Bob Berg").check()
    request.get_by_label("Dana Dahl").check()
    page.get_by_role("button", name="Begär justering").click()
    assert page.get_by_text("Justering är begärd av Bob Berg, Dana Dahl").is_visible()
    assert page.get_by_text("Bob Berg: väntar på justering").is_visible()
    assert page.locator(f"#decision-{first.pk}").count() == 0  # frozen while they read
    assert serious_violations(page) == []
    screenshot(page, "justering-request")

    link = reverse("minutes:sign_off", args=[meeting.pk])
    for number, username in enumerate(["bob", "dana"], start=1):
        phone = {"width": 375, "height": 800} if number == 2 else {"width": 1280, "height": 900}
        context = browser.new_context(base_url=live_server.url, locale="sv-SE", viewport=phone)
        justerare = context.new_page()
        sign_in(justerare, username)
        justerare.goto(link)
        assert justerare.evaluate("document.documentElement.scrollWidth") <= phone["width"]
        assert justerare.get_by_text("Dagordningen godkänns.").is_visible()
        assert justerare.get_by_text("Du är utsedd att justera").is_visible()
        if number == 1:
            assert serious_violations(justerare) == []
            screenshot(justerare, "justerare-page")
        justerare.get_by_role("button", name="Justera", exact=True).click()
        assert justerare.get_by_text("Tack, du har justerat minnesanteckningarna.").is_visible()
        meeting.refresh_from_db()
        expected = Meeting.State.APPROVED if number == 2 else Meeting.State.AWAITING_APPROVAL
        assert meeting.state == expected
        if number == 2:
            assert justerare.get_by_text("Alla justerare har justerat").is_visible()
        context.close()

    page.goto(meeting.get_absolute_url())
    assert page.get_by_text("Protokoll justerat").first.is_visible()
    assert page.get_by_role("link", name="Ny punkt").count() == 0
    assert page.get_by_role("button", name="Flytta upp").count() == 0
    page.goto(reverse("minutes:editor", args=[meeting.pk]))
    assert page.get_by_text("Justerat av Bob Berg").is_visible()
    assert page.get_by_text("Justerat av Dana Dahl").is_visible()

    # published, then corrected: the public keeps version 1 until version 2 is published
    visitor = publish_then_correct(page, browser, live_server, meeting, first)
    visitor.get_by_role("link", name="Tidigare version 1").click()
    assert visitor.get_by_text("Rättelse: mötet hölls digitalt.").count() == 0
    assert serious_violations(visitor) == []
    visitor.context.close()


def publish_then_correct(page, browser, live_server, meeting, item):
    """The secretary publishes, corrects and publishes again; a visitor's page follows only
    the published version. Returns the visitor's page, on version 2."""
    page.goto(reverse("publishing:publish", args=[meeting.pk]))
    page.get_by_label("Skicka till organets ledamöter och ersättare").uncheck()
    page.get_by_role("button", name="Publicera").click()
    visitor = browser.new_context(base_url=live_server.url, locale="sv-SE").new_page()
    public = reverse("publishing:archive_minutes", args=[meeting.pk])
    visitor.goto(public)
    assert visitor.get_by_text("Dagordningen godkänns.").is_visible()

    page.goto(reverse("minutes:editor", args=[meeting.pk]))
    page.get_by_role("button", name="Rätta (ny version)").click()
    page.locator(f"#decision-{item.pk}").fill("Rättelse: mötet hölls digitalt.")
    page.locator(f"#decision-{item.pk}").press("Enter")
    page.wait_for_selector(f"#decisions-{item.pk} li:has-text('Rättelse')")
    visitor.goto(public)
    assert visitor.get_by_text("Dagordningen godkänns.").is_visible()
    assert visitor.get_by_text("Rättelse: mötet hölls digitalt.").count() == 0

    page.get_by_text("Justering vid nästa möte eller på papper").click()
    page.locator("#manual-approval").get_by_label("Vid nästa möte").check()
    page.get_by_role("button", name="Lås minnesanteckningarna").click()
    page.goto(reverse("publishing:publish", args=[meeting.pk]))
    page.get_by_label("Skicka till organets ledamöter och ersättare").uncheck()
    page.get_by_role("button", name="Publicera").click()
    visitor.goto(public)
    assert visitor.get_by_text("Rättelse: mötet hölls digitalt.").is_visible()
    assert visitor.get_by_text("Rättad version 2").is_visible()
    return visitor
