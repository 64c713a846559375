"""Planning, agenda rules, attendance answers, cancelling and moving meetings."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.directory.models import Membership
from samverkan.meetings.models import Attendance, Meeting
from tests.factories import make_meeting, make_membership, make_person

pytestmark = pytest.mark.django_db


def plan(client, body, **data):
    defaults = {
        "kind": "ordinarie",
        "date": "2030-03-05",
        "start": "09:00",
        "end": "11:00",
        "place": "Kommunhuset Sjöbo",
        "link": "teams.example/abc",
    }
    return client.post(reverse("followup:plan_meeting", args=[body.pk]), {**defaults, **data})


def test_secretary_plans_a_meeting_with_standard_items_and_invites_members(cast, login):
    response = plan(login("alice"), cast.public_body)
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert [i.title for i in meeting.items.all()] == [
        "Mötets öppnande",
        "Val av justerare",
        "Godkännande av dagordning",
        "Föregående mötesanteckningar",
        "Övriga frågor",
        "Nästa möte",
        "Mötets avslutande",
    ]
    assert meeting.link == "https://teams.example/abc"
    assert {a.person.name for a in meeting.attendance.all()} == {"Alice Andersson", "Bob Berg"}


@pytest.mark.parametrize("username", ["bob", "carl", None])
def test_only_editors_plan_meetings(cast, login, username):
    assert plan(login(username), cast.public_body).status_code == 403
    assert not Meeting.objects.exists()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"end": "08:00"}, "Mötet måste sluta efter att det börjar."),
        ({"date": ""}, "Detta fält måste fyllas i."),
        ({"date": "31/02"}, "Fyll i ett giltigt datum."),
        ({"link": "inte en länk med mellanslag"}, "Fyll i en giltig URL."),
        ({"place": "x" * 201}, "som mest 200 tecken"),
    ],
)
def test_bad_meeting_input_is_refused_in_swedish(cast, login, data, message):
    response = plan(login("alice"), cast.public_body, **data)
    assert message in response.content.decode()
    assert not Meeting.objects.exists()


def test_joint_meeting_of_two_bodies(cast, login):
    plan(login("alice"), cast.public_body, also=[cast.internal_body.pk])
    meeting = Meeting.objects.get()
    assert set(meeting.bodies.all()) == {cast.public_body, cast.internal_body}
    assert (
        "AG Sydost och DS Sydost" in login("alice").get(meeting.get_absolute_url()).content.decode()
    )


def test_cancelled_meeting_keeps_its_history_and_takes_no_minutes(cast, login):
    meeting = make_meeting(cast.public_body)
    client = login("alice")
    refused = client.post(reverse("meetings:cancel", args=[meeting.pk]), {"reason": ""})
    assert "Detta fält måste fyllas i." in refused.content.decode()
    client.post(
        reverse("meetings:cancel", args=[meeting.pk]),
        {"reason": "Planeringen hinner inte bli klar"},
    )
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Inställt" in page and "Planeringen hinner inte bli klar" in page
    assert client.get(reverse("minutes:editor", args=[meeting.pk])).status_code == 403


def test_moved_meeting_says_where_it_came_from(cast, login):
    meeting = make_meeting(cast.public_body, date=datetime.date(2030, 10, 9))
    client = login("alice")
    client.post(reverse("meetings:move", args=[meeting.pk]), {"date": "2030-12-14"})
    meeting.refresh_from_db()
    assert meeting.date == datetime.date(2030, 12, 14)
    assert "flyttat från 9 oktober" in client.get(meeting.get_absolute_url()).content.decode()


def test_member_sends_a_substitute(cast, login):
    meeting = make_meeting(cast.public_body)
    substitute = make_person(name="Sara Sund")
    client = login("bob")
    missing = client.post(
        reverse("meetings:answer", args=[meeting.pk]), {"status": "skickar ersättare"}
    )
    assert "Ange vem som går i stället." in missing.content.decode()
    client.post(
        reverse("meetings:answer", args=[meeting.pk]),
        {"status": "skickar ersättare", "substitute": substitute.pk},
    )
    row = Attendance.objects.get(meeting=meeting, person=cast.bob)
    assert (row.status, row.substitute) == ("skickar ersättare", substitute)
    assert Attendance.objects.get(meeting=meeting, person=substitute).status == "närvarande"


def test_outsider_cannot_answer_for_a_meeting(cast, login):
    meeting = make_meeting(cast.public_body)
    assert (
        login("carl")
        .post(reverse("meetings:answer", args=[meeting.pk]), {"status": "närvarande"})
        .status_code
        == 403
    )


def test_after_the_meeting_only_the_secretary_changes_the_agenda(cast, login):
    chair = make_person("chair", name="Cilla Chair")
    make_membership(chair, cast.public_body, role=Membership.Role.CHAIR)
    meeting = make_meeting(cast.public_body, days_ahead=-1)
    data = {"title": "Tillägg", "kind": "information"}
    url = reverse("meetings:item_add", args=[meeting.pk])
    assert login("chair").post(url, data).status_code == 403
    login(None).logout()
    assert login("alice").post(url, data).status_code == 302
    assert meeting.items.filter(title="Tillägg").exists()


def test_internal_body_meetings_are_hidden_from_outsiders(cast, login):
    meeting = make_meeting(cast.internal_body)
    assert login("carl").get(meeting.get_absolute_url()).status_code == 404
    assert login("bob").get(meeting.get_absolute_url()).status_code == 200


def test_invitation_lists_agenda_and_recipients(cast, login):
    meeting = make_meeting(cast.public_body, date=timezone.localdate() + datetime.timedelta(days=3))
    html = login("bob").get(reverse("meetings:invitation", args=[meeting.pk])).content.decode()
    assert "Godkännande av dagordning" in html
    assert "Alice Andersson (Sjöbo kommun)" in html
    assert "a@example.se" not in html


def test_secretary_edits_and_removes_agenda_items_before_the_meeting(cast, login):
    meeting = make_meeting(cast.public_body)
    first, second = meeting.items.all()[:2]
    client = login("alice")
    response = client.post(
        reverse("meetings:item_edit", args=[meeting.pk, second.pk]),
        {"title": "Mötesanteckningar från 4 mars", "kind": "beslut", "responsible": [cast.bob.pk]},
    )
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.title == "Mötesanteckningar från 4 mars"
    assert list(second.responsible.all()) == [cast.bob]

    client.post(reverse("meetings:item_remove", args=[meeting.pk, first.pk]))
    items = [(i.position, i.title) for i in meeting.items.all()]
    assert items[:2] == [(1, "Mötesanteckningar från 4 mars"), (2, "Godkännande av dagordning")]
    assert [position for position, _ in items] == list(range(1, 7))


def test_items_of_a_held_meeting_are_kept_and_members_cannot_change_them(cast, login):
    meeting = make_meeting(cast.public_body, days_ahead=-1)
    item = meeting.items.first()
    assert (
        login("bob").post(reverse("meetings:item_remove", args=[meeting.pk, item.pk])).status_code
        == 403
    )
    login(None).logout()
    response = login("alice").post(
        reverse("meetings:item_remove", args=[meeting.pk, item.pk]), follow=True
    )
    assert "kan inte tas bort" in response.content.decode()
    assert meeting.items.filter(pk=item.pk).exists()
    edit = reverse("meetings:item_edit", args=[meeting.pk, item.pk])
    response = login("alice").post(edit, {"title": "", "kind": "beslut"})
    assert "Detta fält måste fyllas i." in response.content.decode()
    item.refresh_from_db()
    assert item.title == "Mötets öppnande"


def test_moving_an_item_returns_the_secretary_to_that_item(cast, login):
    meeting = make_meeting(cast.public_body)
    last = meeting.items.order_by("position").last()
    response = login("alice").post(
        reverse("meetings:item_move", args=[meeting.pk, last.pk]), {"up": "1"}
    )
    assert response["Location"] == f"{meeting.get_absolute_url()}#punkt-{last.pk}"
    page = login("alice").get(meeting.get_absolute_url()).content.decode()
    assert f'id="punkt-{last.pk}"' in page
