"""Uploads are stored as they arrive and read by the worker, one file at a time, with progress.

A request never reads a document: it writes the uploaded file to storage (in chunks, as Django
streams it) and queues `read_upload`; the upload page shows how many files are read and each
file's result as the worker records it.
"""

import logging
import zipfile
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django_tasks import task

from samverkan.extraction.readers import READERS
from samverkan.importer import services
from samverkan.importer.models import Upload
from samverkan.importer.sources import SourceError, archive_members

log = logging.getLogger(__name__)


def receive(files, *, body, by) -> list[Upload]:
    """Store each uploaded file and queue it for the worker; nothing is read here."""
    uploads = []
    for file in files:
        upload = Upload(name=file.name[:300], body=body, created_by=by)
        with transaction.atomic():
            upload.file.save(Path(file.name).name[-100:] or "dokument", file, save=False)
            upload.save()
            read_upload.enqueue(upload.pk)  # the queue is a table: queued with the row or not
        uploads.append(upload)
    return uploads


@task()
def read_upload(upload_id: int) -> None:
    upload = Upload.objects.filter(pk=upload_id, state=Upload.State.WAITING).first()
    if upload is not None:
        read(upload)


def read(upload: Upload) -> None:
    """Each file of the upload becomes a draft or its Swedish reason; one failing stops none."""
    upload.state, upload.total = Upload.State.READING, _count(upload)
    upload.save(update_fields=["state", "total"])
    with upload.file.open("rb") as file:
        for name, data in _members(upload, file):
            upload.results.append(_result(name, data, upload))
            upload.done = len(upload.results)
            upload.total = max(upload.total, upload.done)
            upload.save(update_fields=["results", "done", "total"])
    upload.state = Upload.State.DONE
    upload.save(update_fields=["state"])
    upload.file.delete(save=False)  # each document keeps its own original


def _is_zip(upload: Upload) -> bool:
    return upload.name.lower().endswith(".zip")


def _count(upload: Upload) -> int:
    if not _is_zip(upload):
        return 1
    try:
        with upload.file.open("rb") as file, zipfile.ZipFile(file) as archive:
            return sum(
                1
                for info in archive.infolist()
                if not info.is_dir() and Path(info.filename).suffix.lower() in READERS
            )
    except (zipfile.BadZipFile, OSError, ValueError):
        return 1


def _members(upload: Upload, file):
    limit = settings.IMPORT_MAX_BYTES
    if _is_zip(upload):
        yield from archive_members(file, upload.name, limit)
    elif upload.file.size > limit:
        yield (
            upload.name,
            SourceError(_("filen är för stor (högst %(mb)d MB)") % {"mb": limit // 2**20}),
        )
    else:
        yield upload.name, file.read()


def _result(name: str, data, upload: Upload) -> dict:
    if isinstance(data, SourceError):
        return {"name": name, "status": services.FAILED, "reason": str(data), "document": None}
    try:
        outcome = services.ingest(name, data, body=upload.body, by=upload.created_by)
    except Exception:  # a fault of ours: this file's own result, the others go on
        log.exception("Import of %s failed", name)
        outcome = services.Outcome(name, services.FAILED, _("filen kunde inte läsas in"))
    document = outcome.document.pk if outcome.document else None
    return {"name": name, "status": outcome.status, "reason": outcome.reason, "document": document}
