"""The report-back rule: every open assignment is on the agenda of the meeting it is due at."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.followup import services
from samverkan.followup.models import Assignment
from samverkan.meetings.models import Meeting
from samverkan.minutes.services import minutes_for
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def day(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def rows(meeting: Meeting) -> list[str]:
    """What the meeting's one Återrapportering item lists (there is never more than one)."""
    items = list(Meeting.objects.get(pk=meeting.pk).items.filter(kind="återrapportering"))
    assert len(items) <= 1, "more than one Återrapportering item"
    return [a.text for a in items[0].report_backs.all()] if items else []


def give(cast, meeting, text, *, due=None, next_meeting=False):
    return services.create_assignment(
        minutes=minutes_for(meeting),
        body=cast.public_body,
        text=text,
        people=[cast.bob],
        due_date=due,
        due_body=cast.public_body if next_meeting else None,
    )


def plan(client, cast, date):
    client.post(
        reverse("followup:plan_meeting", args=[cast.public_body.pk]),
        {"kind": "ordinarie", "date": date.isoformat()},
    )
    return cast.public_body.meetings.get(date=date)


@pytest.fixture
def held(cast):
    return make_meeting(cast.public_body, days_ahead=-7)


def test_assignment_first_then_meeting(cast, held, login):
    give(cast, held, "Inventera målen", next_meeting=True)
    later = plan(login("alice"), cast, day(14))
    assert rows(later) == ["Inventera målen"]


def test_meeting_first_then_assignment_due_next_meeting(cast, login):
    client = login("alice")
    first, second = plan(client, cast, TODAY), plan(client, cast, day(14))
    client.post(
        reverse("followup:assignment_add", args=[first.pk]),
        {"who": "Bob", "what": "Ta fram rutin", "next_meeting": "1"},
    )
    assert rows(second) == ["Ta fram rutin"]
    assert rows(first) == []  # never reported at the meeting that gave it


def test_by_date_the_first_meeting_on_or_after_the_due_date(cast, held):
    soon, later = (
        make_meeting(cast.public_body, days_ahead=14),
        make_meeting(cast.public_body, days_ahead=28),
    )
    give(cast, held, "Senare", due=day(20))
    give(cast, held, "Försenat", due=day(-3))
    assert rows(soon) == ["Försenat"]
    assert rows(later) == ["Senare"]


def test_several_assignments_share_one_item(cast, held):
    later = make_meeting(cast.public_body, days_ahead=14)
    give(cast, held, "Första", next_meeting=True)
    give(cast, held, "Andra", due=day(2))
    assert sorted(rows(later)) == ["Andra", "Första"]
    assert later.items.filter(title="Återrapportering").count() == 1


def test_a_moved_due_date_moves_the_assignment(cast, held):
    soon, later = (
        make_meeting(cast.public_body, days_ahead=14),
        make_meeting(cast.public_body, days_ahead=28),
    )
    assignment = give(cast, held, "Rutin", due=day(20))
    assignment.refresh_from_db()
    assignment.due_date = day(10)
    assignment.save()
    assert (rows(soon), rows(later)) == (["Rutin"], [])
    assert not later.items.filter(kind="återrapportering").exists()


def test_meeting_moved_past_the_due_date_hands_over(cast, held, login):
    soon, later = (
        make_meeting(cast.public_body, days_ahead=14),
        make_meeting(cast.public_body, days_ahead=28),
    )
    give(cast, held, "Rutin", due=day(10))
    give(cast, held, "Plan", next_meeting=True)
    assert rows(later) == []
    login("alice").post(reverse("meetings:move", args=[soon.pk]), {"date": day(35).isoformat()})
    assert sorted(rows(later)) == ["Plan", "Rutin"]
    assert rows(soon) == []


def test_meeting_moved_earlier_still_has_them_once(cast, held, login):
    soon = make_meeting(cast.public_body, days_ahead=14)
    give(cast, held, "Plan", next_meeting=True)
    client = login("alice")
    for date in (day(12), day(13), day(13)):
        client.post(reverse("meetings:move", args=[soon.pk]), {"date": date.isoformat()})
    assert rows(soon) == ["Plan"]


def test_cancelled_meeting_passes_its_items_to_the_next(cast, held, login):
    soon, later = (
        make_meeting(cast.public_body, days_ahead=14),
        make_meeting(cast.public_body, days_ahead=28),
    )
    give(cast, held, "Plan", next_meeting=True)
    login("alice").post(reverse("meetings:cancel", args=[soon.pk]), {"reason": "Sjukdom"})
    assert rows(later) == ["Plan"]
    assert rows(soon) == []


def test_closed_assignment_leaves_the_upcoming_agenda(cast, held, login):
    later = make_meeting(cast.public_body, days_ahead=14)
    assignment = give(cast, held, "Plan", next_meeting=True)
    login("alice").post(
        reverse("followup:assignment", args=[assignment.pk]), {"status": "klar", "comment": ""}
    )
    assert rows(later) == []
    assert not later.items.filter(kind="återrapportering").exists()


def test_repeated_saves_make_no_duplicates(cast, held):
    later = make_meeting(cast.public_body, days_ahead=14)
    assignment = give(cast, held, "Plan", next_meeting=True)
    for _ in range(3):
        Assignment.objects.get(pk=assignment.pk).save()
        Meeting.objects.get(pk=later.pk).save()
        later.bodies.set([cast.public_body])
    assert rows(later) == ["Plan"]


