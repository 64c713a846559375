"""Justering: the secretary asks, each named justerare approves in their own account."""

import io

import docx
import pdfplumber
import pytest
from django.test import Client
from django.urls import reverse

from samverkan.meetings.models import Meeting
from samverkan.minutes.models import SignOff
from samverkan.minutes.services import minutes_for
from samverkan.publishing.models import Dispatch
from tests.factories import make_meeting, make_membership, make_person
from tests.smtp import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def held(cast):
    cast.bob.email = "bob@example.se"
    cast.bob.save()
    dana = make_person("dana", name="Dana Dahl", email="dana@example.se")
    make_membership(dana, cast.public_body)
    meeting = make_meeting(cast.public_body, days_ahead=-1)
    client = signed_in("alice")
    item = meeting.items.first()
    client.post(
        reverse("minutes:decision_add", args=[meeting.pk, item.pk]),
        {"text": "Dagordningen godkänns."},
    )
    return meeting, dana


def signed_in(username: str) -> Client:
    client = Client()
    client.login(username=username, password="pw-" + username)
    return client


def ask(meeting, *people):
    return signed_in("alice").post(
        reverse("publishing:request_approval", args=[meeting.pk]),
        {"approvers": [p.pk for p in people]},
        follow=True,
    )


def test_each_justerare_gets_a_link_and_approves_in_their_own_account(held, cast, mailbox):
    meeting, dana = held
    page = ask(meeting, cast.bob, dana).content.decode()
    assert "Justering är begärd av Bob Berg, Dana Dahl" in page
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.AWAITING_APPROVAL
    dispatch = Dispatch.objects.get(kind=Dispatch.Kind.APPROVAL)
    assert sorted(d.address for d in dispatch.deliveries.all()) == [
        "bob@example.se",
        "dana@example.se",
    ]

    run_worker()
    link = reverse("minutes:sign_off", args=[meeting.pk])
    for address in ("bob@example.se", "dana@example.se"):
        (message,) = mailbox.to(address)
        assert message["Subject"].startswith("Justering: DS Sydost")
        assert link in message.get_content()

    # the secretary cannot approve for them, nor can one justerare for the other
    alice = signed_in("alice")
    assert alice.get(link).status_code == 403
    assert alice.post(link).status_code == 403
    assert signed_in("carl").post(link).status_code == 403

    bob = signed_in("bob")
    page = bob.get(link).content.decode()
    assert "Dagordningen godkänns." in page and "Du är utsedd att justera" in page
    bob.post(link)
    assert not minutes_for(meeting).is_locked  # Dana has not approved yet
    signed_in("dana").post(link)
    minutes = minutes_for(meeting)
    meeting.refresh_from_db()
    assert minutes.is_locked and meeting.state == Meeting.State.APPROVED
    lines = minutes.approval_lines()
    assert [line.split(" ")[2:4] for line in lines] == [["Bob", "Berg"], ["Dana", "Dahl"]]

    pdf = alice.get(reverse("publishing:minutes", args=[meeting.pk, "pdf"])).content
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = "\n".join(p.extract_text() or "" for p in document.pages)
    word = docx.Document(
        io.BytesIO(alice.get(reverse("publishing:minutes", args=[meeting.pk, "docx"])).content)
    )
    paragraphs = [p.text for p in word.paragraphs]
    for line in lines:
        assert line.startswith("Justerat av ") and " kl. " in line
        assert line in text and line in paragraphs


def test_the_link_in_the_mail_asks_a_signed_out_justerare_to_sign_in_first(held, cast, mailbox):
    meeting, _dana = held
    ask(meeting, cast.bob)
    link = reverse("minutes:sign_off", args=[meeting.pk])
    response = Client().get(link)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={link}"
    bob = Client()
    page = bob.post(
        response["Location"], {"username": "bob", "password": "pw-bob"}, follow=True
    ).content.decode()
    assert "Du är utsedd att justera" in page
    assert Client().post(link).status_code == 403  # a form sent signed out is refused


