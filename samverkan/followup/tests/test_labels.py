"""The words people read first: each status once, seats not assignments, the meeting's status."""

import re

import pytest
from django.urls import reverse

from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def test_the_status_filter_lists_each_status_once(cast, login):
    page = login("alice").get(reverse("followup:register", args=[cast.public_body.pk]))
    select = re.search(r'<select name="status".*?</select>', page.content.decode(), re.S)[0]
    labels = [label.strip() for label in re.findall(r">([^<]+)</option>", select)]
    assert len(labels) == len(set(labels)), labels
    # the choice of all unfinished ones names both statuses, not "Öppna" beside "Öppen"
    assert "Öppna" not in labels and "Öppna och pågående" in labels


def test_the_person_page_says_seats_and_the_meeting_page_says_status(cast, login):
    client = login("alice")
    person = client.get(cast.bob.get_absolute_url()).content.decode()
    assert "Platser i organ" in person and "Uppdrag i organ" not in person
    meeting = client.get(make_meeting(cast.public_body).get_absolute_url()).content.decode()
    assert "<dt>Status</dt>" in meeting and "Läge" not in meeting
