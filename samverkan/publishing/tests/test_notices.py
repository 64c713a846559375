"""Mail that follows events: a meeting moved or cancelled after its kallelse, an updated
kallelse, an assignment given or changed. Through a real SMTP server and the worker."""

import datetime
import re

import pytest
from django.urls import reverse

from samverkan.directory.models import Membership
from samverkan.followup.services import create_assignment, edit_assignment
from samverkan.meetings.services import add_item, cancel_meeting, move_meeting
from samverkan.publishing.mailing import send_invitation
from samverkan.publishing.models import Delivery, Dispatch
from samverkan.publishing.tests.mail_reading import calendar_of, text_of
from tests.factories import make_body, make_meeting, make_membership, make_person
from tests.smtp import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def invited(cast, mailbox):
    """A meeting of DS Sydost whose kallelse alice sent and bob and alice received."""
    cast.bob.email = "bob@example.se"
    cast.bob.save()
    meeting = make_meeting(cast.public_body, days_ahead=20, place="Kommunhuset Sjöbo")
    send_invitation(meeting, by=cast.alice.user)
    run_worker()
    kallelse = {m["To"]: m for m in mailbox.messages}
    mailbox.messages.clear()
    return meeting, kallelse


def event_of(message):
    [event] = calendar_of(message).walk("VEVENT")
    return event


def test_a_moved_meeting_reaches_every_recipient_with_an_updated_calendar_entry(
    cast, mailbox, invited
):
    meeting, kallelse = invited
    first = event_of(kallelse["bob@example.se"])
    new_day = meeting.date + datetime.timedelta(days=2)
    move_meeting(meeting, date=new_day, start=datetime.time(13, 0), end=datetime.time(15, 0))
    run_worker()

    assert sorted(m["To"] for m in mailbox.messages) == ["a@example.se", "bob@example.se"]
    message = mailbox.to("bob@example.se")[0]
    assert message["Subject"].startswith("Flyttat: DS Sydost")
    text = text_of(message)
    assert "Mötet är flyttat från" in text and "kl. 13.00" in text
    assert "Jag kommer:" in text  # the answer links come along
    calendar = calendar_of(message)
    assert str(calendar["method"]) == "REQUEST"
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "Europe/Stockholm"
    event = event_of(message)
    assert str(event["uid"]) == str(first["uid"]) == f"meeting-{meeting.pk}@samverkan"
    assert int(event["sequence"]) > int(first["sequence"])
    assert event["dtstart"].params["TZID"] == "Europe/Stockholm"
    assert event.decoded("dtstart").replace(tzinfo=None) == datetime.datetime.combine(
        new_day, datetime.time(13, 0)
    )
    assert str(event["status"]) == "CONFIRMED"
    assert str(event["attendee"]) == "mailto:bob@example.se"
    assert Dispatch.objects.get(kind=Dispatch.Kind.MOVED).deliveries.count() == 2


def test_a_cancelled_meeting_is_removed_from_calendars_and_asks_no_answer(
    cast, mailbox, invited, login
):
    meeting, kallelse = invited
    cancel_meeting(meeting, reason="För få anmälda")
    run_worker()

    message = mailbox.to("bob@example.se")[0]
    assert message["Subject"].startswith("Inställt: DS Sydost")
    text = text_of(message)
    assert "är inställt: För få anmälda" in text
    assert "Jag kommer" not in text
    calendar = calendar_of(message)
    assert str(calendar["method"]) == "CANCEL"
    event = event_of(message)
    assert str(event["uid"]) == str(event_of(kallelse["bob@example.se"])["uid"])
    assert str(event["status"]) == "CANCELLED"
    assert int(event["sequence"]) > int(event_of(kallelse["bob@example.se"])["sequence"])

    page = login("bob").get(meeting.get_absolute_url()).content.decode()
    assert "Kommer du?" not in page
    response = login("bob").get(reverse("meetings:answer", args=[meeting.pk]))
    assert response.status_code == 403


