"""Writing minutes: notes, conflicts, decisions, approval locks, versions and the audit trail."""

import pytest
from django.urls import reverse

from samverkan.minutes.models import Decision, Note
from samverkan.minutes.services import minutes_for
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(cast):
    return make_meeting(cast.public_body, days_ahead=0)


def note_url(meeting):
    return reverse("minutes:note", args=[meeting.pk, meeting.items.first().pk])


def test_note_is_saved_and_the_meeting_is_not_held_by_typing(meeting, login):
    response = login("alice").post(
        note_url(meeting), {"text": "Inga synpunkter.", "revision": 0}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and "Sparat kl." in response.content.decode()
    assert Note.objects.get().text == "Inga synpunkter."
    meeting.refresh_from_db()
    assert meeting.state == "planerat" and not meeting.is_held


def test_second_writer_does_not_overwrite_the_first(meeting, login):
    client = login("alice")
    client.post(note_url(meeting), {"text": "Först", "revision": 0}, HTTP_HX_REQUEST="true")
    late = client.post(
        note_url(meeting), {"text": "Sen ändring", "revision": 0}, HTTP_HX_REQUEST="true"
    )
    assert late.status_code == 409
    assert "Någon annan har sparat" in late.content.decode() and "Först" in late.content.decode()
    assert Note.objects.get().text == "Först"
    again = client.post(
        note_url(meeting), {"text": "Sen ändring", "revision": 1}, HTTP_HX_REQUEST="true"
    )
    assert again.status_code == 200 and Note.objects.get().text == "Sen ändring"


def test_conflict_without_javascript_keeps_the_typed_text(meeting, login):
    client = login("alice")
    client.post(note_url(meeting), {"text": "Först", "revision": 0})
    client.post(note_url(meeting), {"text": "Min text", "revision": 0})
    page = client.get(reverse("minutes:editor", args=[meeting.pk])).content.decode()
    assert "Min text" in page and "Någon annan har sparat" in page


@pytest.mark.parametrize("username, status", [("bob", 403), ("carl", 403), (None, 403)])
def test_only_editors_write_minutes(meeting, login, username, status):
    assert (
        login(username).post(note_url(meeting), {"text": "x", "revision": 0}).status_code == status
    )
    assert not Note.objects.exists()


def test_approved_minutes_are_locked(meeting, login):
    client = login("alice")
    item = meeting.items.first()
    client.post(
        reverse("minutes:decision_add", args=[meeting.pk, item.pk]),
        {"text": "Dagordningen godkänns."},
    )
    client.post(reverse("minutes:approve", args=[meeting.pk]), {"approval": "nästa möte"})
    meeting.refresh_from_db()
    assert meeting.state == "protokoll justerat"
    client.post(
        reverse("minutes:decision_add", args=[meeting.pk, item.pk]), {"text": "Sent beslut"}
    )
    refused = client.post(
        note_url(meeting), {"text": "Ändring", "revision": 0}, HTTP_HX_REQUEST="true"
    )
    assert refused.status_code == 400 and "låsta" in refused.content.decode()
    assert [d.text for d in Decision.objects.all()] == ["Dagordningen godkänns."]


def test_correction_makes_a_new_version_and_the_old_stays_readable(meeting, login):
    client = login("alice")
    item = meeting.items.first()
    client.post(reverse("minutes:decision_add", args=[meeting.pk, item.pk]), {"text": "Beslut A"})
    client.post(reverse("minutes:approve", args=[meeting.pk]), {"approval": "nästa möte"})
    client.post(reverse("minutes:correct", args=[meeting.pk]))
    client.post(reverse("minutes:decision_add", args=[meeting.pk, item.pk]), {"text": "Beslut B"})
    minutes = minutes_for(meeting)
    assert minutes.version == 2 and not minutes.is_locked
    old = client.get(reverse("minutes:version", args=[meeting.pk, 1])).content.decode()
    assert "Beslut A" in old and "Beslut B" not in old


def test_members_read_approved_minutes_but_not_drafts(meeting, login):
    alice = login("alice")
    alice.post(note_url(meeting), {"text": "Utkast", "revision": 0})
    alice.logout()
    editor = reverse("minutes:editor", args=[meeting.pk])
    assert login("bob").get(editor).status_code == 403
    login("bob").logout()
    login("alice").post(reverse("minutes:approve", args=[meeting.pk]), {"approval": "nästa möte"})
    login("alice").logout()
    assert "Utkast" in login("bob").get(editor).content.decode()


def test_audit_trail_shows_who_changed_a_decision(meeting, login):
    client = login("alice")
    item = meeting.items.first()
    client.post(
        reverse("minutes:decision_add", args=[meeting.pk, item.pk]),
        {"text": "Gruppen beslutar att ses igen."},
    )
    page = client.get(reverse("minutes:editor", args=[meeting.pk])).content.decode()
    assert (
        "Ändringshistorik" in page
        and "Alice Andersson" in page
        and "Gruppen beslutar att ses igen." in page
    )


def test_empty_or_overlong_decision_writes_nothing(meeting, login):
    client = login("alice")
    url = reverse("minutes:decision_add", args=[meeting.pk, meeting.items.first().pk])
    for text in ["", "x" * 4001]:
        response = client.post(url, {"text": text}, HTTP_HX_REQUEST="true")
        assert (
            response.status_code == 400 and "Skriv vad som beslutades" in response.content.decode()
        )
    assert not Decision.objects.exists()


def test_paper_justering_names_who_signed(meeting, cast, login):
    client = login("alice")
    refused = client.post(
        reverse("minutes:approve", args=[meeting.pk]), {"approval": "papper"}, follow=True
    )
    assert "Välj vem som justerade på papper" in refused.content.decode()
    assert not minutes_for(meeting).is_locked
    client.post(
        reverse("minutes:approve", args=[meeting.pk]),
        {"approval": "papper", "approvers": [cast.bob.pk]},
    )
    minutes = minutes_for(meeting)
    assert minutes.is_locked and list(minutes.approvers.all()) == [cast.bob]
    assert minutes.approval_lines()[0].startswith("Justerat på papper av Bob Berg")


def test_the_secretary_cannot_approve_on_the_justerares_behalf(meeting, cast, login):
    login("alice").post(
        reverse("minutes:approve", args=[meeting.pk]),
        {"approval": "justerare", "approvers": [cast.bob.pk]},
    )
    assert not minutes_for(meeting).is_locked


@pytest.mark.parametrize(
    "name",
    [
        "meetings:cancel",
        "meetings:move",
        "meetings:item_add",
        "meetings:attendance",
        "minutes:approve",
    ],
)
@pytest.mark.parametrize("username", ["bob", "carl", None])
def test_actions_are_for_the_bodys_editors(meeting, login, name, username):
    response = login(username).post(
        reverse(name, args=[meeting.pk]),
        {
            "reason": "x",
            "date": "2031-01-01",
            "title": "x",
            "kind": "information",
            "approval": "nästa möte",
        },
    )
    assert response.status_code == 403
    meeting.refresh_from_db()
    assert meeting.state == "planerat" and meeting.items.count() == 7
