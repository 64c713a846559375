"""Sending the kallelse, the delivery log, the public archive and search in a real browser."""

import datetime

import pytest

from samverkan.minutes.services import add_decision, approve, minutes_for, save_note
from samverkan.publishing.archive import publish
from tests.browser.conftest import screenshot, serious_violations, sign_in
from tests.factories import make_meeting, make_person
from tests.smtp import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def test_secretary_sends_the_kallelse_and_follows_the_delivery_log(cast, page, mailbox):
    from samverkan.directory.models import Membership
    from tests.factories import make_membership

    for name, address in [("Dana Dahl", "dana@example.se"), ("Emil Ek", "fel@example.se")]:
        make_membership(make_person(name=name, email=address), cast.public_body)
    cast.bob.email = "bob@example.se"
    cast.bob.save()
    make_membership(make_person(name="Fia Falk"), cast.public_body, seat=Membership.Seat.SUBSTITUTE)
    mailbox.refused.add("fel@example.se")
    meeting = make_meeting(cast.public_body, place="Kommunhuset Sjöbo")

    sign_in(page, "alice")
    page.goto(f"/moten/{meeting.pk}/")
    page.get_by_role("link", name="Skicka kallelse").click()
    assert page.get_by_text("saknar e-postadress").first.is_visible()
    assert serious_violations(page) == []
    screenshot(page, "send-invitation")
    page.get_by_role("button", name="Skicka kallelsen").click()
    page.wait_for_selector("h1:has-text('Utskick')")
    assert page.get_by_text("Kallelsen skickas till 4 mottagare.").is_visible()

    run_worker()
    page.reload()
    assert len(mailbox.messages) == 3
    assert page.get_by_role("cell", name="fel@example.se").is_visible()
    assert page.get_by_text("550 5.1.1").is_visible()
    assert page.get_by_role("button", name="Skicka igen till dem som inte fick det").is_visible()
    assert serious_violations(page) == []
    screenshot(page, "delivery-log")


def test_the_public_searches_the_archive(cast, page):
    by = cast.alice.user
    for day, note, decision in [
        (
            datetime.date(2025, 3, 12),
            "Kommunerna redovisade läget i hemsjukvården och utskrivningarna från sjukhuset.",
            "Ledningsgruppen beslutade att utöka samverkan om hemsjukvård i Sjöbo och Ystad.",
        ),
        (
            datetime.date(2024, 10, 2),
            "Genomgång av hemsjukvården under sommaren.",
            "Rapporten om hemsjukvård godkänns.",
        ),
    ]:
        meeting = make_meeting(cast.public_body, date=day, place="Kommunhuset Sjöbo")
        minutes = minutes_for(meeting)
        item = meeting.items.first()
        save_note(minutes, item, text=note, revision=0)
        add_decision(minutes, text=decision, item=item)
        approve(minutes, by=by, approvers=[cast.bob])
        publish(meeting, by=by)

    page.goto("/arkiv/")
    assert page.get_by_role("link", name="Delregional samverkan Sydost").is_visible()
    assert serious_violations(page) == []
    screenshot(page, "archive")
    page.get_by_label("Sök i minnesanteckningar, beslut och uppdrag").fill("hemsjukvård beslutade")
    page.get_by_role("button", name="Sök").click()
    page.wait_for_selector("ol.hits")
    assert page.get_by_role("status").inner_text().startswith("1 träff")
    assert page.locator("mark", has_text="beslutade").count() == 1
    assert serious_violations(page) == []
    page.get_by_label("Sök i minnesanteckningar, beslut och uppdrag").fill("hemsjukvården")
    page.get_by_role("button", name="Sök").click()
    page.wait_for_selector("text=träffar, bäst träff först")
    screenshot(page, "archive-search")

    page.locator("ol.hits a").first.click()
    assert page.get_by_role("heading", name="Minnesanteckningar").is_visible()
    assert page.get_by_role("link", name="Ladda ner PDF").is_visible()
    assert serious_violations(page) == []

    page.set_viewport_size({"width": 375, "height": 812})
    page.goto("/arkiv/sok/?q=hemsjukv%C3%A5rd")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    screenshot(page, "archive-search-phone")
