"""The whole record, walked as the people who keep it: from planning to a corrected, public record.

Plan meetings 1 and 2 → send the kallelse → hold 1 → give an assignment due "nästa möte" → it
is on meeting 2's agenda → move meeting 2 → still there, once → request justering → two
justerare approve in their own sessions → locked (edits refused, the PDF unchanged) → publish →
correct → the public page keeps version 1 until version 2 is approved and published.
"""

import datetime
import io

import pdfplumber
import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.meetings.models import Meeting
from tests.browser.conftest import sign_in
from tests.browser.test_journey import plan
from tests.browser.test_justering import publish_then_correct
from tests.browser.test_report_back_journey import report_rows
from tests.factories import make_membership, make_person

pytestmark = pytest.mark.django_db(transaction=True)


def pdf_text(page, meeting) -> str:
    response = page.request.get(reverse("publishing:minutes", args=[meeting.pk, "pdf"]))
    with pdfplumber.open(io.BytesIO(response.body())) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)


def post_as(page, url: str, data: dict):
    """A form post with the page's session, as a second tab left open would send it."""
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    return page.request.post(url, form=data, headers={"X-CSRFToken": token, "Referer": url})


def test_the_record_from_planning_to_a_public_correction(cast, page, browser, live_server, mailbox):
    dana = make_person("dana", name="Dana Dahl", email="dana@example.se")
    make_membership(dana, cast.public_body)
    today = timezone.localdate()

    sign_in(page, "alice")
    plan(page, cast.public_body, today)
    plan(page, cast.public_body, today + datetime.timedelta(days=14))
    first, second = Meeting.objects.order_by("date")

    page.goto(first.get_absolute_url())
    page.get_by_role("link", name="Skicka kallelse").click()
    page.get_by_role("button", name="Skicka kallelsen").click()
    page.goto(first.get_absolute_url())
    page.get_by_role("button", name="Markera som genomfört").click()
    assert page.get_by_text("Genomfört").first.is_visible()

    page.goto(reverse("minutes:editor", args=[first.pk]))
    item = first.items.first()
    page.locator(f"#decision-{item.pk}").fill("Dagordningen godkänns.")
    page.locator(f"#decision-{item.pk}").press("Enter")
    page.wait_for_selector(f"#decisions-{item.pk} li:has-text('Dagordningen godkänns.')")
    page.get_by_label("Vem").fill("Bob")
    page.get_by_label("Vad").fill("Ta fram en kommunikationsplan")
    page.get_by_label("till nästa möte").check()
    page.get_by_role("button", name="Lägg till uppdrag").click()
    page.get_by_role("cell", name="Bob Berg").wait_for()

    page.goto(second.get_absolute_url())
    assert report_rows(page).count() == 1
    page.get_by_role("link", name="Flytta").click()
    page.get_by_label("Nytt datum").fill((today + datetime.timedelta(days=21)).isoformat())
    page.get_by_role("button", name="Flytta").click()
    page.wait_for_url(f"**{second.get_absolute_url()}")
    assert report_rows(page).count() == 1
    assert "Ta fram en kommunikationsplan" in report_rows(page).first.inner_text()

    page.goto(reverse("minutes:editor", args=[first.pk]))
    request = page.locator("#request-approval")
    request.get_by_label("Bob Berg").check()
    request.get_by_label("Dana Dahl").check()
    page.get_by_role("button", name="Begär justering").click()
    assert page.get_by_text("Justering är begärd av Bob Berg, Dana Dahl").is_visible()
    for username in ["bob", "dana"]:
        context = browser.new_context(base_url=live_server.url, locale="sv-SE")
        justerare = context.new_page()
        sign_in(justerare, username)
        justerare.goto(reverse("minutes:sign_off", args=[first.pk]))
        justerare.get_by_role("button", name="Justera", exact=True).click()
        assert justerare.get_by_text("Tack, du har justerat minnesanteckningarna.").is_visible()
        context.close()

    page.goto(first.get_absolute_url())
    assert page.get_by_text("Protokoll justerat").first.is_visible()
    assert page.get_by_role("link", name="Ny punkt").count() == 0
    approved_pdf = pdf_text(page, first)
    assert "Justerat av Bob Berg" in approved_pdf and "Justerat av Dana Dahl" in approved_pdf
    edit = reverse("meetings:item_edit", args=[first.pk, item.pk])
    note = reverse("minutes:note", args=[first.pk, item.pk])
    for url, data in [
        (edit, {"title": "Ändrad rubrik", "kind": "information"}),
        (note, {"text": "Skrivet i efterhand", "revision": "0"}),
        (reverse("minutes:decision_add", args=[first.pk, item.pk]), {"text": "Nytt beslut"}),
    ]:
        response = post_as(page, url, data)
        assert "Minnesanteckningarna är justerade och låsta" in response.text()
    page.goto(reverse("minutes:editor", args=[first.pk]))
    assert page.get_by_text("Skrivet i efterhand").count() == 0
    assert page.get_by_text("Nytt beslut").count() == 0
    assert pdf_text(page, first) == approved_pdf
    assert "Ändrad rubrik" not in approved_pdf

    publish_then_correct(page, browser, live_server, first, item).context.close()
