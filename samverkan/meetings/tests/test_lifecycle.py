"""The meeting's lifecycle: held when its date has passed or the secretary says so."""

import pytest
from django.urls import reverse

from samverkan.meetings.models import Meeting
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def test_writing_minutes_in_advance_does_not_make_the_meeting_held(cast, login):
    meeting = make_meeting(cast.public_body, days_ahead=3)
    client = login("alice")
    item = meeting.items.first()
    client.post(
        reverse("minutes:note", args=[meeting.pk, item.pk]), {"text": "Förberett.", "revision": 0}
    )
    client.post(
        reverse("minutes:decision_add", args=[meeting.pk, item.pk]), {"text": "Förslag till beslut"}
    )
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.PLANNED and not meeting.is_held
    page = client.get(meeting.get_absolute_url()).content.decode()
    for action in ("Skicka kallelse", "Flytta", "Ställ in", "Markera som genomfört"):
        assert action in page


def test_the_secretary_marks_the_meeting_held(cast, login):
    meeting = make_meeting(cast.public_body, days_ahead=0)
    assert login("bob").post(reverse("meetings:mark_held", args=[meeting.pk])).status_code == 403
    page = login("alice").post(reverse("meetings:mark_held", args=[meeting.pk]), follow=True)
    assert "Mötet är markerat som genomfört." in page.content.decode()
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.HELD and meeting.is_held
    html = page.content.decode()
    assert "Markera som genomfört" not in html and "Ställ in" not in html


def test_a_meeting_whose_date_has_passed_is_held(cast):
    meeting = make_meeting(cast.public_body, days_ahead=-1)
    assert meeting.is_held and not meeting.can_be_moved and not meeting.can_be_cancelled
