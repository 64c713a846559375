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
    try:
        with zipfile.ZipFile(file) as archive:
            for info in archive.infolist():
                if info.is_dir() or Path(info.filename).suffix.lower() not in READERS:
                    continue
                name = f"{label}/{info.filename}"
                if info.file_size > max_bytes:
                    yield (
                        name,
                        SourceError(
                            _("filen är för stor (högst %(mb)d MB)") % {"mb": max_bytes // 2**20}
                        ),
                    )
                    continue
                yield name, archive.read(info)
    except (zipfile.BadZipFile, RuntimeError) as error:
        yield (
            label,
            SourceError(
                _("zip-arkivet är skadat eller lösenordsskyddat")
                if not isinstance(error, RuntimeError)
                else str(error)
            ),
        )
