"""E-mail through a real SMTP server on loopback, sent by the background worker."""

import datetime
import io

import pdfplumber
import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from icalendar import Calendar

from samverkan.directory.models import Membership
from samverkan.meetings.models import Attachment, Meeting
from samverkan.minutes.services import add_decision, approve, minutes_for
from samverkan.publishing.mailing import send_invitation
from samverkan.publishing.models import Delivery, Dispatch, DistributionList
from tests.factories import make_body, make_meeting, make_membership, make_person
from tests.smtp import run_worker

# The worker closes connections between tasks, which a test wrapped in a transaction forbids.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def body_of_five(db):
    body = make_body(name="Delregional samverkan Nordväst", short_name="DS Nordväst")
    people = []
    for number, name in enumerate(
        ["Anna Ek", "Britt Lund", "Cecilia Berg", "David Holm", "Erik Strand"], start=1
    ):
        username = "sekreterare" if number == 1 else None
        person = make_person(username, name=name, email=f"person{number}@example.se")
        role = Membership.Role.SECRETARY if number == 1 else Membership.Role.MEMBER
        seat = Membership.Seat.SUBSTITUTE if number == 5 else Membership.Seat.REGULAR
        make_membership(person, body, role=role, seat=seat)
        people.append(person)
    return body, people


def test_kallelse_reaches_every_member_and_a_refused_recipient_is_logged(
    body_of_five, mailbox, client
):
    body, people = body_of_five
    mailbox.refused.add("person4@example.se")
    meeting = make_meeting(body, place="Stadshuset Helsingborg")
    item = meeting.items.first()
    item.description = "Ordföranden hälsar välkommen."
    item.save()
    Attachment.objects.create(
        item=item, name="Lägesrapport.pdf", file=ContentFile(b"%PDF-1.4 rapport", "rapport.pdf")
    )
    client.login(username="sekreterare", password="pw-sekreterare")

    page = client.get(reverse("publishing:send_invitation", args=[meeting.pk]))
    assert "person5@example.se" in page.content.decode()
    response = client.post(reverse("publishing:send_invitation", args=[meeting.pk]))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.INVITED
    assert mailbox.messages == []  # the page only queued the work

    run_worker()

    assert len(mailbox.messages) == 4
    for person in people:
        if person.email == "person4@example.se":
            continue
        [message] = mailbox.to(person.email)
        assert message["Subject"].startswith("Kallelse: DS Nordväst")
        assert message["Reply-To"] == "person1@example.se"  # the secretary who sent it
        text = message.get_body(preferencelist=("plain",)).get_content()
        assert "Stadshuset Helsingborg" in text and "Dagordning" in text
        assert "1. Mötets öppnande" in text and "Ordföranden hälsar välkommen." in text
        parts = {part.get_filename(): part for part in message.iter_attachments()}
        assert set(parts) == {
            f"kallelse-{meeting.date:%Y-%m-%d}.pdf",
            "inbjudan.ics",
            "Lägesrapport.pdf",
        }
        assert parts["Lägesrapport.pdf"].get_content() == b"%PDF-1.4 rapport"
        kallelse = parts[f"kallelse-{meeting.date:%Y-%m-%d}.pdf"].get_content()
        with pdfplumber.open(io.BytesIO(kallelse)) as pdf:
            assert "Erik Strand (ersättare)" in pdf.pages[0].extract_text()
        invitation = Calendar.from_ical(parts["inbjudan.ics"].get_content())
        [event] = invitation.walk("VEVENT")
        assert str(event["uid"]) == f"meeting-{meeting.pk}@samverkan"
        assert event.decoded("dtstart").date() == meeting.date
        assert str(event["location"]) == "Stadshuset Helsingborg"

    deliveries = {d.address: d for d in Delivery.objects.all()}
    assert len(deliveries) == 5
    refused = deliveries.pop("person4@example.se")
    assert refused.status == Delivery.Status.FAILED
    assert refused.error.startswith("550") and "finns inte" in refused.error
    assert all(d.status == Delivery.Status.SENT and d.sent_at for d in deliveries.values())

    log = client.get(reverse("publishing:dispatches", args=[meeting.pk])).content.decode()
    assert "Misslyckades" in log and "550" in log and "David Holm" in log
    meeting_page = client.get(meeting.get_absolute_url()).content.decode()
    assert "1 mottagare fick inte kallelse." in meeting_page

    mailbox.refused.clear()  # the address is fixed at the receiving end; send again
    dispatch = Dispatch.objects.get()
    client.post(reverse("publishing:resend", args=[meeting.pk, dispatch.pk]))
    run_worker()
    assert len(mailbox.messages) == 5
    assert len(mailbox.to("person4@example.se")) == 1
    refused.refresh_from_db()
    assert refused.status == Delivery.Status.SENT and refused.attempts == 2


