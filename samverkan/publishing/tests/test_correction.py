"""A correction keeps the published version public until the corrected one is published."""

import io

import pdfplumber
import pytest
from django.urls import reverse

from samverkan.minutes.services import minutes_for
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def pdf_text(response) -> str:
    with pdfplumber.open(io.BytesIO(response.content)) as document:
        return "\n".join(p.extract_text() or "" for p in document.pages)


def test_the_public_keeps_version_1_until_version_2_is_approved_and_published(cast, login):
    meeting = make_meeting(cast.public_body, days_ahead=-2)
    item = meeting.items.first()
    alice = login("alice")
    decide = reverse("minutes:decision_add", args=[meeting.pk, item.pk])
    alice.post(decide, {"text": "Beslut i version ett."})
    alice.post(reverse("minutes:approve", args=[meeting.pk]), {"approval": "nästa möte"})
    alice.post(reverse("publishing:publish", args=[meeting.pk]), {"to_members": ""})
    alice.logout()

    page_url = reverse("publishing:archive_minutes", args=[meeting.pk])
    pdf_url = reverse("publishing:archive_pdf", args=[meeting.pk])
    anonymous = login(None)
    assert "Beslut i version ett." in anonymous.get(page_url).content.decode()

    alice = login("alice")
    alice.post(reverse("minutes:correct", args=[meeting.pk]))
    alice.post(decide, {"text": "Tillägg i version två."})
    alice.logout()
    for stage in ("correcting", "approved, not published"):
        page = anonymous.get(page_url)
        assert page.status_code == 200, stage
        html = page.content.decode()
        assert "Beslut i version ett." in html and "Tillägg i version två." not in html, stage
        text = pdf_text(anonymous.get(pdf_url))
        assert "Beslut i version ett." in text and "Tillägg i version två." not in text, stage
        assert meeting.pk in [
            p.meeting_id for p in anonymous.get(reverse("publishing:archive")).context["latest"]
        ], stage
        if stage == "correcting":
            alice = login("alice")
            alice.post(reverse("minutes:approve", args=[meeting.pk]), {"approval": "nästa möte"})
            alice.logout()
    assert minutes_for(meeting).version == 2

    alice = login("alice")
    alice.post(reverse("publishing:publish", args=[meeting.pk]), {"to_members": ""})
    alice.logout()
    html = anonymous.get(page_url).content.decode()
    assert "Tillägg i version två." in html and "Rättad version 2" in html
    earlier = reverse("publishing:archive_version", args=[meeting.pk, 1])
    assert earlier in html
    old = anonymous.get(earlier).content.decode()
    assert "Beslut i version ett." in old and "Tillägg i version två." not in old
    assert "Tidigare version 1" in old
    old_pdf = pdf_text(
        anonymous.get(reverse("publishing:archive_version_pdf", args=[meeting.pk, 1]))
    )
    assert "Tillägg i version två." not in old_pdf and "Beslut i version ett." in old_pdf
    assert "Tillägg i version två." in pdf_text(anonymous.get(pdf_url))
    assert (
        anonymous.get(reverse("publishing:archive_version", args=[meeting.pk, 3])).status_code
        == 404
    )
