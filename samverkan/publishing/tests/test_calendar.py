"""Calendar feeds: what subscribers see, cancelled and moved meetings, private addresses."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from samverkan.meetings.services import cancel_meeting, move_meeting
from samverkan.publishing.models import CalendarFeed
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def events(response):
    assert response["Content-Type"].startswith("text/calendar")
    return {str(e["uid"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}


def test_public_body_feed_lists_its_meetings(cast, client):
    meeting = make_meeting(cast.public_body, place="Kommunhuset Sjöbo")
    event = events(client.get(reverse("publishing:body_feed", args=[cast.public_body.pk])))[
        f"meeting-{meeting.pk}@samverkan"
    ]
    assert str(event["location"]) == "Kommunhuset Sjöbo"
    assert event.decoded("dtstart").hour == 9 and str(event["status"]) == "CONFIRMED"
    assert "Godkännande av dagordning" in str(event["description"])


def test_internal_body_has_no_public_feed(cast, client):
    assert (
        client.get(reverse("publishing:body_feed", args=[cast.internal_body.pk])).status_code == 404
    )


def test_cancelled_and_moved_meetings_update_with_a_higher_sequence(cast, client):
    moved = make_meeting(cast.public_body, days_ahead=10)
    cancelled = make_meeting(cast.public_body, days_ahead=20)
    url = reverse("publishing:body_feed", args=[cast.public_body.pk])
    before = events(client.get(url))
    move_meeting(moved, date=moved.date + datetime.timedelta(days=7))
    cancel_meeting(cancelled, reason="Planeringen hinner inte bli klar")
    after = events(client.get(url))
    uid_moved, uid_cancelled = f"meeting-{moved.pk}@samverkan", f"meeting-{cancelled.pk}@samverkan"
    assert after[uid_moved].decoded("dtstart").date() == moved.date + datetime.timedelta(days=0)
    assert after[uid_moved]["sequence"] > before[uid_moved]["sequence"]
    assert str(after[uid_cancelled]["status"]) == "CANCELLED"
    assert after[uid_cancelled]["sequence"] > before[uid_cancelled]["sequence"]


def test_private_feed_covers_my_bodies_and_can_be_replaced(cast, login):
    internal = make_meeting(cast.internal_body)
    client = login("bob")
    page = client.get(reverse("publishing:my_calendar")).content.decode()
    feed = CalendarFeed.objects.get(person=cast.bob)
    assert feed.token in page
    old = reverse("publishing:person_feed", args=[feed.token])
    assert f"meeting-{internal.pk}@samverkan" in events(client.get(old))
    client.post(reverse("publishing:my_calendar"))
    feed.refresh_from_db()
    assert client.get(old).status_code == 404
    assert client.get(reverse("publishing:person_feed", args=[feed.token])).status_code == 200


def test_outsider_feed_lacks_internal_meetings(cast, login):
    internal = make_meeting(cast.internal_body)
    client = login("carl")
    client.get(reverse("publishing:my_calendar"))
    token = CalendarFeed.objects.get(person=cast.carl).token
    feed = events(client.get(reverse("publishing:person_feed", args=[token])))
    assert f"meeting-{internal.pk}@samverkan" not in feed
