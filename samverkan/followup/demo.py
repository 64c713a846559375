"""Demo meetings for `make run`: a held meeting with minutes and assignments, and the next one;
seed 000's flow between TB Sydost, DS Sydost and the central body."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from samverkan.directory.models import Body, Person
from samverkan.followup import commissions
from samverkan.followup.services import create_assignment
from samverkan.meetings import proposals
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


# "Förslag på punkter till delregional samverkan i december" (seed 000), with the people named
SYDOST_PROPOSALS = [
    ("Psykiatri sydost", ["Dan Kjellsson", "Eva Gustafsson"]),
    (
        "God och nära vård, rapport från workshop",
        ["Eva Svensson", "Thomas Persson", "Birgitta Ender"],
    ),
    (
        "Rapport av nuläge av utvecklingsområden HS-avtal",
        ["Eva Gustafsson", "Dan Kjellsson", "Thomas Persson", "Birgitta Ender"],
    ),
    ("Rapport från handlingsplan läkarstöd", []),
]
INVENTORY = (
    "Inventering över hur långt den delregionala organisationen kommit avseende de "
    "målsättningar som angavs i HS-avtalet. Resultatet presenteras vid decembers "
    "delregionala möte."
)


def next_december_14(today: datetime.date) -> datetime.date:
    """ "Nästa delregionala möte i december flyttas till den 14 december" """
    day = datetime.date(today.year, 12, 14)
    return day if day > today else datetime.date(today.year + 1, 12, 14)


@transaction.atomic
def load_demo_flow() -> int:
    """TB Sydost's meeting proposed four items to DS Sydost's December meeting, which took them
    up; the central body's inventory is DS Sydost's to report at that meeting. Once only."""
    tb, ds = Body.objects.get(short_name="TB Sydost"), Body.objects.get(short_name="DS Sydost")
    if tb.meetings.filter(source=None).exists():
        return 0
    today = timezone.localdate()
    december = plan_meeting(
        bodies=[ds],
        kind="ordinarie",
        date=next_december_14(today),
        start=datetime.time(10),
        end=datetime.time(12),
        place="Kommunhuset Sjöbo",
        link="https://skype.example.se/ds-sydost",
    )
    prepared = plan_meeting(
        bodies=[tb],
        kind="tjänstemannaförberedande",
        date=today - datetime.timedelta(days=14),
        start=datetime.time(13, 30),
        end=datetime.time(15),
        place="Kommunhuset Sjöbo",
    )
    add_item(
        prepared, title="Förslag på punkter till delregional samverkan i december", kind="beslut"
    )
    for title, names in SYDOST_PROPOSALS:
        proposal = proposals.propose(
            prepared,
            to_meeting=december,
            title=title,
            kind="information",
            responsible=Person.objects.filter(name__in=names),
        )
        proposals.accept(proposal)
    plan_meeting(
        bodies=[tb],
        kind="tjänstemannaförberedande",
        date=max(today + datetime.timedelta(days=1), december.date - datetime.timedelta(days=12)),
        start=datetime.time(13, 30),
        end=datetime.time(15),
        place="Kommunhuset Sjöbo",
    )
    commissions.give(
        giver=Body.objects.get(short_name="CS"),
        receivers=[ds],
        text=INVENTORY,
        due_date=december.date,
    )
    return 3
