"""Backup and restore of the whole installation: the database and the uploaded files in one
archive, with a manifest of checksums that a restore verifies before it changes anything.

SQLite is copied with its online backup API (a consistent snapshot while others write);
PostgreSQL with pg_dump/pg_restore. Uploaded files are copied after the database snapshot,
so every file a row of the snapshot points to is in the archive.
"""

import datetime
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why, in Swedish."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _connection():
    connection = connections["default"]
    if connection.vendor not in DATABASE:
        raise BackupError(f"Databasen {connection.vendor} stöds inte för säkerhetskopior.")
    return connection


def _pg_env(connection) -> tuple[list[str], dict[str, str]]:
    params = connection.settings_dict
    args = ["--host", params["HOST"] or "localhost", "--port", str(params["PORT"] or 5432)]
    if params["USER"]:
        args += ["--username", params["USER"]]
    env = {**os.environ, "PGPASSWORD": params["PASSWORD"] or ""}
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} misslyckades: {result.stderr.strip()[:2000]}")


def _dump_database(target: Path) -> None:
    connection = _connection()
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)  # one step: a consistent snapshot
        copy.close()
    else:
        args, env = _pg_env(connection)
        name = connection.settings_dict["NAME"]
        _run(["pg_dump", "--format=custom", "--no-owner", *args, "--file", str(target), name], env)


def _load_database(source: Path) -> None:
    connection = _connection()
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(source) as backup:
            backup.backup(connection.connection)
        backup.close()
    else:
        args, env = _pg_env(connection)
        name = connection.settings_dict["NAME"]
        command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction"]
        _run([*command, *args, "--dbname", name, str(source)], env)
    connection.close()


def _media_files() -> list[tuple[str, Path]]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    return [
        (f"media/{path.relative_to(root).as_posix()}", path)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    ]


def _row_counts(database: Path) -> dict[str, int]:
    """Rows per table: of the snapshot itself for SQLite, of the live database otherwise."""
    connection = connections["default"]
    if connection.vendor == "sqlite":
        with sqlite3.connect(database) as snapshot:
            tables = snapshot.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            names = sorted(row[0] for row in tables)
            counts = {
                n: snapshot.execute(f'SELECT COUNT(*) FROM "{n}"').fetchone()[0] for n in names
            }
        snapshot.close()
        return counts
    with connection.cursor() as cursor:
        counts = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def backup(path: Path) -> dict:
    """Write the archive to `path` (a .tar.gz); returns its manifest."""
    vendor = _connection().vendor
    path = Path(path)
    with tempfile.TemporaryDirectory() as work:
        database = Path(work) / DATABASE[vendor]
        _dump_database(database)
        counts = _row_counts(database)
        entries = [(database.name, database), *_media_files()]
        manifest = {
            "format": FORMAT,
            "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "engine": vendor,
            "database": database.name,
            "rows": counts,
            "files": {
                name: {"sha256": _sha256(file), "size": file.stat().st_size}
                for name, file in entries
            },
        }
        partial = path.with_name(path.name + ".part")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            for name, file in entries:
                archive.add(file, arcname=name, recursive=False)
        os.replace(partial, path)
    return manifest


def _verified(path: Path, work: Path) -> dict:
    """Unpack the archive into `work` and check it against its manifest, or refuse."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            member = archive.getmember(MANIFEST)
            manifest = json.loads(archive.extractfile(member).read())
            expected = manifest["files"]
            for member in archive.getmembers():
                if member.name == MANIFEST:
                    continue
                if member.name not in expected or not member.isfile():
                    raise BackupError(f"Säkerhetskopian innehåller en okänd fil: {member.name}")
                archive.extract(member, work, filter="data")
    except (tarfile.TarError, OSError, KeyError, ValueError, EOFError) as error:
        raise BackupError(f"Säkerhetskopian kan inte läsas: {error}") from error
    if manifest.get("format") != FORMAT:
        raise BackupError("Säkerhetskopian har ett format som den här versionen inte kan läsa.")
    for name, facts in expected.items():
        file = work / name
        if not file.is_file() or _sha256(file) != facts["sha256"]:
            raise BackupError(f"Säkerhetskopian är skadad: {name} stämmer inte med manifestet.")
    return manifest


def restore(path: Path) -> dict:
    """Replace the database and the uploaded files with the archive's; returns its manifest."""
    vendor = _connection().vendor
    media = Path(settings.MEDIA_ROOT)
    media.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media.parent) as work:
        work = Path(work)
        manifest = _verified(Path(path), work)
        if manifest["engine"] != vendor:
            raise BackupError(
                f"Säkerhetskopian kommer från {manifest['engine']}, databasen är {vendor}."
            )
        _load_database(work / manifest["database"])
        restored = work / "media"
        restored.mkdir(exist_ok=True)
        old = work / "media-before-restore"
        if media.exists():
            media.rename(old)
        restored.rename(media)
    return manifest
