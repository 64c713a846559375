"""Uploads are stored as they arrive and read by the worker, one file at a time, with progress.

A request never reads a document: it writes the uploaded file to storage (in chunks, as Django
streams it) and queues `read_upload`; the upload page shows how many files are read and each
file's result as the worker records it.

A worker may be killed at any moment. The one reading an upload holds a lease on it, renewed
after each file; a worker that starts takes up every upload whose lease ran out and reads the
files not yet recorded. A file that stopped the worker `ATTEMPTS` times is given up with a
Swedish reason, and the others are read.
"""

import datetime
import logging
import zipfile
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
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


ATTEMPTS = 3  # workers a file may stop before it is given up


def _lease() -> datetime.datetime:
    return timezone.now() + datetime.timedelta(seconds=settings.IMPORT_LEASE_SECONDS)


def _claim(upload_id: int) -> bool:
    """Take the upload unless it is read or a living worker holds it (one UPDATE: one wins)."""
    free = Q(lease_until__isnull=True) | Q(lease_until__lt=timezone.now())
    unread = Upload.objects.exclude(state=Upload.State.DONE).filter(free, pk=upload_id)
    return unread.update(lease_until=_lease(), attempts=F("attempts") + 1) == 1


@task(takes_context=True)
def read_upload(context, upload_id: int) -> None:
    if _claim(upload_id):
        _fail_orphans(upload_id, keep=context.task_result.id)
        try:
            read(Upload.objects.get(pk=upload_id))
        finally:
            Upload.objects.filter(pk=upload_id).update(lease_until=None)


def _fail_orphans(upload_id: int, *, keep) -> None:
    """Another run of this upload still marked running belongs to a worker that died: the
    lease it held ran out."""
    from django_tasks_db.models import DBTaskResult

    running = DBTaskResult.objects.running().filter(task_path=read_upload.module_path)
    for result in running.exclude(id=keep):
        if result.args_kwargs.get("args", [None])[0] == upload_id:
            result.set_failed(RuntimeError("Arbetaren stoppades mitt i inläsningen."))


def read(upload: Upload) -> None:
    """Each file of the upload becomes a draft or its Swedish reason; one failing stops none.
    Files a dead worker recorded are kept, and reading goes on after them."""
    upload.state, upload.total = Upload.State.READING, max(_count(upload), len(upload.results))
    upload.save(update_fields=["state", "total"])
    with upload.file.open("rb") as file:
        for index, (name, data) in enumerate(_members(upload, file)):
            if index < len(upload.results):
                continue
            if upload.attempts > ATTEMPTS:
                result = _given_up(name)
            else:
                result = _result(name, data, upload, resumed=upload.attempts > 1)
            upload.results.append(result)
            upload.done, upload.attempts = len(upload.results), 1
            upload.total, upload.lease_until = max(upload.total, upload.done), _lease()
            upload.save(update_fields=["results", "done", "total", "attempts", "lease_until"])
    upload.state = Upload.State.DONE
    upload.save(update_fields=["state"])
    upload.file.delete(save=False)  # each document keeps its own original


def resume_interrupted() -> int:
    """Queue again every upload a stopped worker was reading, to run when its lease runs out
    (at once if it has); a worker still holding it keeps it. Returns how many."""
    now = timezone.now()
    held = Q(state=Upload.State.READING) | Q(lease_until__isnull=False)
    unfinished = list(Upload.objects.exclude(state=Upload.State.DONE).filter(held))
    for upload in unfinished:
        later = upload.lease_until and upload.lease_until > now
        read_upload.using(run_after=upload.lease_until if later else now).enqueue(upload.pk)
        log.warning("Uppladdning %s läses vidare efter en avbruten arbetare", upload.pk)
    return len(unfinished)


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


def _given_up(name: str) -> dict:
    reason = _("arbetaren stoppades %(n)d gånger medan filen lästes; den läses inte in") % {
        "n": ATTEMPTS
    }
    return {"name": name, "status": services.FAILED, "reason": reason, "document": None}


def _result(name: str, data, upload: Upload, *, resumed: bool = False) -> dict:
    if isinstance(data, SourceError):
        return {"name": name, "status": services.FAILED, "reason": str(data), "document": None}
    try:
        outcome = services.ingest(name, data, body=upload.body, by=upload.created_by)
    except Exception:  # a fault of ours: this file's own result, the others go on
        log.exception("Import of %s failed", name)
        outcome = services.Outcome(name, services.FAILED, _("filen kunde inte läsas in"))
    if resumed and _saved_by_the_dead_worker(outcome, name, upload):
        outcome = services.Outcome(name, services.REVIEW, _("behöver granskas"), outcome.document)
    document = outcome.document.pk if outcome.document else None
    return {"name": name, "status": outcome.status, "reason": outcome.reason, "document": document}


def _saved_by_the_dead_worker(outcome: services.Outcome, name: str, upload: Upload) -> bool:
    """The file a killed worker had stored but not yet recorded is this upload's own draft,
    not a repeat of an earlier one."""
    earlier = outcome.document
    return (
        outcome.status == services.ALREADY
        and earlier is not None
        and earlier.state == earlier.State.REVIEW
        and earlier.name == name[:300]
        and earlier.created_by_id == upload.created_by_id
        and earlier.created_at >= upload.created_at
    )
