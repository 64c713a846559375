"""A worker killed (SIGKILL) in the middle of a kallelse: a restarted worker sends what was
left, and no recipient gets the message twice. Real processes, a file database, real SMTP."""

import signal
import sqlite3
import subprocess
import sys
import time

from tests.smtp import COMMAND, worker_process

QUEUE_KALLELSE = """
import django; django.setup()
from samverkan.directory.models import Membership
from samverkan.publishing.mailing import send_invitation
from tests.factories import make_body, make_meeting, make_membership, make_person
body = make_body(name="Delregional samverkan Mellersta", short_name="DS Mellersta")
for number in range(1, 7):
    make_membership(make_person(name=f"Person {number}", email=f"p{number}@example.se"), body)
send_invitation(make_meeting(body, place="Stadshuset"), by=None)
"""


def test_a_killed_worker_is_resumed_and_sends_nothing_twice(installation, mailbox, settings):
    env = {
        **installation(),
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(settings.EMAIL_PORT),
        "DEFAULT_FROM_EMAIL": "samverkan@example.se",
        "MAIL_LEASE_SECONDS": "2",
    }
    database = env["DATABASE_URL"].removeprefix("sqlite:///")
    run = {"env": env, "capture_output": True, "text": True, "timeout": 300}
    queued = subprocess.run([sys.executable, "-c", QUEUE_KALLELSE], **run)
    assert queued.returncode == 0, queued.stderr

    mailbox.delay = 0.4
    worker = worker_process(env)
    deadline = time.monotonic() + 120
    while len(mailbox.messages) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    time.sleep(0.5)  # a message the server was accepting when the worker died lands now
    received_before = len(mailbox.messages)
    assert 2 <= received_before < 6

    with sqlite3.connect(database) as db:
        waiting = db.execute(
            "SELECT count(*) FROM publishing_delivery WHERE status != 'skickat'"
        ).fetchone()[0]
    assert waiting >= 6 - received_before  # the kill stranded the rest

    time.sleep(2.5)  # the dead worker's lease runs out
    restarted = subprocess.run(
        [*COMMAND, "worker", "--batch", "--no-startup-delay", "--no-reload"], **run
    )
    assert restarted.returncode == 0, restarted.stderr

    addresses = [m["To"] for m in mailbox.messages]
    assert len(addresses) == len(set(addresses)), "a recipient got the kallelse twice"
    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT address, status, error FROM publishing_delivery").fetchall()
    status = {address: (state, error) for address, state, error in rows}
    sent = {a for a, (state, _) in status.items() if state == "skickat"}
    interrupted = {a for a, (state, error) in status.items() if state == "misslyckades"}
    assert sent | interrupted == {f"p{n}@example.se" for n in range(1, 7)}
    assert sent <= set(addresses)  # every delivery logged as sent really arrived
    assert len(interrupted) <= 1  # at most the one caught mid-send, never resent unasked
    assert all("kan ha kommit fram" in status[a][1] for a in interrupted)
    with sqlite3.connect(database) as db:
        tasks = db.execute("SELECT status FROM django_tasks_database_dbtaskresult").fetchall()
    assert ("RUNNING",) not in tasks
