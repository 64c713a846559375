"""Ersättare called in: a member who cannot come gets the right ersättare, then the next."""

import pytest
from django.urls import reverse

from samverkan.directory.models import Membership
from samverkan.meetings.models import SubstituteCall
from samverkan.publishing.mailing import send_invitation
from samverkan.publishing.tests.mail_reading import answer_link, calendar_of, text_of
from tests.factories import make_meeting, make_membership, make_person
from tests.smtp import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def ersattare(cast):
    """Region Skåne's ersättare in DS Sydost: Eva for Bob, then Frida; Karl is the kommun's."""
    cast.bob.email = "bob@example.se"
    cast.bob.save()
    seat = Membership.Seat.SUBSTITUTE
    frida = make_person(name="Frida Fors", email="frida@example.se", organisation=cast.region)
    eva = make_person(name="Eva Ek", email="eva@example.se", organisation=cast.region)
    karl = make_person(name="Karl Kvist", email="karl@example.se", organisation=cast.kommun)
    make_membership(frida, cast.public_body, organisation=cast.region, seat=seat)
    make_membership(
        eva, cast.public_body, organisation=cast.region, seat=seat, substitute_for=cast.bob
    )
    make_membership(karl, cast.public_body, organisation=cast.kommun, seat=seat)
    return eva, frida, karl


def test_cannot_come_calls_the_members_own_ersattare_then_the_next(
    cast, ersattare, mailbox, client, login
):
    eva, frida, karl = ersattare
    meeting = make_meeting(cast.public_body, days_ahead=14)
    send_invitation(meeting, by=cast.alice.user)
    run_worker()
    kallelse = mailbox.to("bob@example.se")[0]
    mailbox.messages.clear()

    client.post(answer_link(kallelse, "kan-inte"), {"status": "frånvarande"})
    run_worker()
    [called] = mailbox.messages
    assert called["To"] == "eva@example.se"  # named as Bob's ersättare, before Frida
    assert called["Subject"].strip().startswith("Kallelse i stället för Bob Berg: DS Sydost")
    text = text_of(called)
    assert "Du kallas i stället för Bob Berg, som inte kan komma." in text
    assert "Dagordning" in text
    assert str(calendar_of(called)["method"]) == "REQUEST"
    mailbox.messages.clear()

    client.post(answer_link(called, "kan-inte"), {"status": "frånvarande"})
    client.post(answer_link(called, "kan-inte"), {"status": "frånvarande"})  # a second click
    run_worker()
    [next_one] = mailbox.messages
    assert next_one["To"] == "frida@example.se"  # same organisation; never Karl of the kommun
    assert "Du kallas i stället för Bob Berg" in text_of(next_one)

    page = login("alice").get(meeting.get_absolute_url()).content.decode()
    assert "Inkallade ersättare" in page
    assert "Eva Ek kallas i stället för Bob Berg: frånvarande" in page
    assert "Frida Fors kallas i stället för Bob Berg: inte svarat" in page
    assert SubstituteCall.objects.count() == 2


def test_no_one_is_called_for_an_ersattare_or_when_the_member_comes_after_all(
    cast, ersattare, mailbox, client
):
    eva, frida, karl = ersattare
    meeting = make_meeting(cast.public_body, days_ahead=14)
    send_invitation(meeting, by=cast.alice.user)
    run_worker()
    karls_link = answer_link(mailbox.to("karl@example.se")[0], "kan-inte")
    bobs = mailbox.to("bob@example.se")[0]
    mailbox.messages.clear()

    client.post(karls_link, {"status": "frånvarande"})  # an ersättare not called: no one to replace
    client.post(answer_link(bobs, "kan-inte"), {"status": "frånvarande"})
    client.post(answer_link(bobs, "kommer"), {"status": "närvarande"})
    run_worker()
    assert [m["To"] for m in mailbox.messages] == ["eva@example.se"]
    assert SubstituteCall.objects.get().withdrawn


def test_who_goes_instead_offers_the_members_own_ersattare_first_and_never_the_member(
    cast, ersattare, login
):
    eva, frida, karl = ersattare
    meeting = make_meeting(cast.public_body, days_ahead=14)
    page = login("bob").get(reverse("meetings:answer", args=[meeting.pk])).content.decode()
    options = page[page.index('name="substitute"') :]
    first = options.index(f'value="{eva.pk}"')
    assert first < options.index(f'value="{frida.pk}"') < options.index(f'value="{cast.alice.pk}"')
    assert f'value="{cast.bob.pk}"' not in options
