"""One-click answers from the kallelse: signed, expiring, for one meeting only, no login."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from samverkan.meetings.answer_links import answer_url
from samverkan.meetings.models import Attendance
from samverkan.meetings.services import cancel_meeting
from samverkan.publishing.mailing import send_invitation
from samverkan.publishing.tests.mail_reading import answer_link
from tests.factories import make_meeting
from tests.smtp import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def kallelse(cast, mailbox):
    cast.bob.email = "bob@example.se"
    cast.bob.save()
    meeting = make_meeting(cast.public_body, days_ahead=20, place="Kommunhuset Sjöbo")
    send_invitation(meeting, by=cast.alice.user)
    run_worker()
    return meeting, mailbox.to("bob@example.se")[0]


def answer_of(meeting, person) -> str:
    return Attendance.objects.get(meeting=meeting, person=person).status


def test_the_link_in_the_mail_answers_without_login_and_later_changes_the_answer(
    cast, kallelse, client
):
    meeting, message = kallelse
    link = answer_link(message, "kan-inte")
    page = client.get(link)
    assert page.status_code == 200
    text = page.content.decode()
    assert "DS Sydost" in text and "Kommunhuset Sjöbo" in text and "Bob Berg" in text
    assert (
        answer_of(meeting, cast.bob) == "okänt"
    )  # opening the link (a mail scanner) is not an answer
    assert re.search(r'value="frånvarande"[^>]*checked', text)  # the choice clicked

    done = client.post(link, {"status": "frånvarande"}, follow=True).content.decode()
    assert "Tack, ditt svar är sparat." in done and "Frånvarande" in done
    assert answer_of(meeting, cast.bob) == "frånvarande"

    client.post(answer_link(message, "kommer"), {"status": "närvarande"})
    assert answer_of(meeting, cast.bob) == "närvarande"
    assert "_auth_user_id" not in client.session  # answering signs no one in


def test_the_substitute_choice_is_required_only_for_it_and_never_offers_the_member(
    cast, kallelse, client
):
    meeting, message = kallelse
    link = answer_link(message, "ersattare")
    page = client.get(link).content.decode()
    assert f'<option value="{cast.alice.pk}">Alice Andersson</option>' in page
    assert f'<option value="{cast.bob.pk}">Bob Berg</option>' not in page
    refused = client.post(link, {"status": "skickar ersättare"}).content.decode()
    assert "Ange vem som går i stället." in refused
    assert answer_of(meeting, cast.bob) == "okänt"
    client.post(link, {"status": "skickar ersättare", "substitute": cast.alice.pk})
    row = Attendance.objects.get(meeting=meeting, person=cast.bob)
    assert row.status == "skickar ersättare" and row.substitute == cast.alice


def test_a_link_is_refused_for_another_meeting_and_when_tampered_with(cast, kallelse, client):
    meeting, message = kallelse
    other = make_meeting(cast.public_body, days_ahead=30)
    link = answer_link(message, "kan-inte")
    token = link.split("/")[-3]
    elsewhere = reverse("meetings:answer_link", args=[other.pk, token, "kan-inte"])
    response = client.post(elsewhere, {"status": "frånvarande"})
    assert response.status_code == 404
    assert "Länken gäller inte" in response.content.decode()
    assert answer_of(other, cast.bob) == "okänt"

    forged = reverse("meetings:answer_link", args=[meeting.pk, token[:-2] + "xx", "kan-inte"])
    assert client.post(forged, {"status": "frånvarande"}).status_code == 404
    assert answer_of(meeting, cast.bob) == "okänt"


def test_a_link_expires_and_is_refused_after_the_meeting_and_when_it_is_cancelled(
    cast, client, mailbox
):
    far = make_meeting(cast.public_body, days_ahead=200)
    link = answer_url(far, cast.bob, "kommer")
    with time_machine.travel(datetime.timedelta(days=121)):
        response = client.post(link, {"status": "närvarande"})
    assert response.status_code == 404
    assert "Länken har gått ut" in response.content.decode()

    soon = make_meeting(cast.public_body, days_ahead=3)
    link = answer_url(soon, cast.bob, "kommer")
    with time_machine.travel(datetime.timedelta(days=4)):
        response = client.post(link, {"status": "närvarande"})
    assert response.status_code == 410
    assert "Mötet har redan hållits" in response.content.decode()
    assert answer_of(soon, cast.bob) == "okänt"

    cancel_meeting(soon, reason="Sjukdom")
    assert client.get(link).status_code == 410


def test_a_link_reads_nothing_else(cast, kallelse, client):
    """The token is no key: the member's internal body and the secretary's pages stay closed."""
    meeting, message = kallelse
    internal = make_meeting(cast.internal_body, days_ahead=5)
    link = answer_link(message, "kommer")
    client.post(link, {"status": "närvarande"})
    assert client.get(internal.get_absolute_url()).status_code == 404
    token = link.split("/")[-3]
    inside = reverse("meetings:answer_link", args=[internal.pk, token, "kommer"])
    assert client.get(inside).status_code == 404
    dispatches = reverse("publishing:dispatches", args=[meeting.pk])
    assert client.get(dispatches)["Location"] == f"{reverse('login')}?next={dispatches}"
    page = client.get(f"{meeting.get_absolute_url()}?token={token}").content.decode()
    assert "Kommer du?" not in page and "Närvarande" not in page  # answers stay private
