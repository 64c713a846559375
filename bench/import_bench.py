"""Bulk import speed and memory: generated 4 KB minutes through the importer.

Run: .venv/bin/python bench/import_bench.py [--docs 1000] [--database sqlite|postgres]

Fills `minutes_template.txt` (written after the DOT Nordost seed: 18 attendees, 8 agenda
items, 4 decisions, 6 actions, a next meeting) with new names and dates per document, writes
them to a temporary folder, imports them into a fresh database (a temporary SQLite file, or
the database `samverkan_importbench` on the PostgreSQL server of DATABASE_URL, default
postgres://postgres@127.0.0.1:5432) with the same code as
`samverkan import PATH --body "DOT Nordost"`, and samples the resident memory every 100
documents to show that it stays flat (documents stream one by one).
"""

import argparse
import datetime
import os
import random
import tempfile
import time
from pathlib import Path

TEMPLATE = (Path(__file__).resolve().parent / "minutes_template.txt").read_text(encoding="utf-8")
FIRST = (
    "Anna Eva Lars Karin Per Maria Johan Sara Erik Lena Olof Ulla Sven Ingrid Nils Britt "
    "Hans Elin Tove Gustav Frida Oskar Maja Hugo"
).split()
LAST = "Andersson Berg Holm Lind Nilsson Ek Dahl Ström Lund Sjö Falk Nord Wall Sand".split()


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def write_documents(folder: Path, count: int) -> None:
    rng = random.Random(11)
    # one meeting a week, the last one a week ago: minutes of a meeting still to come cannot be
    # justerade, so every document is imported whole
    start = datetime.date.today() - datetime.timedelta(days=7 * (count + 1))
    for n in range(count):
        people = [f"{first} {rng.choice(LAST)}" for first in rng.sample(FIRST, 18)]
        day = start + datetime.timedelta(days=7 * n)
        text = TEMPLATE.format(
            date=day.isoformat(),
            next=(day + datetime.timedelta(days=7)).isoformat(),
            ref=f"{day.year}-{n:04d}",
            attendees=",\n".join(", ".join(people[i : i + 4]) for i in range(0, 18, 4)),
            p1=people[0].split()[0],
            p2=people[1].split()[0],
            p3=people[2].split()[0],
        )
        (folder / f"protokoll-{n:04d}.txt").write_text(text, encoding="utf-8")


def configure(database: str, work: Path) -> None:
    """A fresh, empty database of the chosen kind."""
    if database == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
        return
    import psycopg

    server = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    base = server.rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS samverkan_importbench")
        connection.execute("CREATE DATABASE samverkan_importbench")
    os.environ["DATABASE_URL"] = f"{base}/samverkan_importbench"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="samverkan-bench-"))
    configure(args.database, work)
    os.environ["SAMVERKAN_DATA_DIR"] = str(work)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samverkan.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from samverkan.directory.models import Body
    from samverkan.directory.services import load_reference
    from samverkan.importer.services import ingest
    from samverkan.importer.sources import documents

    call_command("migrate", verbosity=0)
    load_reference()
    body = Body.objects.get(short_name="DOT Nordost")
    folder = work / "dokument"
    folder.mkdir()
    write_documents(folder, args.docs)
    size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    counts: dict[str, int] = {}
    samples = []
    started, cpu = time.perf_counter(), time.process_time()
    for n, (name, data) in enumerate(documents([folder], settings.IMPORT_MAX_BYTES), start=1):
        outcome = ingest(name, data, body=body, confirm_when_clear=True)
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
        if n % 100 == 0:
            samples.append(f"{resident_mb():.0f}")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"{args.database}: {args.docs} documents ({size:.2f} MB) in {seconds:.1f} s "
        f"(this process's CPU {cpu:.1f} s): {args.docs / seconds:.1f} documents/s; "
        f"outcomes {counts}"
    )
    print(f"resident memory every 100 documents (MB): {' '.join(samples)}")


if __name__ == "__main__":
    main()
