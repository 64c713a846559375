"""Swedish pages read as Swedish: dates, § numbers, the kallelse, histories with names."""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.directory.models import Membership
from samverkan.followup import services as followup
from samverkan.meetings.services import add_item
from samverkan.minutes.services import approve, minutes_for
from samverkan.plans.models import Goal, Indicator, Measurement, Plan
from tests.browser.conftest import sign_in
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db(transaction=True)

# "29 Nov 2026", "Nov. 29": what Django writes for "M" and for English
ENGLISH_MONTH = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?")
SHOTS = os.environ.get("SAMVERKAN_REVIEW_SHOTS")  # a folder: screenshots to look at


def shoot(page, name: str) -> None:
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.fixture
def record(cast):
    body = cast.public_body
    body.numbers_paragraphs = True
    body.save()
    held = make_meeting(body, days_ahead=-30, link="https://teams.example/l/meetup-join/19abc")
    add_item(held, title="Budget 2027", kind="beslut", description="Förslag från DST.")
    followup.create_assignment(
        minutes=minutes_for(held),
        body=body,
        text="Ta fram en kommunikationsplan",
        people=[cast.bob],
        due_date=datetime.date(timezone.localdate().year + 1, 11, 29),
    )
    approve(minutes_for(held), by=cast.alice.user, approval="nästa möte")
    coming = make_meeting(body, days_ahead=10, link="https://teams.example/l/meetup-join/19xyz")
    add_item(coming, title="Psykiatri sydost", kind="diskussion", description="Läget i området.")
    Membership.objects.filter(person=cast.bob, body=cast.internal_body).update(
        start=datetime.date(2024, 1, 15), end=datetime.date(2025, 3, 31)
    )
    plan = Plan.objects.create(body=body, title="Handlingsplan 2025")
    indicator = Indicator.objects.create(
        goal=Goal.objects.create(plan=plan, title="Fast läkarkontakt"),
        name="Hembesök",
        baseline=37,
        target=120,
    )
    for month, value in enumerate([40, 52, 61, 75, 83, 90, 96, 101], start=1):
        Measurement.objects.create(
            indicator=indicator, period=datetime.date(2025, month, 1), value=value
        )
    return held, coming, plan


def test_swedish_pages_have_swedish_dates_and_numbered_paragraphs(cast, page, record):
    held, coming, plan = record
    page.set_default_timeout(60_000)  # ten pages, on a machine that may be busy
    sign_in(page, "alice")
    assignment = held.assignments.get()
    page.goto(reverse("followup:assignment", args=[assignment.pk]))
    page.get_by_label("Status").select_option("pågående")
    page.get_by_role("button", name="Uppdatera").click()
    pages = {
        "overview": reverse("followup:overview"),
        "meeting": held.get_absolute_url(),
        "kallelse": reverse("meetings:invitation", args=[coming.pk]),
        "editor": reverse("minutes:editor", args=[held.pk]),
        "register": reverse("followup:register", args=[cast.public_body.pk]),
        "assignment": reverse("followup:assignment", args=[assignment.pk]),
        "decisions": reverse("followup:decisions"),
        "body": cast.public_body.get_absolute_url(),
        "body_edit": reverse("directory:body_edit", args=[cast.public_body.pk]),
        "person": cast.bob.get_absolute_url(),
        "plan": plan.get_absolute_url(),
    }
    seen = {}
    for name, url in pages.items():
        page.goto(url)
        text = page.inner_text("main")
        assert ENGLISH_MONTH.findall(text) == [], name
        seen[name] = text
        shoot(page, f"conventions-{name}")
    assert "29 nov." in seen["assignment"] and "(Alice Andersson)" in seen["assignment"]
    assert "§ 1 Mötets öppnande" in seen["meeting"] and "STATUS" in seen["meeting"].upper()
    kallelse = seen["kallelse"]
    assert "https://teams.example/l/meetup-join/19xyz" in kallelse
    assert "Läget i området." in kallelse
    assert "Platser i organ" in seen["person"] and "15 jan. 2024" in seen["person"]
    assert "utgångsvärde" in seen["plan"]
