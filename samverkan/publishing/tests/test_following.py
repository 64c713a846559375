"""Bevaka: anyone follows a public body's published minutes by e-mail, with double opt-in and
a one-click unsubscribe in every mail."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from samverkan.minutes.services import approve, minutes_for
from samverkan.publishing.archive import publish
from samverkan.publishing.models import Follower
from samverkan.publishing.tests.mail_reading import links_in, subject_of, text_of
from tests.factories import make_meeting
from tests.smtp import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def published(cast, days_ago=3):
    meeting = make_meeting(cast.public_body, days_ahead=-days_ago)
    approve(minutes_for(meeting), by=cast.alice.user, approvers=[])
    publish(meeting, by=cast.alice.user)
    return meeting


def test_a_visitor_follows_after_confirming_and_leaves_with_one_click(cast, mailbox, client):
    page = client.get(reverse("publishing:archive_body", args=[cast.public_body.pk]))
    assert reverse("publishing:follow", args=[cast.public_body.pk]) in page.content.decode()
    follow = reverse("publishing:follow", args=[cast.public_body.pk])
    assert (
        "Fyll i en giltig e-postadress." in client.post(follow, {"email": "nej"}).content.decode()
    )
    client.post(follow, {"email": "Vera@Example.se"})
    client.post(follow, {"email": "vera@example.se"})  # a second click mails no second time
    published(cast, days_ago=5)  # not confirmed yet: nothing
    run_worker()

    [ask] = mailbox.messages
    assert ask["To"] == "vera@example.se"
    assert subject_of(ask) == "Bekräfta bevakning av Delregional samverkan Sydost"
    [confirm] = [link for link in links_in(ask) if "/bevaka/" in link]
    path = urlsplit(confirm).path
    assert client.get(path).status_code == 200
    assert Follower.objects.get().confirmed_at is None  # opening the link is not confirming
    assert "Bevakningen är bekräftad" in client.post(path).content.decode()
    mailbox.messages.clear()

    meeting = published(cast)
    run_worker()
    [news] = mailbox.messages
    assert subject_of(news).startswith("Publicerat: DS Sydost")
    assert reverse("publishing:archive_minutes", args=[meeting.pk]) in text_of(news)
    unsubscribe = str(news["List-Unsubscribe"]).strip().strip("<>")
    assert news["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in text_of(news)

    # the mail program's one-click: a POST without a form token
    path = urlsplit(unsubscribe).path
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Follower.objects.exists()
    mailbox.messages.clear()
    published(cast, days_ago=1)
    run_worker()
    assert mailbox.messages == []
    assert client.get(path).status_code == 404


def test_an_internal_body_cannot_be_followed(cast, client):
    response = client.get(reverse("publishing:follow", args=[cast.internal_body.pk]))
    assert response.status_code == 404
