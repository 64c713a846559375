"""Someone deactivated, or whose last membership ended, loses the calendar feed at once and
gets no more kallelser."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.publishing.mailing import invitation_recipients
from samverkan.publishing.models import CalendarFeed
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def feed_url(client) -> str:
    page = client.get(reverse("publishing:my_calendar")).content.decode()
    token = CalendarFeed.objects.get().token
    assert token in page
    return f"/kalender/{token}.ics"


def test_a_deactivated_account_loses_feed_and_kallelse(cast, login, client):
    url = feed_url(login("bob"))
    meeting = make_meeting(cast.public_body)
    assert client.get(url).status_code == 200
    assert "Bob Berg" in {r.name for r in invitation_recipients(meeting)}

    cast.bob.user.is_active = False  # an administrator deactivates the account
    cast.bob.user.save()

    assert client.get(url).status_code == 404
    assert not CalendarFeed.objects.exists()
    assert "Bob Berg" not in {r.name for r in invitation_recipients(meeting)}


def test_ending_the_last_membership_revokes_the_feed(cast, login):
    url = feed_url(login("bob"))
    secretary = login("alice")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    first, second = cast.bob.memberships.order_by("pk")
    meeting = make_meeting(cast.public_body)
    secretary.post(reverse("directory:membership_end", args=[first.pk]), {"end": yesterday})
    assert CalendarFeed.objects.exists()  # still a member of the working group
    second.end_on(yesterday)
    assert not CalendarFeed.objects.exists()
    assert secretary.get(url).status_code == 404
    assert "Bob Berg" not in {r.name for r in invitation_recipients(meeting)}


def test_a_membership_ending_later_keeps_the_feed_until_then(cast, login, client):
    url = feed_url(login("bob"))
    for membership in cast.bob.memberships.all():
        membership.end_on(timezone.localdate() + datetime.timedelta(days=30))
    assert client.get(url).status_code == 200
