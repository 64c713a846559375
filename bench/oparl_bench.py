"""OParl latency on 10 years of generated data: the meeting list and a meeting object.

Run: .venv/bin/python bench/oparl_bench.py [--years 10] [--per-year 10] [--rounds 20]

Builds a fresh SQLite database with the reference bodies (one internal), and for every body
`--per-year` meetings a year for `--years` years, each with 8 agenda items, 2 decisions,
approved minutes, a publication for four in five, and the audit history the OParl times come
from. Then requests through Django's test client (all middleware, JSON rendering):
the first page of /oparl/v1/body/meetings/, later pages by their `next` links, the list with
`modified_since`, and single meeting objects, each `--rounds` times after a warm-up.
"""

import argparse
import datetime
import os
import random
import statistics
import tempfile
import time
from pathlib import Path


def build(years: int, per_year: int) -> int:
    from django.db import transaction
    from simple_history.utils import bulk_create_with_history

    from samverkan.directory.models import Body
    from samverkan.meetings.models import AgendaItem, Meeting
    from samverkan.minutes.models import Decision, Minutes
    from samverkan.publishing.models import Publication

    bodies = list(Body.objects.all())
    internal = bodies[-1]
    internal.is_public = False
    internal.save()
    now = datetime.datetime.now(datetime.UTC)
    first = datetime.date.today() - datetime.timedelta(days=365 * years)
    count = 0
    for body in bodies:
        with transaction.atomic():
            meetings = bulk_create_with_history(
                [
                    Meeting(
                        date=first + datetime.timedelta(days=n * 365 // per_year),
                        start=datetime.time(9, 0),
                        end=datetime.time(12, 0),
                        place="Regionhuset",
                        state=Meeting.State.PUBLISHED,
                    )
                    for n in range(years * per_year)
                ],
                Meeting,
            )
            meetings = list(Meeting.objects.filter(bodies=None).order_by("pk"))
            Meeting.bodies.through.objects.bulk_create(
                Meeting.bodies.through(meeting=m, body=body) for m in meetings
            )
            minutes = Minutes.objects.bulk_create(
                Minutes(meeting=m, approved_at=now) for m in meetings
            )
            Publication.objects.bulk_create(
                Publication(meeting=m, published_at=now) for m in meetings if m.pk % 5
            )
            items = bulk_create_with_history(
                [
                    AgendaItem(meeting=m, position=p, title=f"Punkt {p}", kind="beslut")
                    for m in meetings
                    for p in range(1, 9)
                ],
                AgendaItem,
            )
            items = AgendaItem.objects.filter(meeting__in=meetings).order_by("pk")
            by_meeting = {}
            for item in items:
                by_meeting.setdefault(item.meeting_id, []).append(item)
            Decision.objects.bulk_create(
                Decision(minutes=mi, item=by_meeting[mi.meeting_id][k], text=f"Beslut {k}.")
                for mi in minutes
                for k in (1, 4)
            )
            count += len(meetings)
    return count


def timed(client, url: str) -> tuple[float, dict]:
    started = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.content[:200])
    return elapsed, response.json()


def report(name: str, timings: list[float]) -> None:
    timings = sorted(timings)
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    print(
        f"{name:34} n={len(timings):4}  median {statistics.median(timings):6.1f} ms  "
        f"p95 {p95:6.1f} ms  max {timings[-1]:6.1f} ms"
    )


def measure(rounds: int, rng: random.Random) -> dict[str, list[float]]:
    from django.test import Client
    from django.utils import timezone

    from samverkan.directory import permissions
    from samverkan.meetings.models import Meeting

    client = Client()
    public = list(permissions.public_meetings(Meeting.objects.all()).values_list("pk", flat=True))
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    results: dict[str, list[float]] = {
        "meeting list, first page": [],
        "meeting list, later pages": [],
        "meeting list, modified_since": [],
        "meeting object": [],
    }
    for _ in range(rounds):
        elapsed, page = timed(client, "/oparl/v1/body/meetings/")
        results["meeting list, first page"].append(elapsed)
        for _ in range(3):
            url = page["links"]["next"].split("testserver", 1)[-1].split("8000", 1)[-1]
            elapsed, page = timed(client, url)
            results["meeting list, later pages"].append(elapsed)
        elapsed, _ = timed(client, f"/oparl/v1/body/meetings/?modified_since={since[:19]}")
        results["meeting list, modified_since"].append(elapsed)
        for pk in rng.sample(public, 5):
            elapsed, _ = timed(client, f"/oparl/v1/meeting/{pk}/")
            results["meeting object"].append(elapsed)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--per-year", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="samverkan-oparl-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
    os.environ["SAMVERKAN_DATA_DIR"] = str(work)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from samverkan.directory.services import load_reference

    call_command("migrate", verbosity=0)
    load_reference()
    started = time.perf_counter()
    count = build(args.years, args.per_year)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"{count} meetings over {args.years} years, built in {time.perf_counter() - started:.0f} s"
    )
    rng = random.Random(7)
    measure(1, rng)  # warm up
    for name, timings in measure(args.rounds, rng).items():
        report(name, timings)


if __name__ == "__main__":
    main()