def test_meeting_of_another_body_gets_nothing(cast, held):
    other = make_meeting(cast.internal_body, days_ahead=14)
    give(cast, held, "Plan", next_meeting=True)
    assert rows(other) == []
    other.bodies.add(cast.public_body)  # now a joint meeting of both bodies
    assert rows(other) == ["Plan"]
    other.bodies.remove(cast.public_body)
    assert rows(other) == []


def test_reported_stays_on_that_meetings_record(cast, held):
    soon, later = (
        make_meeting(cast.public_body, days_ahead=14),
        make_meeting(cast.public_body, days_ahead=28),
    )
    assignment = give(cast, held, "Plan", next_meeting=True)
    services.record_report_back(
        Assignment.objects.get(pk=assignment.pk), outcome="reported", by=None
    )
    Meeting.objects.get(pk=soon.pk).save()
    assert (rows(soon), rows(later)) == (["Plan"], [])


def test_continued_moves_to_the_first_meeting_on_or_after_the_new_date(cast, held):
    soon, later = (
        make_meeting(cast.public_body, days_ahead=14),
        make_meeting(cast.public_body, days_ahead=28),
    )
    assignment = give(cast, held, "Plan", next_meeting=True)
    services.record_report_back(
        Assignment.objects.get(pk=assignment.pk), outcome="continued", new_due=day(20), by=None
    )
    assert (rows(soon), rows(later)) == ([], ["Plan"])


def test_continued_needs_a_date_after_the_meeting(cast, held):
    soon = make_meeting(cast.public_body, days_ahead=14)
    assignment = give(cast, held, "Plan", next_meeting=True)
    with pytest.raises(Exception, match="efter mötet"):
        services.record_report_back(
            Assignment.objects.get(pk=assignment.pk),
            outcome="continued",
            new_due=day(14),
            by=None,
        )
    assert rows(soon) == ["Plan"]


def test_unhandled_assignment_comes_back_at_the_meeting_after(cast, held):
    soon = make_meeting(cast.public_body, days_ahead=14)
    give(cast, held, "Plan", next_meeting=True)
    # the meeting is held without a word on it; the next one is planned
    Meeting.objects.filter(pk=soon.pk).update(state=Meeting.State.HELD)
    later = make_meeting(cast.public_body, days_ahead=28)
    assert rows(later) == ["Plan"]


def test_a_passed_meeting_hands_over_in_the_nightly_run(cast, held):
    from django.core.management import call_command

    soon, later = (
        make_meeting(cast.public_body, days_ahead=14),
        make_meeting(cast.public_body, days_ahead=28),
    )
    give(cast, held, "Plan", next_meeting=True)
    Meeting.objects.filter(pk=soon.pk).update(date=day(-1))  # its day passed, nothing was said
    assert rows(later) == []
    call_command("sync_report_backs")
    assert (rows(soon), rows(later)) == ([], ["Plan"])


def test_old_one_item_per_assignment_agendas_are_merged(cast, held):
    import importlib

    from django.apps import apps

    from samverkan.meetings.services import add_item

    migration = importlib.import_module(
        "samverkan.followup.migrations.0003_one_report_back_item_per_meeting"
    )
    coming = make_meeting(cast.public_body, days_ahead=14)
    old = {
        text: add_item(coming, title=f"Återrapportering: {text}", kind="återrapportering")
        for text in ("Plan", "Rutin")
    }
    for text, item in old.items():
        assignment = give(cast, held, text, next_meeting=True)
        Assignment.objects.filter(pk=assignment.pk).update(report_item=item)  # as it used to be
    migration.one_item_per_meeting(apps, None)
    assert sorted(rows(coming)) == ["Plan", "Rutin"]
    assert coming.items.get(kind="återrapportering").title == "Återrapportering"


def test_the_assignment_page_says_where_it_comes_back(cast, held, login):
    later = make_meeting(cast.public_body, days_ahead=14)
    assignment = give(cast, held, "Plan", next_meeting=True)
    html = login("alice").get(assignment.get_absolute_url()).content.decode()
    assert "Återrapporteras vid" in html and later.get_absolute_url() in html


def test_deferred_rule_runs_once_at_the_end_for_every_body_asked(cast, monkeypatch):
    from samverkan.followup import report_backs

    runs = []
    monkeypatch.setattr(report_backs, "_sync", lambda ids: runs.append(ids))
    with report_backs.deferred():
        report_backs.sync(cast.public_body)
        with report_backs.deferred():
            report_backs.sync(cast.internal_body.pk)
        report_backs.sync(cast.public_body.pk)
        assert runs == []
    assert runs == [{cast.public_body.pk, cast.internal_body.pk}]


def test_deferred_rule_does_not_run_when_the_block_fails(cast, monkeypatch):
    from samverkan.followup import report_backs

    runs = []
    monkeypatch.setattr(report_backs, "_sync", lambda ids: runs.append(ids))
    with pytest.raises(RuntimeError), report_backs.deferred():
        report_backs.sync(cast.public_body)
        raise RuntimeError
    assert runs == []
    report_backs.sync(cast.public_body)
    assert runs == [{cast.public_body.pk}]


def test_approving_or_inviting_a_meeting_leaves_the_rule_alone(cast, monkeypatch):
    from samverkan.followup import report_backs

    meeting = make_meeting(cast.public_body, days_ahead=-1)
    runs = []
    monkeypatch.setattr(report_backs, "_sync", lambda ids: runs.append(ids))
    meeting.mark_invited()
    assert runs == []
    meeting.mark_held()
    assert runs == [{cast.public_body.pk}]
    meeting.mark_approved()
    assert runs == [{cast.public_body.pk}]
