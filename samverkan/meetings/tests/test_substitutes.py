"""A member's answer and the meeting's attendance stay consistent when a substitute changes."""

import pytest
from django.urls import reverse

from samverkan.meetings.models import Attendance
from tests.factories import make_meeting, make_person

pytestmark = pytest.mark.django_db


def answer(client, meeting, status, substitute=None):
    data = {"status": status}
    if substitute:
        data["substitute"] = substitute.pk
    client.post(reverse("meetings:answer", args=[meeting.pk]), data)


def present(meeting) -> set[str]:
    rows = Attendance.objects.filter(meeting=meeting, status="närvarande")
    return {row.person.name for row in rows.select_related("person")}


def test_cannot_come_after_sending_a_substitute_takes_the_substitute_off(cast, login):
    meeting = make_meeting(cast.public_body)
    sara = make_person(name="Sara Sund")
    client = login("bob")
    answer(client, meeting, "skickar ersättare", sara)
    assert "Sara Sund" in present(meeting)
    answer(client, meeting, "frånvarande")
    assert "Sara Sund" not in present(meeting)
    assert not Attendance.objects.filter(meeting=meeting, person=sara).exists()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Sara Sund" not in page


def test_coming_after_all_takes_the_substitute_off(cast, login):
    meeting = make_meeting(cast.public_body)
    sara = make_person(name="Sara Sund")
    client = login("bob")
    answer(client, meeting, "skickar ersättare", sara)
    answer(client, meeting, "närvarande")
    assert present(meeting) == {"Bob Berg"}


def test_another_substitute_replaces_the_first(cast, login):
    meeting = make_meeting(cast.public_body)
    sara, tore = make_person(name="Sara Sund"), make_person(name="Tore Tå")
    client = login("bob")
    answer(client, meeting, "skickar ersättare", sara)
    answer(client, meeting, "skickar ersättare", tore)
    assert present(meeting) == {"Tore Tå"}
    assert Attendance.objects.get(meeting=meeting, person=cast.bob).substitute == tore


def test_a_member_who_substituted_keeps_their_own_place(cast, login):
    meeting = make_meeting(cast.public_body)
    client = login("bob")
    answer(client, meeting, "skickar ersättare", cast.alice)
    answer(client, meeting, "frånvarande")
    assert Attendance.objects.filter(meeting=meeting, person=cast.alice).exists()
