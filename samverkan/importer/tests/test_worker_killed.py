"""A worker killed (SIGKILL) while it reads an upload: a restarted worker takes the upload up
again once its lease ran out and reads what was left, each file once. Real processes on the
test's own database (a file for SQLite)."""

import datetime
import json
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from samverkan.importer import uploads
from samverkan.importer.models import Upload
from samverkan.importer.tests.test_errors import DOT, SYDOST, _rows, _zip
from tests.smtp import COMMAND, run_worker, worker_process

FILES = 8

UPLOAD = """
import io, sys, zipfile
import django; django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile
from samverkan.directory.models import Body
from samverkan.directory.services import load_reference
from samverkan.importer import uploads
from samverkan.importer.tests.generated import huge_minutes
load_reference()
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w") as archive:
    for n in range(int(sys.argv[1])):
        archive.writestr(f"protokoll-{n}.txt", huge_minutes(people=300, items=120, seed=n))
body = Body.objects.get(short_name="DOT Nordost")
file = SimpleUploadedFile("stora.zip", buffer.getvalue(), content_type="application/zip")
uploads.receive([file], body=body, by=None)
"""


def _upload_row(env) -> tuple[str, int, int, list]:
    sql = "SELECT state, done, total, results FROM importer_upload"
    if connection.vendor == "sqlite":
        with sqlite3.connect(env["DATABASE_URL"].removeprefix("sqlite:///")) as db:
            row = db.execute(sql).fetchone()
    else:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            row = cursor.fetchone()
    if row is None:
        return "", 0, 0, []
    state, done, total, results = row
    return state, done, total, json.loads(results) if isinstance(results, str) else results


@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_is_taken_up_and_reads_each_file_once(environment):
    env = {**environment, "IMPORT_LEASE_SECONDS": "2"}
    run = {"env": env, "capture_output": True, "text": True, "timeout": 300}
    queued = subprocess.run([sys.executable, "-c", UPLOAD, str(FILES)], **run)
    assert queued.returncode == 0, queued.stderr

    worker = worker_process(env)
    deadline = time.monotonic() + 180
    while _upload_row(env)[1] < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    state, done, total, _ = _upload_row(env)
    assert state == "läses" and 2 <= done < total == FILES  # "Läses in", caught in the middle

    time.sleep(2.5)  # the dead worker's lease runs out
    restarted = subprocess.run(
        [*COMMAND, "worker", "--batch", "--no-startup-delay", "--no-reload"], **run
    )
    assert restarted.returncode == 0, restarted.stderr

    state, done, total, results = _upload_row(env)
    assert state == "klar" and done == total == FILES
    assert [r["name"] for r in results] == [f"stora.zip/protokoll-{n}.txt" for n in range(FILES)]
    assert {r["status"] for r in results} == {"granskas"}, results  # none "finns redan"
    assert len({r["document"] for r in results}) == FILES


@pytest.mark.django_db(transaction=True)  # the worker closes its connection
def test_a_file_that_stopped_the_worker_again_and_again_gets_a_swedish_reason(uploader, settings):
    client, _ = uploader
    client.post(reverse("importer:upload"), {"files": [_zip([("a.txt", DOT), ("b.txt", SYDOST)])]})
    # the state three killed workers left: reading, the lease run out, nothing recorded
    expired = timezone.now() - datetime.timedelta(seconds=1)
    Upload.objects.update(
        state=Upload.State.READING, total=2, lease_until=expired, attempts=uploads.ATTEMPTS
    )
    DBTaskResult.objects.update(status="RUNNING")  # as the last one left it
    page = client.get(reverse("importer:upload")).content.decode()
    assert "Läses in" in page and "0 av 2 filer lästa" in page

    assert uploads.resume_interrupted() == 1
    run_worker()

    page = client.get(reverse("importer:upload")).content.decode()
    first, second = _rows(page)
    assert "misslyckades" in first and "arbetaren stoppades 3 gånger" in first
    assert "granskas" in second and "2 av 2 filer lästa" in page
    assert Upload.objects.get().state == Upload.State.DONE
    assert not DBTaskResult.objects.running().exists()


@pytest.mark.django_db(transaction=True)  # the worker closes its connection
def test_a_worker_restarted_before_the_lease_ran_out_takes_the_upload_up_after_it(uploader):
    client, _ = uploader
    client.post(reverse("importer:upload"), {"files": [_zip([("a.txt", DOT)])]})
    held = timezone.now() + datetime.timedelta(seconds=1.5)
    Upload.objects.update(state=Upload.State.READING, total=1, lease_until=held, attempts=1)
    DBTaskResult.objects.update(status="RUNNING")

    assert uploads.resume_interrupted() == 1
    run_worker()  # the lease still holds: the upload waits
    assert Upload.objects.get().state == Upload.State.READING
    time.sleep(2)
    run_worker()

    page = client.get(reverse("importer:upload")).content.decode()
    assert "granskas" in _rows(page)[0] and "1 av 1 filer lästa" in page
    assert not DBTaskResult.objects.running().exists()
