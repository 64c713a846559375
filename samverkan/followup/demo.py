"""Demo meetings for `make run`: a held meeting with minutes and assignments, and the next one."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from samverkan.directory.models import Body, Person
from samverkan.followup.services import create_assignment
from samverkan.meetings.services import add_item, plan_meeting, set_attendance
from samverkan.minutes.services import add_decision, approve, minutes_for, save_note


@transaction.atomic
def load_demo_meetings() -> int:
    """Creates the demo meetings once; returns how many were created."""
    body = Body.objects.get(short_name="DOT Nordost")
    if body.meetings.exists():
        return 0
    alice = get_user_model().objects.get(username="alice")
    today = timezone.localdate()
    held = plan_meeting(
        bodies=[body],
        kind="ordinarie",
        date=today - datetime.timedelta(days=21),
        start=datetime.time(9),
        end=datetime.time(12),
        place="Östra kommunhuset Kristianstad",
    )
    item = add_item(held, title="Kommunikationsplan", kind="diskussion")
    for row in held.attendance.all():
        set_attendance(held, row.person, status="närvarande")
    minutes = minutes_for(held)
    first = held.items.first()
    save_note(minutes, first, text="Dagordningen gicks igenom utan tillägg.", revision=0)
    add_decision(minutes, text="Dagordningen godkänns.", item=first)
    add_decision(
        minutes,
        item=item,
        text="Beslutas att utkast till kommunikationsplan ska presenteras vid nästa möte i DOT.",
    )
    people = Person.objects.filter(name__in=["Alice Andersson", "Bob Berg"])
    create_assignment(
        minutes=minutes,
        body=body,
        people=people,
        due_body=body,
        by=alice,
        text="Ta fram utkast till kommunikationsplan",
    )
    create_assignment(
        minutes=minutes,
        body=body,
        people=people[:1],
        by=alice,
        due_date=today - datetime.timedelta(days=2),
        text="Sammanställ fokusgruppernas aktivitetsplaner",
    )
    approve(minutes, by=alice, approval="nästa möte")
    plan_meeting(
        bodies=[body],
        kind="ordinarie",
        date=today + datetime.timedelta(days=10),
        start=datetime.time(9),
        end=datetime.time(11),
        place="Östra kommunhuset Kristianstad",
        link="https://teams.example.se/dot-nordost",
    )
    return 2
