"""Search latency over 50,000 minutes documents, on SQLite (FTS5) or PostgreSQL (`swedish`).

Run: .venv/bin/python bench/search_bench.py --database sqlite   [--docs 50000]
     .venv/bin/python bench/search_bench.py --database postgres [--docs 50000]
     (--work DIR keeps the SQLite file; --reuse measures again what a run with the same --docs
     built, so a large database is built once and measured when the machine is quiet)

Builds a fresh database (a temporary SQLite file, or the database `samverkan_bench` on the
PostgreSQL server of DATABASE_URL, default postgres://postgres@127.0.0.1:5432), with the
reference bodies, one meeting per document with approved minutes, four in five published,
and one minutes document each of about 2 KB of generated Swedish text: most topic words are in
nearly every document, project names in about one in a hundred. Then runs a fixed mix of
queries — common and rare words, inflected forms, two-word queries, body and year filters,
as the public and as a member of an internal body — each several times, through
`search.search()` with its snippets: what the search page does apart from rendering HTML.
"""

import argparse
import datetime
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

COMMON = (
    "samverkan möte beslut uppdrag kommun region rapport arbete plan information fråga "
    "förslag ärende genomgång underlag diskussion"
).split()
TOPICS = (
    "hemsjukvård äldreomsorg psykiatri läkemedel barn ungdomar missbruk rehabilitering "
    "vårdplanering utskrivning digitalisering kompetens bemanning primärvård ambulans "
    "demens palliativ nutrition hjälpmedel tandvård trygghet övergångar avvikelser "
    "samordnad individuell uppföljning indikatorer handlingsplan avtal ekonomi statistik"
).split()
PLACES = (
    "Ystad Sjöbo Simrishamn Tomelilla Skurup Trelleborg Vellinge Malmö Lund Eslöv Höör "
    "Hörby Kristianstad Hässleholm Helsingborg Landskrona Ängelholm Båstad Åstorp Bjuv"
).split()
VERBS = (
    "beslutade godkände diskuterade redovisade föreslog beslutar uppdrar noterar "
    "informerade presenterade"
).split()
# 100 project names, each in about one document in a hundred: queries that get ranked
PROJECTS = [
    a + b
    for a in "trygg nära hem vård stöd frisk aktiv sam hälso omsorg".split()
    for b in "lyftet bryggan kompassen nätet spåret steget porten banan länken vägen".split()
]
QUERIES = [
    ("tryggbryggan", {}),
    ("hemlänken Ystad", {}),
    ("projektet frisksteget", {"member": True}),
    ("beslut", {}),
    ("samverkan", {}),
    ("hemsjukvården", {}),
    ("beslutade äldreomsorg", {}),
    ("psykiatri barn", {}),
    ("läkemedel Ystad", {}),
    ("palliativ demens", {}),
    ("utskrivningen", {"year": 2019}),
    ("rapport", {"body": True}),
    ("Åstorp bemanning", {}),
    ("tandvård hjälpmedel", {"member": True}),
    ("digitaliseringen", {"member": True, "year": 2022}),
]


def sentence(rng: random.Random) -> str:
    words = [
        rng.choice(COMMON).capitalize(),
        "om",
        rng.choice(TOPICS[: rng.randint(3, len(TOPICS))]),
        "i",
        rng.choice(PLACES),
        rng.choice(VERBS),
        rng.choice(COMMON),
        "och",
        rng.choice(TOPICS),
    ]
    return " ".join(words) + "."


def document_text(rng: random.Random) -> str:
    text = "\n".join(" ".join(sentence(rng) for _ in range(rng.randint(2, 5))) for _ in range(8))
    return f"{text}\nProjektet {rng.choice(PROJECTS).capitalize()} redovisades."


def configure(database: str, work: Path, *, reuse: bool) -> None:
    if database == "sqlite":
        if not reuse:
            (work / "bench.sqlite3").unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
        return
    import psycopg

    server = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    base = server.rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = 'samverkan_bench'"
        ).fetchone()
        if not (reuse and exists):
            connection.execute("DROP DATABASE IF EXISTS samverkan_bench")
            connection.execute("CREATE DATABASE samverkan_bench")
    os.environ["DATABASE_URL"] = f"{base}/samverkan_bench"


