"""Reminders on the worker's schedule, with the clock moved across weeks: one digest per
person a week, none for those who chose none, none twice after a restart."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from samverkan.followup.services import create_assignment
from samverkan.minutes.services import minutes_for
from samverkan.publishing import reminders
from samverkan.publishing.models import Dispatch, ReminderChoice
from samverkan.publishing.tests.mail_reading import subject_of, text_of
from tests.factories import make_meeting, make_membership, make_person
from tests.smtp import run_worker

pytestmark = pytest.mark.django_db(transaction=True)

MONDAY = datetime.datetime(2026, 12, 7, 8, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


def digests_to(mailbox, address: str) -> list:
    return [m for m in mailbox.to(address) if subject_of(m).startswith("Dina uppdrag")]


def give(cast, person, text, due):
    create_assignment(
        minutes=None, body=cast.public_body, text=text, people=[person], due_date=due, notify=False
    )


@pytest.fixture
def clock():
    with time_machine.travel(MONDAY, tick=False) as traveller:
        yield traveller


def test_one_digest_a_week_per_person_and_none_after_choosing_none(cast, mailbox, clock):
    cast.bob.email = "bob@example.se"
    cast.bob.save()
    eva = make_person("eva", name="Eva Ek", email="eva@example.se")
    make_membership(eva, cast.public_body)
    give(cast, cast.bob, "Skriv remissvar", datetime.date(2026, 12, 10))
    give(cast, cast.bob, "Ta fram rutin", datetime.date(2026, 12, 1))
    give(cast, cast.bob, "Långt borta", datetime.date(2027, 3, 1))
    give(cast, eva, "Evas uppdrag", datetime.date(2026, 12, 9))
    ReminderChoice.objects.create(person=eva, reminders=False)

    reminders.schedule()
    for _day in range(7):  # the worker runs every day of the week, restarting each morning
        run_worker()
        reminders.schedule()
        run_worker()
        clock.shift(datetime.timedelta(days=1))

    [digest] = digests_to(mailbox, "bob@example.se")
    assert subject_of(digest) == "Dina uppdrag vecka 50"
    text = text_of(digest)
    assert "Försenade\n- Ta fram rutin (DS Sydost), förföll 1 december 2026" in text
    assert "- Skriv remissvar (DS Sydost), torsdag 10 december" in text
    assert "Långt borta" not in text
    assert "/paminnelser/" in text and "/mina-uppdrag/" in text
    assert digests_to(mailbox, "eva@example.se") == []

    run_worker()  # the next Monday: the next week's digest
    assert [subject_of(m) for m in digests_to(mailbox, "bob@example.se")] == [
        "Dina uppdrag vecka 50",
        "Dina uppdrag vecka 51",
    ]
    assert Dispatch.objects.filter(kind=Dispatch.Kind.REMINDER).count() == 2


def test_kallelse_not_sent_and_justering_not_done_remind_the_secretary_once(cast, mailbox, clock):
    planned = make_meeting(cast.public_body, days_ahead=12)
    held = make_meeting(cast.public_body, days_ahead=-6)
    minutes_for(held)

    assert reminders.send_reminders() == 0  # 12 days ahead, 6 days ago: not yet
    clock.shift(datetime.timedelta(days=2))
    assert reminders.send_reminders() == 2
    assert reminders.send_reminders() == 0
    run_worker()

    subjects = sorted(subject_of(m) for m in mailbox.to("a@example.se"))
    assert planned.date == datetime.date(2026, 12, 19) and held.date == datetime.date(2026, 12, 1)
    assert subjects == [
        "Kallelsen är inte skickad: DS Sydost 19 december 2026",
        "Minnesanteckningarna är inte justerade: DS Sydost 1 december 2026",
    ]
    kallelse = next(m for m in mailbox.to("a@example.se") if "Kallelsen" in m["Subject"])
    assert planned.get_absolute_url() in text_of(kallelse)


def test_a_person_chooses_no_reminders_on_their_own_page(cast, login):
    client = login("bob")
    page = client.get(cast.bob.get_absolute_url()).content.decode()
    assert reverse("publishing:reminders") in page
    assert (
        reverse("publishing:reminders")
        not in client.get(cast.alice.get_absolute_url()).content.decode()
    )
    form = client.get(reverse("publishing:reminders")).content.decode()
    assert "Inga påminnelser" in form
    client.post(reverse("publishing:reminders"), {"reminders": "False"})
    assert not ReminderChoice.objects.get(person=cast.bob).reminders
    client.post(reverse("publishing:reminders"), {"reminders": "True"})
    assert ReminderChoice.objects.get(person=cast.bob).reminders