def test_publishing_sends_minutes_to_members_and_distribution_lists(body_of_five, mailbox, client):
    body, people = body_of_five
    people[2].email = ""
    people[2].save()
    DistributionList.objects.create(
        body=body,
        name="Regionens representanter",
        addresses="region@example.se\nperson1@example.se",
    )
    meeting = make_meeting(body, days_ahead=-1)
    minutes = minutes_for(meeting)
    add_decision(
        minutes, text="Arbetsgruppen får i uppdrag att ta fram en plan.", item=meeting.items.first()
    )
    approve(minutes, by=people[0].user, approvers=[people[1]])
    client.login(username="sekreterare", password="pw-sekreterare")
    form = client.get(reverse("publishing:publish", args=[meeting.pk])).content.decode()
    assert "Regionens representanter" in form
    list_id = DistributionList.objects.get().pk
    client.post(
        reverse("publishing:publish", args=[meeting.pk]), {"to_members": "on", "lists": [list_id]}
    )
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.PUBLISHED

    run_worker()

    received = sorted(m["To"] for m in mailbox.messages)
    # person1 is both a member and on the list: one message; person3 has no address
    assert received == [
        "person1@example.se",
        "person2@example.se",
        "person4@example.se",
        "person5@example.se",
        "region@example.se",
    ]
    message = mailbox.to("region@example.se")[0]
    [pdf] = [p for p in message.iter_attachments() if p.get_filename().endswith(".pdf")]
    with pdfplumber.open(io.BytesIO(pdf.get_content())) as document:
        assert "Arbetsgruppen får i uppdrag" in document.pages[0].extract_text()
    missing = Delivery.objects.get(name="Cecilia Berg")
    assert missing.status == Delivery.Status.FAILED and "e-postadress" in missing.error


def test_only_approved_minutes_can_be_published(body_of_five, mailbox, client):
    body, _people = body_of_five
    meeting = make_meeting(body, days_ahead=-1)
    minutes_for(meeting)
    client.login(username="sekreterare", password="pw-sekreterare")
    response = client.post(reverse("publishing:publish", args=[meeting.pk]), {"to_members": "on"})
    assert "Bara justerade minnesanteckningar kan publiceras." in response.content.decode()
    assert not Dispatch.objects.exists()
    meeting.refresh_from_db()
    assert meeting.state != Meeting.State.PUBLISHED


def test_members_and_outsiders_cannot_send(cast, client):
    meeting = make_meeting(cast.public_body)
    client.login(username="bob", password="pw-bob")
    assert client.post(reverse("publishing:send_invitation", args=[meeting.pk])).status_code == 403
    assert client.get(reverse("publishing:dispatches", args=[meeting.pk])).status_code == 403
    assert not Dispatch.objects.exists()


def test_administrators_read_the_delivery_log_in_the_admin(body_of_five, client):
    body, people = body_of_five
    meeting = make_meeting(body)
    dispatch = send_invitation(meeting, by=people[0].user)
    get_user_model().objects.create_superuser("it", password="pw-it")
    client.login(username="it", password="pw-it")
    page = client.get(f"/admin/publishing/dispatch/{dispatch.pk}/change/").content.decode()
    assert "person5@example.se" in page and "Väntar" in page


def test_deliveries_left_waiting_by_a_lost_worker_can_be_sent_again(body_of_five, mailbox, client):
    body, people = body_of_five
    meeting = make_meeting(body)
    dispatch = send_invitation(meeting, by=people[0].user)
    assert not dispatch.can_resend()  # the worker has not had its chance yet
    DBTaskResult.objects.all().delete()  # the worker died with the task
    Dispatch.objects.filter(pk=dispatch.pk).update(
        created_at=dispatch.created_at - datetime.timedelta(hours=1)
    )
    dispatch.refresh_from_db()
    assert dispatch.can_resend()
    client.login(username="sekreterare", password="pw-sekreterare")
    client.post(reverse("publishing:resend", args=[meeting.pk, dispatch.pk]))
    run_worker()
    assert len(mailbox.messages) == 5
    assert not dispatch.deliveries.exclude(status=Delivery.Status.SENT).exists()


def test_distribution_lists_refuse_bad_addresses_and_are_for_editors(body_of_five, client):
    body, _people = body_of_five
    url = reverse("publishing:lists", args=[body.pk])
    client.login(username="sekreterare", password="pw-sekreterare")
    response = client.post(
        url, {"name": "Registratorer", "addresses": "a@example.se\ninte-en-adress"}
    )
    assert "Inte giltiga e-postadresser: inte-en-adress" in response.content.decode()
    assert not DistributionList.objects.exists()
    client.post(url, {"name": "Registratorer", "addresses": "a@example.se\n\nb@example.se "})
    assert DistributionList.objects.get().address_list() == ["a@example.se", "b@example.se"]
    client.logout()
    make_membership(make_person("ledamot", name="Lena Led"), body)
    client.login(username="ledamot", password="pw-ledamot")
    assert client.get(url).status_code == 403
