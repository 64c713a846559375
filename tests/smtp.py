"""A real SMTP server on loopback for the tests, and the background worker run to the end."""

import asyncio
import email
import email.policy
import socket
import subprocess
import sys
from dataclasses import dataclass, field

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command


@dataclass
class Mailbox:
    """An SMTP server's side: what it received, and addresses it refuses."""

    refused: set[str] = field(default_factory=set)
    messages: list[email.message.EmailMessage] = field(default_factory=list)
    delay: float = 0.0  # seconds the server takes to accept each message

    async def handle_RCPT(self, server, session, envelope, address, options):
        if address in self.refused:
            return "550 5.1.1 Mottagaren finns inte"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(self.delay)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[email.message.EmailMessage]:
        return [m for m in self.messages if m["To"] == address]


@pytest.fixture
def mailbox(settings, tmp_path):
    box = Mailbox()
    with socket.socket() as probe:  # a free port on loopback
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.DEFAULT_FROM_EMAIL = "samverkan@example.se"
    settings.MEDIA_ROOT = tmp_path
    yield box
    controller.stop()


# `samverkan` as its own process, from the Python that runs the tests
COMMAND = [sys.executable, "-c", "import sys; from samverkan.cli import main; sys.exit(main())"]


def worker_process(env: dict[str, str]) -> subprocess.Popen:
    """A worker that keeps polling, in its own process, so a test can kill it mid-task."""
    return subprocess.Popen(
        [*COMMAND, "worker", "--no-startup-delay", "--no-reload", "--interval", "0.2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def run_worker() -> None:
    """Send what pages queued: the worker runs every waiting task, then stops."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
