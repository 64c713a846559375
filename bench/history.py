"""Years of a whole region's collaboration, generated into an empty database in bulk.

Run: .venv/bin/python bench/history.py --years 10 --bodies 50 [--seed 1]
     (DATABASE_URL names the database; it is migrated first and must hold no meetings)

Makes Region Skåne's directory (the reference organisations and bodies, more local groups
and focus groups up to --bodies, about 40 people per body, memberships that change at each
mandate period), monthly meetings with agendas, attendance, approved minutes with notes,
decisions and assignments reported back at a later meeting, published minutes in the archive
and the search index, a plan per body with monthly measurements, and a yearly inventory
round. The same seed gives the same history. Two accounts for measuring pages:
`sekreterare` (secretary of the first body) and `ledamot` (a member there), password
`samverkan-bench`. Not part of the product: nothing here is installed.
"""

import argparse
import datetime
import os
import random
import time
from decimal import Decimal

FIRST = (
    "Anna Eva Maria Karin Sara Lena Emma Kerstin Ingrid Malin Johanna Sofia Elin Linda "
    "Erik Lars Karl Anders Johan Per Nils Mikael Jan Hans Peter Olof Fredrik Daniel Jonas Ali"
).split()
LAST = (
    "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson "
    "Pettersson Jonsson Jansson Hansson Bengtsson Lindberg Jakobsson Magnusson Lindström "
    "Olofsson Lindqvist Lindgren Berg Axelsson Bergström Lundberg Lind Lundgren Mattsson Berglund"
).split()
TOPICS = (
    "Hemsjukvård|Utskrivning från slutenvård|Psykisk hälsa barn och unga|Läkemedelsgenomgångar|"
    "Samordnad individuell plan|Demensvård|Palliativ vård|Digitala vårdmöten|Kompetensförsörjning|"
    "Nära vård|Missbruk och beroende|Rehabilitering|Hjälpmedel|Tandvård i hemmet|Avvikelser|"
    "Uppföljning av överenskommelse|Handlingsplanens indikatorer|Trygg hemgång|Ekonomi|"
    "Vårdplanering|Äldres hälsa|Suicidprevention|Ambulanssjukvård|Primärvårdens uppdrag"
).split("|")
STANDING = ["Mötets öppnande", "Val av justerare", "Föregående minnesanteckningar"]
VERBS = "redovisade presenterade informerade om diskuterade lyfte".split()
PLACES = "Kristianstad Malmö Lund Helsingborg Hässleholm Ystad Landskrona Ängelholm".split()
PASSWORD = "samverkan-bench"
MEMBERS = 14  # seats per body and mandate period (chair and secretary among them)
ITEMS = 8  # agenda items per meeting besides Återrapportering


