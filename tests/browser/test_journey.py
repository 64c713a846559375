"""The secretary's journey in a real browser: plan, agenda, minutes, approve, report back."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from samverkan.followup.models import Assignment
from samverkan.meetings.models import Meeting
from tests.browser.conftest import screenshot, serious_violations, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def plan(page, body, day: datetime.date) -> None:
    page.goto(body.get_absolute_url())
    page.get_by_role("link", name="Planera möte").click()
    page.get_by_label("Datum").fill(day.isoformat())
    page.get_by_label("Börjar").fill("09:00")
    page.get_by_label("Slutar").fill("12:00")
    page.get_by_label("Plats").fill("Kommunhuset Sjöbo")
    page.get_by_role("button", name="Planera mötet").click()
    page.wait_for_url("**/moten/*/")


def test_plan_write_approve_and_report_back(cast, page, browser, live_server):
    today = timezone.localdate()
    sign_in(page, "alice")
    plan(page, cast.public_body, today)
    meeting = Meeting.objects.get()
    assert page.locator(".item-title", has_text="Godkännande av dagordning").is_visible()

    page.get_by_role("link", name="Ny punkt").click()
    page.get_by_label("Rubrik").fill("Psykiatri sydost")
    page.get_by_label("Typ").select_option("diskussion")
    page.get_by_label("Bob Berg").check()
    page.get_by_role("button", name="Lägg till").click()
    assert page.locator(".item-title", has_text="Psykiatri sydost").is_visible()
    assert serious_violations(page) == []
    screenshot(page, "meeting")

    page.get_by_role("link", name="Registrera närvaro").click()
    page.get_by_label("Bob Berg").select_option("närvarande")
    page.get_by_label("Alice Andersson").select_option("närvarande")
    page.get_by_role("button", name="Spara närvaro").click()

    page.goto(f"/moten/{meeting.pk}/anteckningar/")
    first = meeting.items.first()
    page.locator(f"#note-{first.pk}").fill("Dagordningen gicks igenom.")
    page.wait_for_selector(f"#note-status-{first.pk}:has-text('Sparat kl.')")
    page.locator(f"#decision-{first.pk}").fill("Dagordningen godkänns.")
    page.locator(f"#decision-{first.pk}").press("Enter")
    page.wait_for_selector(f"#decisions-{first.pk} li:has-text('Dagordningen godkänns.')")
    expect(page.locator(f"#decision-{first.pk}")).to_be_focused()  # emptied, ready for the next
    page.get_by_label("Vem").fill("Alice, Bob")
    page.get_by_label("Vad").fill("Ta fram utkast till kommunikationsplan")
    page.get_by_label("till nästa möte").check()
    page.get_by_role("button", name="Lägg till uppdrag").click()
    page.get_by_role("cell", name="Alice Andersson, Bob Berg").wait_for()
    assert serious_violations(page) == []
    screenshot(page, "minutes-editor")

    page.locator("#request-approval").get_by_label("Bob Berg").check()
    page.get_by_role("button", name="Begär justering").click()
    assert page.get_by_text("Justering är begärd av Bob Berg").is_visible()
    justerare = browser.new_context(base_url=live_server.url, locale="sv-SE")
    bob = justerare.new_page()
    sign_in(bob, "bob")
    bob.goto(f"/moten/{meeting.pk}/justering/")
    bob.get_by_role("button", name="Justera", exact=True).click()
    assert bob.get_by_text("Tack, du har justerat minnesanteckningarna.").is_visible()
    justerare.close()
    page.goto(meeting.get_absolute_url())
    assert page.get_by_text("Protokoll justerat").first.is_visible()
    assert [p.name for p in meeting.minutes.approvers.all()] == ["Bob Berg"]

    plan(page, cast.public_body, today + datetime.timedelta(days=14))
    next_meeting = Meeting.objects.order_by("-date").first()
    assert page.locator(".item-title", has_text="Återrapportering").is_visible()
    assert (
        page.locator(".report-back", has_text="Ta fram utkast till kommunikationsplan").count() == 1
    )
    page.goto(f"/moten/{next_meeting.pk}/anteckningar/")
    page.get_by_role("button", name="Återrapporterat").click()
    assert Assignment.objects.get().status == "återrapporterad"

    page.goto(f"/organ/{cast.public_body.pk}/uppdrag/")
    assert page.get_by_role("cell", name="Återrapporterad").is_visible()
    assert serious_violations(page) == []
    screenshot(page, "assignment-register")


def test_minutes_can_be_written_with_the_keyboard_only(cast, page):
    from tests.factories import make_meeting

    meeting = make_meeting(cast.public_body, days_ahead=0)
    first = meeting.items.first()
    sign_in(page, "alice")
    page.goto(f"/moten/{meeting.pk}/anteckningar/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == f"note-{first.pk}":
            break
    else:
        pytest.fail("the first note was not reached with Tab")
    page.keyboard.type("Inga synpunkter.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == f"decision-{first.pk}"
    page.keyboard.type("Dagordningen godkänns.")
    page.keyboard.press("Enter")
    page.wait_for_selector(f"#decisions-{first.pk} li:has-text('Dagordningen godkänns.')")
    page.wait_for_selector(f"#note-status-{first.pk}:has-text('Sparat kl.')")
    assert first.notes.get().text == "Inga synpunkter."


def test_member_start_page_and_answer(cast, page):
    from tests.factories import make_meeting

    meeting = make_meeting(cast.public_body, days_ahead=3)
    sign_in(page, "bob")
    assert page.get_by_role("heading", name="Hej Bob").is_visible()
    assert serious_violations(page) == []
    screenshot(page, "overview")
    page.goto(meeting.get_absolute_url())
    page.get_by_role("link", name="Svara").click()
    page.get_by_label("Jag kan inte komma", exact=True).check()
    page.get_by_role("button", name="Skicka svar").click()
    assert page.get_by_text("Ditt svar: Frånvarande").is_visible()


def test_pages_fit_a_phone(cast, browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(cast.public_body.get_absolute_url())
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    screenshot(page, "body-phone")
    context.close()
