"""Files, folders and zip archives as a stream of (name, bytes), one document at a time."""

import zipfile
from collections.abc import Iterator
from pathlib import Path

from django.utils.translation import gettext as _

from samverkan.extraction.readers import READERS


class SourceError(Exception):
    """A path or archive member that cannot be read; the message is Swedish."""


def documents(paths: list[Path], max_bytes: int) -> Iterator[tuple[str, bytes | SourceError]]:
    """Yields each document's name with its bytes, or with the reason it cannot be read."""
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                yield from _file(child, max_bytes)
        elif path.exists():
            yield from _file(path, max_bytes)
        else:
            yield str(path), SourceError(_("filen finns inte"))


def _file(path: Path, max_bytes: int) -> Iterator[tuple[str, bytes | SourceError]]:
    if path.suffix.lower() == ".zip":
        yield from archive_members(path, str(path), max_bytes)
    elif path.stat().st_size > max_bytes:
        yield (
            str(path),
            SourceError(_("filen är för stor (högst %(mb)d MB)") % {"mb": max_bytes // 2**20}),
        )
    else:
        yield str(path), path.read_bytes()


def archive_members(file, label: str, max_bytes: int) -> Iterator[tuple[str, bytes | SourceError]]:
    """Each readable member of a zip, or its Swedish reason; one bad member stops no other."""
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError):
        yield label, SourceError(_("zip-arkivet är skadat och kan inte läsas"))
        return
    with archive:
        for info in archive.infolist():
            if info.is_dir() or Path(info.filename).suffix.lower() not in READERS:
                continue
            name = f"{label}/{info.filename}"
            parts = info.filename.replace("\\", "/").split("/")
            if info.filename.startswith(("/", "\\")) or ".." in parts or ":" in parts[0]:
                yield name, SourceError(_("filen har en sökväg utanför arkivet och lästes inte"))
            elif info.flag_bits & 0x1:
                yield name, SourceError(_("filen är lösenordsskyddad i zip-arkivet"))
            elif info.file_size > max_bytes:
                yield (
                    name,
                    SourceError(
                        _("filen är för stor (högst %(mb)d MB)") % {"mb": max_bytes // 2**20}
                    ),
                )
            else:
                try:
                    yield name, archive.read(info)
                except (zipfile.BadZipFile, RuntimeError, OSError, ValueError, EOFError):
                    yield name, SourceError(_("filen är skadad i zip-arkivet"))