class History:
    """One deterministic run: every row is built in memory and inserted in batches."""

    def __init__(self, *, years: int, bodies: int, seed: int) -> None:
        from django.utils import timezone

        self.rng = random.Random(seed)
        self.years, self.body_count = years, bodies
        self.today = timezone.localdate()
        self.start = self.today.replace(day=1) - datetime.timedelta(days=365 * years)
        self.now = timezone.now()

    # rows -----------------------------------------------------------------------------

    def create(self, model, rows: list, history: bool = True) -> list:
        """Insert in batches; models with an audit history get their first record too."""
        from simple_history.utils import bulk_create_with_history

        if history and hasattr(model, "history"):
            return bulk_create_with_history(rows, model, batch_size=2000, default_date=self.now)
        return model.objects.bulk_create(rows, batch_size=2000)

    def run(self) -> dict[str, int]:
        self.directory()
        self.meetings()
        self.plans()
        self.rounds()
        return self.counts()

    def directory(self) -> None:
        from django.contrib.auth import get_user_model
        from django.contrib.auth.hashers import make_password

        from samverkan.directory.models import Body, Membership, Organisation, Person
        from samverkan.directory.services import load_reference

        load_reference()
        organisations = list(Organisation.objects.order_by("pk"))
        municipalities = [o for o in organisations if o.kind == Organisation.Kind.MUNICIPALITY]
        reference = list(Body.objects.order_by("pk"))
        extra = []
        for n, municipality in enumerate(municipalities * 3):
            if len(reference) + len(extra) >= self.body_count:
                break
            town = municipality.name.removesuffix(" kommun").removesuffix(" stad")
            name, short = (
                (f"Lokal samverkan {town}", f"LS {town}")
                if n < len(municipalities)
                else (f"Fokusgrupp {TOPICS[n % len(TOPICS)]} {town}", f"FG {n} {town}")
            )
            extra.append(
                Body(
                    name=name,
                    short_name=short[:60],
                    level=Body.Level.LOCAL if n < len(municipalities) else Body.Level.FOCUS_GROUP,
                    area=municipality.area,
                    parent=reference[0],
                    is_public=n % 10 != 7,
                )
            )
        self.create(Body, extra)
        self.bodies = list(Body.objects.order_by("pk"))
        hashed = make_password(PASSWORD)
        User = get_user_model()
        people_per_body = MEMBERS * 3  # enough for three mandate periods with turnover
        total = people_per_body * len(self.bodies)
        users = self.create(
            User,
            [
                User(username=f"person{n}", password=hashed, email=f"person{n}@skane.example.se")
                for n in range(total)
            ],
        )
        users[0].username, users[2].username = "sekreterare", "ledamot"
        User.objects.bulk_update([users[0], users[2]], ["username"])
        self.people = self.create(
            Person,
            [
                Person(
                    name=f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}",
                    email=f"person{n}@skane.example.se",
                    title="Utvecklingsledare",
                    organisation=organisations[n % len(organisations)],
                    user=users[n],
                )
                for n in range(total)
            ],
        )
        # mandate periods start on 1 January after each election year
        periods = [
            datetime.date(year, 1, 1)
            for year in range(self.start.year - 3, self.today.year + 1)
            if year % 4 == 3
        ]
        memberships = []
        self.seats: dict[int, list[tuple[datetime.date, datetime.date | None, list]]] = {}
        for b, body in enumerate(self.bodies):
            pool = self.people[b * people_per_body : (b + 1) * people_per_body]
            sitting = pool[:MEMBERS]
            spare = pool[MEMBERS:]
            self.seats[body.pk] = []
            for p, period in enumerate(periods):
                end = periods[p + 1] - datetime.timedelta(days=1) if p + 1 < len(periods) else None
                if p:  # a third of the seats change hands at each period
                    # the first body's secretary and member (the accounts) always stay
                    keep = [x for x in sitting if self.rng.random() > 0.33 or x in pool[:3:2]]
                    sitting = keep + spare[: MEMBERS - len(keep)]
                    spare = spare[MEMBERS - len(keep) :] + [x for x in pool if x not in sitting]
                self.seats[body.pk].append((period, end, list(sitting)))
                chair = next(x for x in sitting if x not in pool[:3:2])
                for s, person in enumerate(sitting):
                    role = Membership.Role.MEMBER
                    if person is pool[0] or person is chair:
                        role = Membership.Role.SECRETARY if s == 0 else Membership.Role.CHAIR
                    memberships.append(
                        Membership(
                            person=person,
                            body=body,
                            organisation=person.organisation,
                            role=role,
                            seat=Membership.Seat.SUBSTITUTE if s >= 11 else Membership.Seat.REGULAR,
                            start=period,
                            end=end,
                        )
                    )
        self.create(Membership, memberships)

    def sitting(self, body, day: datetime.date) -> list:
        for start, end, people in self.seats[body.pk]:
            if start <= day and (end is None or day <= end):
                return people
        return self.seats[body.pk][0][2]

    def meetings(self) -> None:
        from samverkan.meetings.models import AgendaItem, Attendance, Meeting

        days = []
        month = self.start
        while month <= self.today + datetime.timedelta(days=92):
            if month.month != 7:
                days.append(month)
            month = (month + datetime.timedelta(days=32)).replace(day=1)
        S = Meeting.State
        meetings, owners = [], []
        for b, body in enumerate(self.bodies):
            for day in days:
                date = day + datetime.timedelta(days=(b * 3 + self.rng.randint(0, 5)) % 25)
                past = date < self.today - datetime.timedelta(days=45)
                state = S.PUBLISHED if past else (S.HELD if date < self.today else S.PLANNED)
                if past and self.rng.random() < 0.03:
                    state = S.CANCELLED
                meetings.append(
                    Meeting(
                        date=date,
                        start=datetime.time(9 + b % 4),
                        end=datetime.time(12 + b % 4),
                        place=f"Kommunhuset {PLACES[b % len(PLACES)]}",
                        state=state,
                        cancel_reason="Få anmälda ärenden" if state == S.CANCELLED else "",
                    )
                )
                owners.append(body)
        meetings = self.create(Meeting, meetings)
        through = Meeting.bodies.through
        self.create(
            through,
            [through(meeting=m, body=b) for m, b in zip(meetings, owners, strict=True)],
        )
        self.by_body: dict[int, list] = {}
        for meeting, body in zip(meetings, owners, strict=True):
            meeting.body = body
            self.by_body.setdefault(body.pk, []).append(meeting)
        items, attendance = [], []
        for meeting in meetings:
            if meeting.state == S.CANCELLED:
                continue
            people = self.sitting(meeting.body, meeting.date)
            topics = self.rng.sample(TOPICS, ITEMS - len(STANDING))
            for position, title in enumerate(STANDING + topics):
                kind = (
                    AgendaItem.Kind.DECISION if position in (1, 4) else AgendaItem.Kind.INFORMATION
                )
                items.append(AgendaItem(meeting=meeting, position=position, title=title, kind=kind))
            items.append(
                AgendaItem(
                    meeting=meeting,
                    position=ITEMS,
                    title="Återrapportering",
                    kind=AgendaItem.Kind.REPORT_BACK,
                )
            )
            for person in people:
                held = meeting.date < self.today
                status = Attendance.Status.UNKNOWN
                if held:
                    status = (
                        Attendance.Status.ABSENT
                        if self.rng.random() < 0.15
                        else Attendance.Status.PRESENT
                    )
                attendance.append(Attendance(meeting=meeting, person=person, status=status))
        items = self.create(AgendaItem, items)
        self.create(Attendance, attendance, history=False)
        self.items: dict[int, list] = {}
        for item in items:
            self.items.setdefault(item.meeting_id, []).append(item)
        self.minutes(meetings)

    def minutes(self, meetings: list) -> None:
        from samverkan.followup.models import Assignment, Update
        from samverkan.meetings.models import Meeting
        from samverkan.minutes.models import Decision, Minutes, Note

        S = Meeting.State
        held = [m for m in meetings if m.state in (S.PUBLISHED, S.HELD)]
        approved_at = {
            m.pk: self.now - datetime.timedelta(days=(self.today - m.date).days - 10) for m in held
        }
        minutes = self.create(
            Minutes,
            [
                Minutes(
                    meeting=m,
                    approval=Minutes.Approval.NEXT_MEETING,
                    approved_at=approved_at[m.pk] if m.state == S.PUBLISHED else None,
                )
                for m in held
            ],
        )
        notes, decisions = [], []
        for record, meeting in zip(minutes, held, strict=True):
            for item in self.items[meeting.pk][:ITEMS]:
                who = self.rng.choice(self.sitting(meeting.body, meeting.date)).name
                text = (
                    f"{who} {self.rng.choice(VERBS)} {item.title.lower()}. "
                    f"Gruppen följer frågan vidare i {meeting.body.short_name}."
                )
                notes.append(Note(minutes=record, item=item, text=text, revision=1))
                if item.kind == "beslut":
                    decisions.append(
                        Decision(
                            minutes=record,
                            item=item,
                            text=f"{meeting.body.short_name} beslutar att godkänna "
                            f"{item.title.lower()} ({meeting.date:%Y-%m-%d}).",
                        )
                    )
        self.create(Note, notes)
        decisions = self.create(Decision, decisions)
        assignments, people_owners, later = [], [], {}
        for meeting in held:
            coming = [m for m in self.by_body[meeting.body.pk] if m.date > meeting.date]
            coming = [m for m in coming if m.state != S.CANCELLED]
            for n in range(2):
                nxt = coming[n] if len(coming) > n else None
                reported = nxt is not None and nxt.state == S.PUBLISHED and self.rng.random() < 0.85
                topic = self.items[meeting.pk][3 + n].title.lower()
                assignments.append(
                    Assignment(
                        text=f"Ta fram underlag om {topic} till ett kommande möte",
                        body=meeting.body,
                        meeting=meeting,
                        due_body=meeting.body,
                        status=Assignment.Status.REPORTED if reported else Assignment.Status.OPEN,
                        report_item=self.items[nxt.pk][-1] if nxt is not None else None,
                    )
                )
                people_owners.append(self.rng.choice(self.sitting(meeting.body, meeting.date)))
                later[len(assignments) - 1] = nxt if reported else None
        assignments = self.create(Assignment, assignments)
        through = Assignment.owner_people.through
        self.create(
            through,
            [
                through(assignment=a, person=p)
                for a, p in zip(assignments, people_owners, strict=True)
            ],
        )
        updates = []
        for n, assignment in enumerate(assignments):
            nxt = later[n]
            updates.append(
                Update(
                    assignment=assignment,
                    at=approved_at.get(assignment.meeting_id, self.now),
                    status=Assignment.Status.OPEN,
                    text="Uppdraget gavs.",
                )
            )
            if nxt is not None:
                updates.append(
                    Update(
                        assignment=assignment,
                        at=approved_at.get(nxt.pk, self.now),
                        status=Assignment.Status.REPORTED,
                        text="Återrapporterades vid mötet.",
                    )
                )
        self.create(Update, updates)
        self.publish(held, minutes, notes, decisions, assignments, people_owners, approved_at)

    def publish(self, held, minutes, notes, decisions, assignments, owners, approved_at) -> None:
        """Approved versions with their snapshot, publications, and the search index."""
        from django.utils import formats

        from samverkan.meetings.models import Meeting
        from samverkan.minutes.models import Version
        from samverkan.publishing.models import Publication, SearchDocument
        from samverkan.publishing.search import _fts_insert

        note_of = {n.item_id: n.text for n in notes}
        decided: dict[int, list[str]] = {}
        for d in decisions:
            decided.setdefault(d.item_id, []).append(d.text)
        given: dict[int, list] = {}
        for a, person in zip(assignments, owners, strict=True):
            given.setdefault(a.meeting_id, []).append((person.name, a.text))
        versions, publications, documents = [], [], []
        for record, meeting in zip(minutes, held, strict=True):
            if meeting.state != Meeting.State.PUBLISHED:
                continue
            body = meeting.body
            items = self.items[meeting.pk][:ITEMS]
            present = [p.name for p in self.sitting(body, meeting.date)]
            title = f"{body.short_name} {meeting.date:%Y-%m-%d}"
            content = {
                "facts": {
                    "bodies": body.name,
                    "when": formats.date_format(meeting.date, "l j F Y").capitalize(),
                    "time": f"kl. {meeting.start:%H.%M}–{meeting.end:%H.%M}",
                    "place": meeting.place,
                },
                "present": [["", present]],
                "absent": [],
                "items": [
                    {"title": i.title, "notes": note_of[i.pk], "decisions": decided.get(i.pk, [])}
                    for i in items
                ],
                "assignments": [
                    [who, what, f"nästa möte i {body.short_name}"]
                    for who, what in given.get(meeting.pk, [])
                ],
                "next_meeting": "",
                "approval": ["Justeras vid nästa möte"],
            }
            versions.append(
                Version(
                    minutes=record, number=1, approved_at=approved_at[meeting.pk], content=content
                )
            )
            publications.append(
                Publication(
                    meeting=meeting,
                    published_at=approved_at[meeting.pk],
                    first_published_at=approved_at[meeting.pk],
                )
            )
            public = body.is_public
            texts = [
                (
                    SearchDocument.Kind.MINUTES,
                    "\n".join(f"{i.title}: {note_of[i.pk]}" for i in items),
                )
            ]
            texts += [
                (SearchDocument.Kind.DECISION, d) for i in items for d in decided.get(i.pk, [])
            ]
            texts += [
                (SearchDocument.Kind.ASSIGNMENT, f"{what}\n{who}")
                for who, what in given.get(meeting.pk, [])
            ]
            documents += [
                SearchDocument(
                    meeting=meeting, kind=k, date=meeting.date, title=title, text=t, public=public
                )
                for k, t in texts
            ]
        self.create(Version, versions)
        self.create(Publication, publications)
        documents = self.create(SearchDocument, documents)
        for first in range(0, len(documents), 2000):
            _fts_insert(documents[first : first + 2000])

    def plans(self) -> None:
        from samverkan.plans.models import Activity, Goal, Indicator, Measurement, Plan

        plans = self.create(
            Plan,
            [
                Plan(body=b, title=f"Handlingsplan {b.short_name}", start=self.start)
                for b in self.bodies
            ],
        )
        goals = self.create(
            Goal,
            [
                Goal(plan=p, title=f"{TOPICS[(n + p.pk) % len(TOPICS)]} ska förbättras", position=n)
                for p in plans
                for n in range(3)
            ],
        )
        indicators = self.create(
            Indicator,
            [
                Indicator(
                    goal=g,
                    name=f"Andel {TOPICS[(n + g.pk) % len(TOPICS)].lower()} inom målvärde",
                    unit=Indicator.Unit.PERCENT,
                    baseline=Decimal(40),
                    target=Decimal(80),
                )
                for g in goals
                for n in range(2)
            ],
        )
        measurements = []
        for indicator in indicators:
            month, value = self.start, 40.0
            while month <= self.today:
                value = min(99.0, max(1.0, value + self.rng.uniform(-2, 3)))
                measurements.append(
                    Measurement(indicator=indicator, period=month, value=Decimal(f"{value:.1f}"))
                )
                month = (month + datetime.timedelta(days=32)).replace(day=1)
        self.create(Measurement, measurements)
        self.create(
            Activity,
            [
                Activity(goal=g, title=f"Aktivitet {n + 1} för {g.title.lower()}", start=self.start)
                for g in goals
                for n in range(2)
            ],
        )

    def rounds(self) -> None:
        from samverkan.plans.models import AgreementGoal, InventoryAnswer, InventoryRound

        goals = list(AgreementGoal.objects.order_by("pk"))
        previous = None
        answers = []
        statuses = [s for s, _label in InventoryAnswer.Status.choices]
        for year in range(self.start.year + 1, self.today.year + 1):
            current = InventoryRound.objects.create(
                title=f"Inventering {year}", opened=datetime.date(year, 3, 1), previous=previous
            )
            current.goals.set(goals)
            current.bodies.set(self.bodies)
            answers += [
                InventoryAnswer(round=current, body=b, goal=g, status=self.rng.choice(statuses))
                for b in self.bodies
                for g in goals
            ]
            previous = current
        self.create(InventoryAnswer, answers)

    def counts(self) -> dict[str, int]:
        from django.apps import apps

        names = "directory.Person directory.Body directory.Membership meetings.Meeting "
        names += "meetings.AgendaItem meetings.Attendance minutes.Decision followup.Assignment "
        names += "publishing.Publication publishing.SearchDocument plans.Measurement"
        return {n: apps.get_model(n).objects.count() for n in names.split()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--bodies", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction

    from samverkan.meetings.models import Meeting

    call_command("migrate", verbosity=0)
    if Meeting.objects.exists():
        raise SystemExit("The database already holds meetings: give an empty one.")
    started = time.perf_counter()
    with transaction.atomic():
        counts = History(years=args.years, bodies=args.bodies, seed=args.seed).run()
    for name, count in counts.items():
        print(f"  {name:26} {count:>8}")
    print(
        f"generated {args.years} years for {args.bodies} bodies in {time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
