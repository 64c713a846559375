"""Hard bounds on reading one document: its time, its text and what there is to review."""

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.utils.translation import gettext as _

from samverkan.extraction import Minutes, ReadError


class TooSlow(BaseException):
    """Reading took longer than allowed (a BaseException, so no reader's `except` hides it)."""


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Stop the work after `seconds`. The worker reads in its main thread, where a timer
    signal can interrupt; elsewhere (a test server's thread) the work is not timed."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise TooSlow

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_text(text: str) -> None:
    limit = settings.IMPORT_MAX_TEXT_CHARS
    if len(text) > limit:
        raise ReadError(
            _("dokumentet har för mycket text (högst %(n)s tecken); dela upp det")
            % {"n": f"{limit:,}".replace(",", " ")}
        )


def check_items(minutes: Minutes) -> None:
    """No more entries of one kind than a reviewer can go through on one page."""
    limit = settings.IMPORT_MAX_ITEMS
    kinds = [
        (_("punkter"), len(minutes.agenda)),
        (_("beslut"), len(minutes.decisions)),
        (_("uppdrag"), len(minutes.actions)),
        (_("namn i närvarolistan"), len(minutes.attendees) + len(minutes.absent)),
        (_("nästa möten"), len(minutes.next_meetings)),
    ]
    for kind, count in kinds:
        if count > limit:
            raise ReadError(
                _("dokumentet har för många %(kind)s för att granskas (%(n)d, högst %(max)d)")
                % {"kind": kind, "n": count, "max": limit}
            )
