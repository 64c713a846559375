"""Meetings the minutes announce or move to a date, but not the ones they cancel."""

from __future__ import annotations

import datetime
import re

from samverkan.extraction.actions import is_past_meeting
from samverkan.extraction.dates import WEEKDAYS, find_dates, find_time_range, resolve, weekday_after
from samverkan.extraction.decisions import MOVED, MOVED_WORDS, is_cancelled
from samverkan.extraction.model import HIGH, MEDIUM, MeetingTime, Source
from samverkan.extraction.sections import is_heading
from samverkan.extraction.text import Block, sentences, words_of

NEXT_MEETING_HEADING = re.compile(r"(?i)^nästa\s+(möte|sammanträde|träff)")
# "Nästa möte blir …", "… sker den 2 december", "kommer … vid ett skypemöte den 15 oktober"
FUTURE_WORDS = frozenset(
    "nästa kommande planeras planerat blir sker hålls äger flyttas bokas bokat kallas kommer "
    "ska skall träffas ses".split()
)
URL = re.compile(r"https?://\S+")
NEXT_WEEKDAY = {day: re.compile(rf"(?i)\bnästa\s+{day}\b") for day in WEEKDAYS}
# "Nästa möte: Tisdag 22/10", "nästa möte fredag 16:00", "Nästa styrelsemöte är planerat …"
NEXT_MEETING = re.compile(r"(?i)\bnästa\s+\w*(möte|sammanträde|träff)\w*\b")
# "Möte måndag 9/9-19 kl. 15:15", "Nytt möte 14 mars": a meeting line with a date of its own
MEETING_LINE = re.compile(r"(?i)^(nytt\s+|nästa\s+)?(möte|sammanträde|träff)\b")
WEEKDAY_WORD = re.compile(r"(?i)\b(" + "|".join(WEEKDAYS) + r")(?:en)?\b")


def next_meetings(
    blocks: list[Block], start: int, meeting: datetime.date | None
) -> list[MeetingTime]:
    found: dict[str, MeetingTime] = {}
    under_heading = False
    for block in blocks[start:]:
        if is_heading(block):
            under_heading = bool(NEXT_MEETING_HEADING.match(block.text))
            if not under_heading:
                continue
        if not under_heading and not _names_a_meeting(block.text):
            continue  # each test below needs one of the meeting words
        for sentence in sentences(block.text):
            says_next = bool(NEXT_MEETING.search(sentence) or MEETING_LINE.match(sentence))
            if not (under_heading or says_next or _announces(sentence)):
                continue
            if is_cancelled(sentence) or is_past_meeting(sentence):
                continue
            relative = under_heading or says_next
            for m in _meetings_in(sentence, block.line, meeting, relative=relative):
                if m.date and (m.date not in found or (m.start and not found[m.date].start)):
                    found[m.date] = m
    return list(found.values())


def _announces(sentence: str) -> bool:
    return not FUTURE_WORDS.isdisjoint(words_of(sentence)) and _names_a_meeting(sentence)


def _names_a_meeting(text: str) -> bool:
    """ "möte", "sammanträde", "träff", "workshop", also inside compounds ("skypemöte")."""
    lower = text.casefold()
    return "möte" in lower or "sammanträde" in lower or "träff" in lower or "workshop" in lower


def _meetings_in(
    sentence: str, line: int, meeting: datetime.date | None, *, relative: bool
) -> list[MeetingTime]:
    moved = MOVED.search(sentence) if not MOVED_WORDS.isdisjoint(words_of(sentence)) else None
    text = sentence[moved.end() :] if moved else sentence
    dates = find_dates(text)
    url = URL.search(sentence) if "http" in sentence else None
    place = url[0].rstrip(").,") if url else None
    out = []
    for i, d in enumerate(dates):
        iso = resolve(d, meeting)
        if meeting and iso[:2] != "--" and iso < meeting.isoformat():
            continue  # a meeting that already took place
        after = text[d.end : dates[i + 1].start if i + 1 < len(dates) else len(text)]
        start, end = find_time_range(after)
        rule = ("next-meeting-date", HIGH) if relative else ("announced-meeting", MEDIUM)
        out.append(MeetingTime(iso, start, end, place, Source(line), *rule))
    if not dates and relative and meeting:
        weekday = WEEKDAY_WORD.search(sentence)
        if weekday:
            day = weekday_after(meeting, WEEKDAYS[weekday[1].casefold()]).isoformat()
            start, end = find_time_range(sentence[weekday.end() :])
            out.append(MeetingTime(day, start, end, None, Source(line), "next-weekday", MEDIUM))
    return out