def build(count: int) -> None:
    from django.db import transaction

    from samverkan.directory.models import Body
    from samverkan.meetings.models import Meeting
    from samverkan.minutes.models import Minutes
    from samverkan.publishing.models import Publication, SearchDocument
    from samverkan.publishing.search import _fts_insert

    rng = random.Random(7)
    bodies = list(Body.objects.all())
    internal = bodies[-1]
    internal.is_public = False
    internal.save()
    now = datetime.datetime.now(datetime.UTC)
    start = datetime.date(2015, 1, 1)
    batch = 2000
    for first in range(0, count, batch):
        size = min(batch, count - first)
        with transaction.atomic():
            meetings = Meeting.objects.bulk_create(
                Meeting(
                    date=start + datetime.timedelta(days=(first + n) % 3650),
                    state=Meeting.State.PUBLISHED,
                )
                for n in range(size)
            )
            through = Meeting.bodies.through
            chosen = [bodies[(first + n) % len(bodies)] for n in range(size)]
            through.objects.bulk_create(
                through(meeting=m, body=b) for m, b in zip(meetings, chosen, strict=True)
            )
            Minutes.objects.bulk_create(Minutes(meeting=m, approved_at=now) for m in meetings)
            Publication.objects.bulk_create(
                Publication(meeting=m, published_at=now) for m in meetings if m.pk % 5
            )
            documents = SearchDocument.objects.bulk_create(
                SearchDocument(
                    meeting=m,
                    kind=SearchDocument.Kind.MINUTES,
                    date=m.date,
                    title=f"Minnesanteckningar {b.short_name or b.name} {m.date:%Y-%m-%d}",
                    text=document_text(rng),
                    public=bool(m.pk % 5) and b.is_public,
                )
                for m, b in zip(meetings, chosen, strict=True)
            )
            _fts_insert(documents)
        print(f"  {first + size} dokument", flush=True)


def member_of_internal_body():
    from django.contrib.auth import get_user_model

    from samverkan.directory.models import Body, Membership, Person

    user, created = get_user_model().objects.get_or_create(username="ledamot")
    if created:  # a reused database has its member already
        person = Person.objects.create(name="Ledamot Bench", user=user)
        internal = Body.objects.get(is_public=False)
        Membership.objects.create(person=person, body=internal, start=datetime.date(2010, 1, 1))
    return user


def measure(user, rounds: int, per_query: dict | None = None) -> list[float]:
    from django.contrib.auth.models import AnonymousUser

    from samverkan.directory.models import Body
    from samverkan.publishing.search import search, searchable_by

    some_body = Body.objects.filter(is_public=True).first()
    timings: list[float] = []
    for _ in range(rounds):
        for query, options in QUERIES:
            started = time.perf_counter()
            documents = searchable_by(user if options.get("member") else AnonymousUser())
            if options.get("body"):
                documents = documents.filter(meeting__bodies=some_body)
            if options.get("year"):
                documents = documents.filter(date__year=options["year"])
            results = search(documents, query, limit=20)
            assert results.total > 0, query
            timings.append((time.perf_counter() - started) * 1000)
            if per_query is not None:
                per_query.setdefault(query, []).append(timings[-1])
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--docs", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument(
        "--work", type=Path, help="folder for the SQLite file and uploads (default: a new one)"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure the database an earlier run built with the same --docs (and --work)",
    )
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="samverkan-search-"))
    work.mkdir(parents=True, exist_ok=True)
    configure(args.database, work, reuse=args.reuse)
    os.environ["SAMVERKAN_DATA_DIR"] = str(work)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from samverkan.directory.services import load_reference
    from samverkan.publishing.models import SearchDocument

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    if not (args.reuse and SearchDocument.objects.count() == args.docs):
        if SearchDocument.objects.exists():
            raise SystemExit("the database holds another number of documents: run without --reuse")
        load_reference()
        build(args.docs)
    built = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    user = member_of_internal_body()
    measure(user, 1)  # warm the caches once, as a running server would have them
    per_query: dict[str, list[float]] = {}
    timings = sorted(measure(user, args.rounds, per_query))
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"database: {connection.vendor}, documents: {args.docs}, built in {built:.0f} s")
    print(
        f"queries: {len(timings)}, median {statistics.median(timings):.1f} ms, "
        f"p95 {p95:.1f} ms, max {timings[-1]:.1f} ms"
    )
    for query, values in per_query.items():
        print(f"  {query:24} median {statistics.median(values):6.1f} ms")


if __name__ == "__main__":
    main()
