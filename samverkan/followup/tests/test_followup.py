"""Assignments from the minutes, återrapportering on the next agenda, registers and Översikt."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.followup.models import Assignment
from samverkan.minutes.services import minutes_for
from tests.factories import make_meeting, make_membership, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(cast):
    return make_meeting(cast.public_body, days_ahead=0)


def add(client, meeting, **data):
    return client.post(reverse("followup:assignment_add", args=[meeting.pk]), data)


def test_assignment_with_two_owners_from_first_names(cast, meeting, login):
    add(
        login("alice"),
        meeting,
        who="Alice, Bob",
        what="Ta fram en kommunikationsplan",
        next_meeting="1",
    )
    assignment = Assignment.objects.get()
    assert {p.name for p in assignment.owner_people.all()} == {"Alice Andersson", "Bob Berg"}
    assert assignment.due_body == cast.public_body and assignment.meeting == meeting


def test_ambiguous_first_name_is_refused_not_guessed(cast, meeting, login):
    other = make_person(name="Bob Bengtsson")
    make_membership(other, cast.public_body)
    meeting.attendance.create(person=other)
    client = login("alice")
    page = add(client, meeting, who="Bob", what="Något").content.decode()
    assert not Assignment.objects.exists()
    assert "Vilken Bob menar du?" in page and "Bob Bengtsson" in page


def test_assignment_needs_an_owner_and_a_text(cast, meeting, login):
    add(login("alice"), meeting, who="", what="Något")
    add(login("alice"), meeting, who="Bob", what="")
    assert not Assignment.objects.exists()


def test_group_owner_by_short_name(cast, meeting, login):
    add(login("alice"), meeting, who="AG Sydost", what="Inventera målen")
    assert [b.short_name for b in Assignment.objects.get().owner_bodies.all()] == ["AG Sydost"]


def test_next_meeting_gets_the_report_back_and_the_loop_closes(cast, meeting, login):
    client = login("alice")
    add(client, meeting, who="Bob", what="Inventera målen", next_meeting="1")
    client.post(
        reverse("followup:plan_meeting", args=[cast.public_body.pk]),
        {"kind": "ordinarie", "date": str(timezone.localdate() + datetime.timedelta(days=30))},
    )
    planned = cast.public_body.meetings.order_by("-date").first()
    item = planned.items.get(kind="återrapportering")
    assert [a.text for a in item.report_backs.all()] == ["Inventera målen"]
    assignment = Assignment.objects.get()
    no_date = client.post(
        reverse("followup:report_back", args=[assignment.pk]), {"outcome": "continued"}
    )
    assert no_date.status_code == 302
    assignment.refresh_from_db()
    assert assignment.status == "öppen"
    client.post(reverse("followup:report_back", args=[assignment.pk]), {"outcome": "reported"})
    assignment.refresh_from_db()
    assert assignment.status == "återrapporterad"
    assert [u.status for u in assignment.updates.all()] == ["återrapporterad", "öppen"]


def test_continued_assignment_gets_a_new_due_date(cast, meeting, login):
    client = login("alice")
    add(client, meeting, who="Bob", what="Ta fram rutin", due=str(timezone.localdate()))
    assignment = Assignment.objects.get()
    new_due = timezone.localdate() + datetime.timedelta(days=60)
    client.post(
        reverse("followup:report_back", args=[assignment.pk]),
        {"outcome": "continued", "new_due": str(new_due)},
    )
    assignment.refresh_from_db()
    assert (assignment.status, assignment.due_date) == ("pågående", new_due)


def test_only_editors_record_report_backs(cast, meeting, login):
    add(login("alice"), meeting, who="Bob", what="Ta fram rutin")
    login("alice").logout()
    assignment = Assignment.objects.get()
    response = login("carl").post(
        reverse("followup:report_back", args=[assignment.pk]), {"outcome": "reported"}
    )
    # given in minutes not yet approved: an outsider does not even see it
    assert response.status_code == 404
    assignment.refresh_from_db()
    assert assignment.status == "öppen"


def test_my_assignments_put_overdue_first(cast, meeting, login):
    client = login("alice")
    today = timezone.localdate()
    add(client, meeting, who="Bob", what="Senare", due=str(today + datetime.timedelta(days=20)))
    add(client, meeting, who="Bob", what="Försenat", due=str(today - datetime.timedelta(days=2)))
    add(client, meeting, who="DS Sydost", what="Organets uppdrag")
    client.logout()
    html = login("bob").get(reverse("followup:mine")).content.decode()
    assert html.index("Försenat") < html.index("försenat") < html.index("Senare")
    assert "Organets uppdrag" in html


def test_register_filters_by_status_and_owner(cast, meeting, login):
    client = login("alice")
    add(client, meeting, who="Bob", what="Bobs uppdrag")
    add(client, meeting, who="Alice", what="Alices uppdrag")
    url = reverse("followup:register", args=[cast.public_body.pk])
    html = client.get(url, {"owner": "Bob", "status": "open"}).content.decode()
    assert "Bobs uppdrag" in html and "Alices uppdrag" not in html


def test_decision_register_shows_approved_decisions_only(cast, meeting, login):
    client = login("alice")
    item = meeting.items.first()
    client.post(
        reverse("minutes:decision_add", args=[meeting.pk, item.pk]), {"text": "Justerat beslut"}
    )
    draft = make_meeting(cast.public_body, days_ahead=-3)
    client.post(
        reverse("minutes:decision_add", args=[draft.pk, draft.items.first().pk]),
        {"text": "Utkastbeslut"},
    )
    client.post(reverse("minutes:approve", args=[meeting.pk]), {"approval": "nästa möte"})
    html = client.get(reverse("followup:decisions")).content.decode()
    assert "Justerat beslut" in html and "Utkastbeslut" not in html


def test_overview_shows_my_meetings_assignments_and_recent_minutes(cast, meeting, login):
    client = login("alice")
    add(client, meeting, who="Bob", what="Kolla statsbidragen")
    client.post(reverse("minutes:approve", args=[meeting.pk]), {"approval": "nästa möte"})
    upcoming = make_meeting(cast.public_body, days_ahead=5)
    client.logout()
    html = login("bob").get(reverse("home")).content.decode()
    assert "Hej Bob" in html and "Kolla statsbidragen" in html
    assert upcoming.get_absolute_url() in html
    assert reverse("minutes:editor", args=[meeting.pk]) in html
    assert minutes_for(meeting).is_locked


def test_demo_meetings_load_once(settings):
    from django.core.management import call_command

    from samverkan.meetings.models import Meeting

    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")
    held = Meeting.objects.get(source=None, minutes__isnull=False)
    upcoming = (
        Meeting.objects.filter(date__gt=timezone.localdate(), bodies__short_name="DOT Nordost")
        .exclude(kind="workshop")
        .order_by("date")
        .first()
    )
    assert Meeting.objects.filter(kind="workshop").count() == 1  # the mail demo, made once
    assert held.minutes.is_locked and held.assignments.count() == 2
    assert Meeting.objects.filter(source__isnull=False).count() == 1  # the imported seed
    item = upcoming.items.get(kind="återrapportering")  # one item, a row per assignment
    texts = {a.text for a in item.report_backs.all()}
    assert {a.text for a in held.assignments.all()} <= texts


def test_demo_replays_seed_000s_flow_between_bodies(settings):
    from django.core.management import call_command

    from samverkan.followup.models import Commission
    from samverkan.meetings.models import Meeting, Proposal

    settings.DEBUG = True
    call_command("load_demo")
    call_command("load_demo")
    december = Meeting.objects.get(bodies__short_name="DS Sydost", date__month=12, date__day=14)
    accepted = Proposal.objects.filter(to_meeting=december, status=Proposal.Status.ACCEPTED)
    assert accepted.count() == 4
    psychiatry = december.items.get(title="Psykiatri sydost")
    assert {p.name for p in psychiatry.responsible.all()} == {"Dan Kjellsson", "Eva Gustafsson"}
    assert psychiatry.proposal.from_meeting.bodies.get().short_name == "TB Sydost"
    commission = Commission.objects.get(giver__short_name="CS")
    inventory = commission.assignments.get(body__short_name="DS Sydost")
    assert inventory.is_open and inventory.report_item.meeting == december
