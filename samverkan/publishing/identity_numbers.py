"""Personnummer written into minutes by mistake: found before the minutes are published."""

import re

from personnummer.personnummer import valid

from samverkan.meetings.models import Meeting

# "Ärendet gäller 19811218-9876", "811218-9876", "8112189876"
CANDIDATE = re.compile(r"(?<!\d)(?:\d{2})?\d{6}[-+ ]?\d{4}(?!\d)")


def found_in(text: str) -> list[str]:
    """The personnummer (and samordningsnummer) in a text, by the checksum and the date."""
    return [m.group() for m in CANDIDATE.finditer(text) if valid(m.group().replace(" ", ""))]


def places(meeting: Meeting) -> list[str]:
    """Where the meeting's minutes hold something that is a valid personnummer."""
    minutes = getattr(meeting, "minutes", None)
    texts = [(item.title, item.description) for item in meeting.items.all()]
    if minutes is not None:
        texts += [(n.item.title, n.text) for n in minutes.notes.select_related("item")]
        texts += [("Beslut", d.text) for d in minutes.decisions.all()]
    texts += [("Uppdrag", a.text) for a in meeting.assignments.all()]
    return sorted({where for where, text in texts if found_in(text)})