def test_moving_a_meeting_before_its_kallelse_sends_nothing(cast, mailbox):
    meeting = make_meeting(cast.public_body, days_ahead=20)
    move_meeting(meeting, date=meeting.date + datetime.timedelta(days=1))
    run_worker()
    assert mailbox.messages == []
    assert not Dispatch.objects.exists()


def test_an_agenda_changed_after_the_kallelse_is_sent_again_marked_updated(
    cast, mailbox, invited, login
):
    meeting, _kallelse = invited
    client = login("alice")
    assert (
        "Skicka uppdaterad kallelse" not in client.get(meeting.get_absolute_url()).content.decode()
    )
    add_item(meeting, title="Budget 2027", kind="beslut")

    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Dagordningen har ändrats sedan kallelsen skickades" in page
    assert "Ny punkt: Budget 2027" in page
    response = client.post(reverse("publishing:send_update", args=[meeting.pk]))
    assert response.status_code == 302
    run_worker()

    message = mailbox.to("bob@example.se")[0]
    assert message["Subject"].startswith("Uppdaterad kallelse: DS Sydost")
    text = text_of(message)
    assert "Kallelsen är uppdaterad" in text and "- Ny punkt: Budget 2027" in text
    assert re.search(r"^\d+\. Budget 2027$", text, re.M)  # in the new agenda, numbered
    assert str(calendar_of(message)["method"]) == "REQUEST"
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Skicka uppdaterad kallelse" not in page  # nothing changed since this one

    again = client.post(reverse("publishing:send_update", args=[meeting.pk]), follow=True)
    assert "Dagordningen har inte ändrats sedan kallelsen skickades." in again.content.decode()
    assert Dispatch.objects.filter(kind=Dispatch.Kind.INVITATION_UPDATE).count() == 1


def test_an_assignment_given_reaches_its_owners_and_a_body_through_its_chair_and_secretary(
    cast, mailbox
):
    cast.bob.email = "bob@example.se"
    cast.bob.save()
    group = make_body(name="Fokusgrupp Äldre", short_name="FG Äldre")
    chair = make_person(name="Cecilia Ordf", email="chair@example.se")
    member = make_person(name="Mats Medlem", email="member@example.se")
    make_membership(chair, group, role=Membership.Role.CHAIR)
    make_membership(member, group)
    create_assignment(
        minutes=None,
        body=cast.public_body,
        text="Ta fram en rutin för utskrivning",
        people=[cast.bob, cast.alice],
        bodies=[group],
        due_date=datetime.date(2027, 1, 15),
        by=cast.alice.user,
    )
    run_worker()

    # alice gave it, so she is not told; the group's member hears of it from the chair
    assert sorted(m["To"] for m in mailbox.messages) == ["bob@example.se", "chair@example.se"]
    message = mailbox.to("bob@example.se")[0]
    assert message["Subject"] == "Nytt uppdrag: Ta fram en rutin för utskrivning"
    text = text_of(message)
    assert "Du är ansvarig för ett nytt uppdrag i Delregional samverkan Sydost" in text
    assert "Fredag 15 januari 2027" in text
    assert "/uppdrag/" in text
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 2


def test_a_moved_due_date_tells_the_owners_and_an_unchanged_save_does_not(cast, mailbox):
    cast.bob.email = "bob@example.se"
    cast.bob.save()
    assignment = create_assignment(
        minutes=None,
        body=cast.public_body,
        text="Skriv remissvar",
        people=[cast.bob],
        due_date=datetime.date(2027, 1, 15),
    )
    run_worker()
    mailbox.messages.clear()
    given = {"text": "Skriv remissvar", "people": [cast.bob]}
    edit_assignment(assignment, due_date=datetime.date(2027, 1, 15), **given)
    run_worker()
    assert mailbox.messages == []

    edit_assignment(assignment, due_date=datetime.date(2027, 2, 1), **given)
    run_worker()
    [message] = mailbox.messages
    assert message["Subject"] == "Ändrat uppdrag: Skriv remissvar"
    assert "Förfallodagen är flyttad från 15 januari 2027." in text_of(message)
