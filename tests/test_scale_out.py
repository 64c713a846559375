"""Two application servers and two workers on one PostgreSQL database, as behind a load
balancer: a sign-in made on one server holds on the other, a file uploaded through one is
downloaded from the other, and a kallelse to 200 recipients is sent exactly once.

Runs when DATABASE_URL points at PostgreSQL (`make test` does so then); skipped on SQLite.
"""

import http.cookiejar
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid

import pytest
from aiosmtpd.controller import Controller

from tests.smtp import Mailbox
from tests.test_deploy import NOT_IN_PRODUCTION, PRODUCTION, free_port, wait_until_served

SERVER = os.environ.get("DATABASE_URL", "")
pytestmark = pytest.mark.skipif(
    not SERVER.startswith("postgres"), reason="needs DATABASE_URL=postgres://…"
)
CODE = "import sys; from samverkan.cli import main; sys.exit(main())"
RECIPIENTS = 200

SETUP = f"""
import datetime
import django
django.setup()
from django.contrib.auth import get_user_model
from django.utils import timezone
from samverkan.directory.models import Body, Membership, Person
from samverkan.meetings.services import plan_meeting

body = Body.objects.create(name="Stora samverkansgruppen", short_name="SSG", level="lokal")
user = get_user_model().objects.create_user("sekreterare", password="en-lång-fras-för-test")
Membership.objects.create(
    person=Person.objects.create(name="Sara Sekreterare", email="sara@example.se", user=user),
    body=body, role="sekreterare",
)
for n in range({RECIPIENTS - 1}):
    person = Person.objects.create(name=f"Ledamot {{n}}", email=f"ledamot{{n}}@example.se")
    Membership.objects.create(person=person, body=body)
meeting = plan_meeting(
    bodies=[body], kind="ordinarie", date=timezone.localdate() + datetime.timedelta(days=14),
    start=datetime.time(9), end=datetime.time(11), place="Kommunhuset",
)
print(meeting.pk)
"""


@pytest.fixture
def database():
    import psycopg

    base = SERVER.rsplit("/", 1)[0]
    name = f"samverkan_scale_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    yield f"{base}/{name}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE {name} WITH (FORCE)")


class Browser:
    """One visitor with one cookie jar, whichever server answers."""

    def __init__(self) -> None:
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, url: str) -> str:
        with self.opener.open(url, timeout=60) as response:
            return response.read().decode()

    def post(self, url: str, fields: dict, files: dict | None = None) -> str:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.get(url))
        fields = {**fields, "csrfmiddlewaretoken": token.group(1)} if token else fields
        if files:
            boundary = uuid.uuid4().hex
            body = b""
            for key, value in fields.items():
                body += (
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'.encode()
                )
                body += f"{value}\r\n".encode()
            for key, (filename, content) in files.items():
                body += (
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"; '
                    f'filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'
                ).encode()
                body += content + b"\r\n"
            body += f"--{boundary}--\r\n".encode()
            request = urllib.request.Request(url, data=body)
            request.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
        else:
            request = urllib.request.Request(url, data=urllib.parse.urlencode(fields).encode())
        request.add_header("Referer", url)
        with self.opener.open(request, timeout=60) as response:
            return response.read().decode()


def test_two_servers_and_two_workers_share_one_database(database, tmp_path):
    mailbox = Mailbox()
    smtp_port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    env = {k: v for k, v in os.environ.items() if k not in NOT_IN_PRODUCTION}
    env |= {**PRODUCTION, "SECURE_COOKIES": "0", "ALLOWED_HOSTS": "127.0.0.1"}
    env |= {
        "DATABASE_URL": database,
        "SAMVERKAN_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "samverkan.settings",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "WEB_CONCURRENCY": "2",
    }
    subprocess.run([sys.executable, "-c", CODE, "migrate", "-v", "0"], env=env, check=True)
    made = subprocess.run(
        [sys.executable, "-c", SETUP], env=env, check=True, capture_output=True, text=True
    )
    meeting = int(made.stdout.split()[-1])
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", CODE, "serve", "--production", f"127.0.0.1:{port}"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for port in ports
    ] + [
        subprocess.Popen(
            [sys.executable, "-c", CODE, "worker", "--no-reload", "--no-startup-delay", "-v", "0"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    one, other = (f"http://127.0.0.1:{port}" for port in ports)
    try:
        for server, process in zip((one, other), processes, strict=False):
            wait_until_served(f"{server}/konto/login/", process)
        visitor = Browser()
        visitor.post(
            f"{one}/konto/login/",
            {"username": "sekreterare", "password": "en-lång-fras-för-test"},
        )
        # signed in on one server, and on the other with the same cookie
        assert "Sara Sekreterare" in visitor.get(f"{other}/oversikt/")

        # a file uploaded through one server is downloaded from the other
        content = b"%PDF-1.4\n" + os.urandom(2000)
        visitor.post(
            f"{one}/moten/{meeting}/punkter/ny/",
            {"title": "Budget", "kind": "information", "description": ""},
            files={"attachment": ("budget.pdf", content)},
        )
        page = visitor.get(f"{other}/moten/{meeting}/")
        link = re.search(rf'href="(/moten/{meeting}/bilagor/\d+/)"', page)
        assert link, "the meeting page links the attachment"
        with visitor.opener.open(other + link.group(1), timeout=60) as response:
            assert response.read() == content

        # the kallelse is asked for on one server; two workers send it exactly once
        visitor.post(f"{other}/moten/{meeting}/skicka-kallelse/", {})
        deadline = time.monotonic() + 240
        while len(mailbox.messages) < RECIPIENTS and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(3)  # a second sending would have begun by now
        addresses = [m["To"] for m in mailbox.messages]
        assert len(addresses) == RECIPIENTS, len(addresses)
        assert len(set(addresses)) == RECIPIENTS
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        controller.stop()
