"""extract(): reading, blocks, attendance, frame, statements — in that order."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

from samverkan.extraction.actions import Context
from samverkan.extraction.attendance import read_attendance
from samverkan.extraction.model import Action, Minutes
from samverkan.extraction.next_meetings import next_meetings
from samverkan.extraction.people import resolve_owner
from samverkan.extraction.readers import read_document
from samverkan.extraction.sections import agenda, body_name, header_end, meeting_time
from samverkan.extraction.statements import decisions_and_actions
from samverkan.extraction.text import blocks as to_blocks

MAX_TEXT = 5_000_000  # characters; longer text is cut, not refused


def extract(source: str | Path) -> Minutes:
    """Minutes from a path (any supported format) or from the text itself.

    A `Path` is always read as a file; a `str` is read as a file when it names one.
    Unreadable files raise `ReadError`; text never raises.
    """
    if isinstance(source, Path) or (len(source) < 4096 and "\n" not in source and _is_file(source)):
        return extract_text(read_document(Path(source)))
    return extract_text(source)


def _is_file(name: str) -> bool:
    try:
        return Path(name).is_file()
    except (OSError, ValueError):
        return False


def extract_text(text: str) -> Minutes:
    blocks = to_blocks(text[:MAX_TEXT])
    if not blocks:
        return Minutes()
    attendance = read_attendance(blocks)
    start = header_end(blocks, attendance.last_block)
    meeting = meeting_time(blocks, start)
    day = _date(meeting.date)
    items = agenda(blocks, start)
    upcoming = next_meetings(blocks, start, day)
    names = attendance.names()
    ctx = Context(names, day, [m.date for m in upcoming if m.date])
    index_of_line = {b.line: i for i, b in reversed(list(enumerate(blocks)))}
    headings = {index_of_line[i.source.line]: i.title for i in items if i.source}
    decisions, actions = decisions_and_actions(blocks, attendance.read, ctx, headings)
    return Minutes(
        body=body_name(blocks),
        meeting=meeting,
        attendees=tuple(attendance.present),
        absent=tuple(attendance.absent),
        agenda=tuple(items),
        decisions=tuple(decisions),
        actions=tuple(_resolved(a, names) for a in actions),
        next_meetings=tuple(upcoming),
    )


def _resolved(action: Action, attendees: list[str]) -> Action:
    owners = tuple(dict.fromkeys(resolve_owner(o, attendees) for o in action.owners))
    return action if owners == action.owners else dataclasses.replace(action, owners=owners)


def _date(iso: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None