def test_a_justerare_sends_the_minutes_back_with_a_comment(held, cast, mailbox):
    meeting, dana = held
    ask(meeting, cast.bob, dana)
    item = meeting.items.first()
    alice = signed_in("alice")
    refused = alice.post(
        reverse("minutes:decision_add", args=[meeting.pk, item.pk]), {"text": "Under justering"}
    )
    assert refused.status_code == 302
    assert not minutes_for(meeting).decisions.filter(text="Under justering").exists()

    bob = signed_in("bob")
    empty = bob.post(reverse("minutes:send_back", args=[meeting.pk]), {"comment": ""})
    assert empty.status_code == 400 and "Skriv vad som behöver ändras." in empty.content.decode()
    bob.post(
        reverse("minutes:send_back", args=[meeting.pk]),
        {"comment": "Beslutet under punkt 1 saknar datum."},
    )
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.HELD and not minutes_for(meeting).is_locked
    # Dana can no longer approve the version that was sent back
    signed_in("dana").post(reverse("minutes:sign_off", args=[meeting.pk]))
    assert not minutes_for(meeting).is_locked

    editor = alice.get(reverse("minutes:editor", args=[meeting.pk])).content.decode()
    assert "Bob Berg skickade tillbaka" in editor and "saknar datum" in editor
    alice.post(
        reverse("minutes:decision_add", args=[meeting.pk, item.pk]), {"text": "Gäller från 1 mars."}
    )
    assert minutes_for(meeting).decisions.filter(text="Gäller från 1 mars.").exists()

    ask(meeting, cast.bob)
    signed_in("bob").post(reverse("minutes:sign_off", args=[meeting.pk]))
    assert minutes_for(meeting).is_locked
    assert SignOff.objects.filter(status=SignOff.Status.RETURNED).count() == 1


def test_justerare_are_chosen_among_the_called(held, cast, mailbox):
    meeting, _dana = held
    page = ask(meeting, cast.carl).content.decode()
    assert "Välj" in page  # carl is not invited: not a choice
    assert not SignOff.objects.exists()
    meeting.refresh_from_db()
    assert meeting.state != Meeting.State.AWAITING_APPROVAL


def test_a_justerare_without_an_account_is_refused_by_name(held, cast, mailbox):
    meeting, _dana = held
    frida = make_person(name="Frida Falk", email="frida@example.se")  # no account
    make_membership(frida, cast.public_body)
    meeting.attendance.create(person=frida)
    editor = signed_in("alice").get(minutes_for(meeting).get_absolute_url()).content.decode()
    assert "Frida Falk (saknar konto – justera på papper)" in editor
    page = ask(meeting, frida).content.decode()
    assert "Frida Falk har inget konto i Samverkan" in page
    assert not SignOff.objects.exists()
    meeting.refresh_from_db()
    assert meeting.state != Meeting.State.AWAITING_APPROVAL
    assert not Dispatch.objects.filter(kind=Dispatch.Kind.APPROVAL).exists()


def test_justering_is_asked_for_only_after_the_meeting(cast, mailbox):
    cast.bob.email = "bob@example.se"
    cast.bob.save()
    meeting = make_meeting(cast.public_body, days_ahead=3)
    page = ask(meeting, cast.bob).content.decode()
    assert "Mötet har inte hållits ännu" in page
    assert not SignOff.objects.exists()
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.PLANNED
    paper = signed_in("alice").post(
        reverse("minutes:approve", args=[meeting.pk]),
        {"approval": "papper", "approvers": [cast.bob.pk]},
        follow=True,
    )
    assert "Mötet har inte hållits ännu" in paper.content.decode()
    assert not minutes_for(meeting).is_locked


def test_the_secretary_takes_a_request_back(held, cast, mailbox):
    meeting, dana = held
    ask(meeting, dana)
    signed_in("alice").post(reverse("minutes:withdraw_request", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.HELD
    signed_in("dana").post(reverse("minutes:sign_off", args=[meeting.pk]))
    assert not minutes_for(meeting).is_locked


def test_paper_justering_is_shown_as_such(held, cast, mailbox):
    meeting, dana = held
    alice = signed_in("alice")
    alice.post(
        reverse("minutes:approve", args=[meeting.pk]),
        {"approval": "papper", "approvers": [dana.pk]},
    )
    pdf = alice.get(reverse("publishing:minutes", args=[meeting.pk, "pdf"])).content
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = "\n".join(p.extract_text() or "" for p in document.pages)
    assert "Justerat på papper av Dana Dahl" in text
