"""`samverkan backup` and `samverkan restore`: a round trip while another process writes gives
back every row and every uploaded file; a damaged archive is refused and changes nothing."""

import hashlib
import io
import os
import sqlite3
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from conftest import SAMVERKAN

SEED = """
import django, os; django.setup()
from django.core.files.base import ContentFile
from samverkan.meetings.models import Attachment
from tests.factories import make_body, make_meeting, make_membership, make_person
body = make_body(name="Delregional samverkan Nordost", short_name="DS Nordost")
make_membership(make_person("anna", name="Anna Ek", email="anna@example.se"), body)
meeting = make_meeting(body, place="Kristianstad")
for number in range(3):
    Attachment.objects.create(item=meeting.items.first(), name=f"Bilaga {number}.pdf",
                              file=ContentFile(os.urandom(50_000), f"bilaga-{number}.pdf"))
"""

WRITER = """
import django, sys, pathlib; django.setup()
from samverkan.directory.models import Organisation
stop = pathlib.Path(sys.argv[1])
number = 0
while not stop.exists():
    number += 1
    Organisation.objects.create(name=f"Skrivare {number}")
"""

WRITTEN = "directory_organisation"


def rows(database: str) -> dict[str, list[tuple]]:
    with sqlite3.connect(database) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        result = {
            t: sorted(db.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables
        }
    db.close()
    return result


def files(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


def samverkan(env, *args):
    return subprocess.run([*SAMVERKAN, *args], env=env, capture_output=True, text=True, timeout=300)


def database_of(env) -> str:
    return env["DATABASE_URL"].removeprefix("sqlite:///")


def test_round_trip_under_concurrent_writes(installation, tmp_path):
    source, target = installation("source"), installation("target", migrated=False)
    seeded = subprocess.run([sys.executable, "-c", SEED], env=source, capture_output=True)
    assert seeded.returncode == 0, seeded.stderr
    stop = tmp_path / "stop"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(stop)], env=source)
    try:
        while len(rows(database_of(source))[WRITTEN]) < 20:
            time.sleep(0.1)
        written_before = len(rows(database_of(source))[WRITTEN])
        archive = tmp_path / "backup.tar.gz"
        made = samverkan(source, "backup", str(archive))
        assert made.returncode == 0, made.stderr
        assert "Säkerhetskopia sparad" in made.stdout
        time.sleep(0.5)  # writes go on after the snapshot
    finally:
        stop.touch()
        writer.wait(timeout=60)

    restored = samverkan(target, "restore", str(archive), "--yes")
    assert restored.returncode == 0, restored.stderr

    before, after = rows(database_of(source)), rows(database_of(target))
    assert set(before) == set(after)
    for table in before:
        if table in (WRITTEN, "sqlite_sequence"):
            continue
        assert after[table] == before[table], table
    snapshot = after[WRITTEN]
    assert len(snapshot) >= written_before  # all that was committed before the backup
    last = max(row[0] for row in snapshot)  # an instant: every row up to it, exactly as it was
    assert snapshot == [row for row in before[WRITTEN] if row[0] <= last]
    assert len(before[WRITTEN]) > len(snapshot)  # the writer went on meanwhile
    media = files(Path(source["SAMVERKAN_DATA_DIR"]) / "media")
    assert len(media) == 3
    assert files(Path(target["SAMVERKAN_DATA_DIR"]) / "media") == media


def test_a_damaged_archive_is_refused_and_nothing_changes(installation, tmp_path):
    source, target = installation("source"), installation("target")
    assert subprocess.run([sys.executable, "-c", SEED], env=source).returncode == 0
    archive = tmp_path / "backup.tar.gz"
    assert samverkan(source, "backup", str(archive)).returncode == 0
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as good, tarfile.open(damaged, "w:gz") as bad:
        for member in good.getmembers():
            data = good.extractfile(member).read()
            if member.name.startswith("media/"):
                data = b"x" + data[1:]
            member.size = len(data)
            bad.addfile(member, io.BytesIO(data))
    before = rows(database_of(target))

    result = samverkan(target, "restore", str(damaged), "--yes")

    assert result.returncode != 0
    assert "stämmer inte med manifestet" in result.stderr and "Inget har ändrats" in result.stderr
    assert rows(database_of(target)) == before
    assert not (Path(target["SAMVERKAN_DATA_DIR"]) / "media").exists()


POSTGRES = os.environ.get("DATABASE_URL", "")


@pytest.mark.skipif(not POSTGRES.startswith("postgres"), reason="needs DATABASE_URL=postgres://…")
def test_round_trip_on_postgresql(tmp_path):
    """On its own database (samverkan_restore_test), never the one the tests use."""
    import psycopg

    base, _, _ = POSTGRES.rpartition("/")
    name = "samverkan_restore_test"

    def recreate():
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name}")
            admin.execute(f"CREATE DATABASE {name}")

    def dump() -> dict[str, list[tuple]]:
        with psycopg.connect(f"{base}/{name}") as db:
            tables = db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall()
            return {t: db.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for (t,) in tables}

    env = {
        **os.environ,
        "DATABASE_URL": f"{base}/{name}",
        "SAMVERKAN_DATA_DIR": str(tmp_path / "site"),
        "DEBUG": "1",
    }
    recreate()
    try:
        assert samverkan(env, "migrate", "-v", "0").returncode == 0
        assert subprocess.run([sys.executable, "-c", SEED], env=env).returncode == 0
        before, media = dump(), files(tmp_path / "site" / "media")
        archive = tmp_path / "backup.tar.gz"
        made = samverkan(env, "backup", str(archive))
        assert made.returncode == 0, made.stderr
        recreate()
        restored = samverkan(env, "restore", str(archive), "--yes")
        assert restored.returncode == 0, restored.stderr
        assert dump() == before
        assert files(tmp_path / "site" / "media") == media
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name}")
