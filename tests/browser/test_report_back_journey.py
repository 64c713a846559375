"""An assignment given after the next meeting is planned still comes back, grouped, once."""

import datetime

import pytest
from django.utils import timezone

from samverkan.followup.models import Assignment
from samverkan.meetings.models import Meeting
from tests.browser.conftest import screenshot, serious_violations, sign_in
from tests.browser.test_journey import plan

pytestmark = pytest.mark.django_db(transaction=True)


def report_rows(page):
    item = page.locator(
        ".agenda > li", has=page.locator(".item-title", has_text="Återrapportering")
    )
    return item.locator(".report-back")


def test_assignment_due_next_meeting_reaches_the_planned_meeting(cast, page):
    today = timezone.localdate()
    sign_in(page, "alice")
    plan(page, cast.public_body, today)
    plan(page, cast.public_body, today + datetime.timedelta(days=14))
    first, second = Meeting.objects.order_by("date")

    page.goto(f"/moten/{first.pk}/anteckningar/")
    page.get_by_label("Vem").fill("Bob")
    page.get_by_label("Vad").fill("Ta fram utkast till kommunikationsplan")
    page.get_by_label("till nästa möte").check()
    page.get_by_role("button", name="Lägg till uppdrag").click()
    page.get_by_role("cell", name="Bob Berg").wait_for()

    page.goto(second.get_absolute_url())
    rows = report_rows(page)
    assert rows.count() == 1
    assert "Ta fram utkast till kommunikationsplan" in rows.first.inner_text()
    assert "Bob Berg" in rows.first.inner_text()
    assert serious_violations(page) == []
    screenshot(page, "report-back-agenda")

    page.get_by_role("link", name="Flytta").click()
    page.get_by_label("Nytt datum").fill((today + datetime.timedelta(days=21)).isoformat())
    page.get_by_role("button", name="Flytta").click()
    page.wait_for_url(f"**{second.get_absolute_url()}")
    assert page.get_by_text("Mötet är flyttat.").is_visible()
    assert report_rows(page).count() == 1
    assert page.locator(".item-title", has_text="Återrapportering").count() == 1

    page.goto(f"/moten/{second.pk}/anteckningar/")
    row = page.locator(".report-back", has_text="Ta fram utkast till kommunikationsplan")
    buttons_then_date = row.evaluate(
        "r => r.querySelector('button').compareDocumentPosition(r.querySelector('input[type=date]'))"
    )
    assert buttons_then_date & 4  # DOCUMENT_POSITION_FOLLOWING: the date comes after
    assert serious_violations(page) == []
    screenshot(page, "report-back-editor")
    row.get_by_role("button", name="Återrapporterat").click()
    page.wait_for_load_state()
    assert page.get_by_text("Uppdraget är uppdaterat.").is_visible()
    assert Assignment.objects.get().status == "återrapporterad"
    row = page.locator(".report-back", has_text="Ta fram utkast till kommunikationsplan")
    assert "Återrapporterad" in row.inner_text()
