"""What each reader sees of meetings, minutes, drafts and people: the findings, one by one."""

import json

import pytest
from django.urls import reverse

from samverkan.directory.models import Person, PrivacyLog
from samverkan.importer.models import Document
from samverkan.meetings.models import Attendance
from samverkan.minutes.services import add_decision, approve, minutes_for, save_note
from samverkan.publishing.models import CalendarFeed, Publication
from tests.factories import make_meeting
from tests.world import PERSONNUMMER, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(cast, django_capture_on_commit_callbacks, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with django_capture_on_commit_callbacks(execute=True):
        return build_world(cast)


def html(response) -> str:
    return response.content.decode()


# 15.1: a joint meeting with an internal body is not public


def test_joint_meeting_with_an_internal_body_is_not_public(world, login):
    joint = world["joint"]
    for username in (None, "carl", "dora"):
        client = login(username)
        assert client.get(reverse("meetings:meeting", args=[joint])).status_code == 404
        assert client.get(reverse("minutes:editor", args=[joint])).status_code == 404
        assert client.get(reverse("publishing:minutes", args=[joint, "pdf"])).status_code == 404
        assert "Gemensamt beslut" not in html(client.get(reverse("followup:decisions")))
        client.logout()
    feed = html(login(None).get(reverse("publishing:body_feed", args=[world["ds"]])))
    assert "Godkänt men" not in feed and feed.count("BEGIN:VEVENT") == 5  # not the joint one
    assert login("bob").get(reverse("meetings:meeting", args=[joint])).status_code == 200


# 15.7 and 11.9: publishing is the gate; the public sees names and organisations only


def test_approved_minutes_are_for_members_until_published(world, login):
    approved = world["approved"]
    for username in (None, "carl", "dora"):
        client = login(username)
        refused = 403 if username else 302  # a signed-out reader is asked to sign in
        assert client.get(reverse("minutes:editor", args=[approved])).status_code == refused
        assert client.get(reverse("minutes:version", args=[approved, 1])).status_code == refused
        pdf = client.get(reverse("publishing:minutes", args=[approved, "pdf"]))
        assert pdf.status_code == refused
        assert "Väntar på publicering" not in html(client.get(reverse("followup:decisions")))
        if username:  # Översikt lists only minutes the reader may open
            assert reverse("minutes:editor", args=[approved]) not in html(client.get("/"))
        client.logout()
    assert login("bob").get(reverse("minutes:editor", args=[approved])).status_code == 200
    assert "Väntar på publicering" in html(login("bob").get(reverse("followup:decisions")))


def test_the_public_sees_names_and_organisations_but_no_contact_details_or_answers(world, login):
    invitation = html(login(None).get(reverse("meetings:invitation", args=[world["upcoming"]])))
    assert "Alice Andersson (Sjöbo kommun)" in invitation
    assert "a@example.se" not in invitation and "@" not in invitation.split("Mottagare")[1]
    page = html(login(None).get(reverse("meetings:meeting", args=[world["upcoming"]])))
    assert "Bob Berg" in page and "Region Skåne" in page
    assert "Närvarande" not in page and "Inte svarat" not in page
    held = html(login(None).get(reverse("meetings:meeting", args=[world["published"]])))
    assert "Inte svarat" in held  # published minutes: attendance is public record
    own = html(login("bob").get(reverse("meetings:meeting", args=[world["upcoming"]])))
    assert "Närvarande" in own


# 15.2: import drafts for the uploader, the body's editors and staff


def test_an_editor_of_another_body_cannot_touch_a_draft(world, login):
    draft = world["other_import"]
    alice = login("alice")
    assert alice.get(reverse("importer:review", args=[draft])).status_code == 404
    assert alice.get(reverse("importer:original", args=[draft])).status_code == 404
    assert alice.post(reverse("importer:discard", args=[draft])).status_code == 404
    assert "annat.txt" not in html(alice.get(reverse("importer:upload")))
    assert Document.objects.filter(pk=draft).exists()
    alice.logout()
    dora = login("dora")
    assert "annat.txt" in html(dora.get(reverse("importer:upload")))
    response = dora.post(
        reverse("importer:review", args=[draft]), {"body": world["ds"], "date": "2023-10-05"}
    )
    assert response.status_code == 200  # into a body she does not edit: refused
    assert Document.objects.get(pk=draft).meeting is None


# 15.3: the public never sees the edit history; staff purge an entry, logged


def test_deleted_text_is_not_public_and_staff_purge_it_from_the_history(world, login):
    url = reverse("minutes:editor", args=[world["published"]])
    assert PERSONNUMMER not in html(login(None).get(url))
    assert PERSONNUMMER not in html(login("carl").get(url))
    login("carl").logout()
    assert PERSONNUMMER in html(login("bob").get(url))
    login("bob").logout()
    purge = reverse("minutes:purge", args=[world["published"], "anteckning", world["note_history"]])
    assert login("alice").post(purge, {"reason": "Personnummer"}).status_code == 403
    login("alice").logout()
    staff = login("staff")
    assert staff.post(purge, {"reason": ""}).status_code == 200  # a reason is required
    assert staff.post(purge, {"reason": "Personnummer skrevs in av misstag."}).status_code == 302
    staff.logout()
    assert PERSONNUMMER not in html(login("bob").get(url))
    log = PrivacyLog.objects.get(action=PrivacyLog.Action.PURGE)
    assert log.reason == "Personnummer skrevs in av misstag." and log.by.username == "staff"
    assert PERSONNUMMER not in log.subject


def test_publishing_warns_about_a_personnummer_in_the_text(cast, login):
    meeting = make_meeting(cast.public_body, days_ahead=-3)
    minutes = minutes_for(meeting)
    save_note(minutes, meeting.items.first(), text="Gäller 811218-9876.", revision=0)
    add_decision(minutes, text="Ärendet avslutas.", item=None)
    approve(minutes, by=cast.alice.user, approvers=[])
    client = login("alice")
    url = reverse("publishing:publish", args=[meeting.pk])
    page = html(client.post(url, {"to_members": ""}))
    assert "liknar ett personnummer" in page and "Mötets öppnande" in page
    assert not Publication.objects.filter(meeting=meeting).exists()
    assert client.post(url, {"checked": "on"}).status_code == 302
    assert Publication.objects.filter(meeting=meeting).exists()


# 15.19: contact details; export and erasure by staff, logged


def test_contact_details_only_for_the_person_their_editors_and_staff(world, login):
    url = reverse("directory:person", args=[world["bob"]])
    for username, sees in [("carl", False), ("dora", False), ("bob", True), ("alice", True)]:
        assert ("040-123456" in html(login(username).get(url))) is sees, username
        login(username).logout()
    assert "040-123456" in html(login("staff").get(url))


def test_staff_export_a_person_as_json_and_it_is_logged(world, login):
    url = reverse("publishing:person_export", args=[world["bob"]])
    assert login("alice").get(url).status_code == 403
    login("alice").logout()
    data = json.loads(login("staff").get(url).content)
    assert data["person"]["fields"]["phone"] == "040-123456"
    assert data["account"]["username"] == "bob"
    assert len(data["related"]["directory.Membership"]) == 2
    assert "meetings.Attendance" in data["related"] and "publishing.CalendarFeed" in data["related"]
    assert PrivacyLog.objects.filter(action=PrivacyLog.Action.EXPORT, by__username="staff").exists()


def test_staff_erase_a_person_keeping_the_name_in_the_record(world, login):
    url = reverse("publishing:person_erase", args=[world["bob"]])
    staff = login("staff")
    assert staff.post(url, {"reason": "Begäran"}).status_code == 200  # must confirm
    assert staff.post(url, {"reason": "Begäran från personen", "confirm": "on"}).status_code == 302
    bob = Person.objects.get(pk=world["bob"])
    assert bob.name == "Bob Berg" and bob.phone == "" and bob.email == "" and bob.user is None
    assert not CalendarFeed.objects.filter(person=bob).exists()
    assert not Attendance.objects.filter(person=bob, meeting_id=world["upcoming"]).exists()
    assert Attendance.objects.filter(person=bob, meeting_id=world["published"]).exists()
    page = html(login(None).get(reverse("meetings:meeting", args=[world["published"]])))
    assert "Bob Berg" in page
    log = PrivacyLog.objects.get(action=PrivacyLog.Action.ERASE)
    assert log.reason == "Begäran från personen"


# one rule, two forms: the check on one meeting and the filter for lists agree


def test_the_rule_for_one_meeting_and_the_filter_for_lists_agree(world, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    from samverkan.directory import permissions
    from samverkan.meetings.models import Meeting

    users = [AnonymousUser(), *django_user_model.objects.filter(is_active=True)]
    for user in users:
        visible = set(Meeting.objects.visible_to(user).values_list("pk", flat=True))
        readable = set(Meeting.objects.minutes_readable_by(user).values_list("pk", flat=True))
        for meeting in Meeting.objects.prefetch_related("bodies"):
            assert permissions.can_view_meeting(user, meeting) == (meeting.pk in visible), user
            approved = hasattr(meeting, "minutes") and meeting.minutes.is_locked
            if approved:
                reads = permissions.can_read_minutes(user, meeting)
                assert reads == (meeting.pk in readable), (user, meeting)
