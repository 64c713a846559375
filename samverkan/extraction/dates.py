"""Swedish dates and times as people write them, and the year rule of the Minutes spec."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

MONTHS = {
    "januari": 1,
    "jan": 1,
    "january": 1,
    "februari": 2,
    "feb": 2,
    "february": 2,
    "mars": 3,
    "mar": 3,
    "march": 3,
    "april": 4,
    "apr": 4,
    "maj": 5,
    "may": 5,
    "juni": 6,
    "jun": 6,
    "june": 6,
    "juli": 7,
    "jul": 7,
    "july": 7,
    "augusti": 8,
    "aug": 8,
    "august": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "oct": 10,
    "october": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "måndag": 0,
    "tisdag": 1,
    "onsdag": 2,
    "torsdag": 3,
    "fredag": 4,
    "lördag": 5,
    "söndag": 6,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))

# "2023-11-24", "2023-11-24" with odd spacing "2016-10- 28"
ISO_DATE = re.compile(r"\b(20\d\d|19\d\d)-(\d\d)-\s?(\d\d)\b")
# "24 november 2023", "den 14 december", "9 okt", "Torsdagen den 11 september 2008"
NAMED_DATE = re.compile(rf"\b(\d{{1,2}})(?::e|:a)?\s+({_MONTH})\.?(?:\s+(\d{{4}}))?\b", re.I)
# "20 August 2020" is covered above; "August 20, 2020" is rare in Swedish minutes.
# "14/12", "14/12 2023", "14/12-23"
# "22/10 08:15" is a date and a time, not the year 2008
SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:[ -](\d{4}|\d{2})(?![.:]\d))?(?![\d/])")
# "24-10-21" in a title (year-month-day with a two-digit year)
SHORT_ISO = re.compile(r"(?<![\d-])(\d\d)-(\d\d)-(\d\d)(?![\d-])")
# "Date: 20200925" (year, month and day run together; titles and date fields only)
COMPACT_ISO = re.compile(r"(?<!\d)(20\d\d)(0[1-9]|1[0-2])([0-3]\d)(?!\d)")
# "kl. 9–11", "klockan 09.00–12.00", "13:30 – 15 00", "mellan 10 – 10", "14:00-15:30"
TIME_RANGE = re.compile(
    r"(?:\b(?:kl|klockan|mellan|tid)\.?:?\s*)?"
    r"(?<![\d.:-])(\d{1,2})(?:[.:](\d\d)|\s(\d\d)(?=\s*[-–—]))?\s*(?:[-–—]|till)\s*"
    r"(\d{1,2})(?:[.:\s](\d\d))?(?![\d:]|\.\d)",
    re.I,
)
# "13:30", "kl 9", "klockan 19:38", "12.00"
SINGLE_TIME = re.compile(
    r"(?:\b(?:kl|klockan)\.?\s*(\d{1,2})(?:[.:](\d\d))?\b)|(?<![\d.:-])(\d{1,2})[.:](\d\d)(?![\d:]|\.\d)",
    re.I,
)


DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class FoundDate:
    month: int
    day: int
    year: int | None
    start: int  # position in the text
    end: int


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        datetime.date(year or 2000, month, day)
    except ValueError:
        return False
    return True


def find_dates(text: str, *, short_iso: bool = False) -> list[FoundDate]:
    """Every date in the text, in order; `short_iso` also accepts "24-10-21" (titles only)."""
    if not DIGIT.search(text):
        return []
    found: list[FoundDate] = []
    taken = bytearray(len(text))  # one mark per character: overlap checks stay linear

    def add(y: int | None, m: int, d: int, span: tuple[int, int]) -> None:
        if _valid(y, m, d) and not any(taken[span[0] : span[1]]):
            found.append(FoundDate(m, d, y, *span))
            taken[span[0] : span[1]] = b"\x01" * (span[1] - span[0])

    for m in ISO_DATE.finditer(text) if "-" in text else ():
        add(int(m[1]), int(m[2]), int(m[3]), m.span())
    for m in NAMED_DATE.finditer(text):
        add(int(m[3]) if m[3] else None, MONTHS[m[2].lower()], int(m[1]), m.span())
    for m in SLASH_DATE.finditer(text) if "/" in text else ():
        year = int(m[3]) if m[3] else None
        if year is not None and year < 100:
            year += 2000
        if int(m[2]) <= 12:
            add(year, int(m[2]), int(m[1]), m.span())
    if short_iso:
        for m in SHORT_ISO.finditer(text):
            add(2000 + int(m[1]), int(m[2]), int(m[3]), m.span())
        for m in COMPACT_ISO.finditer(text):
            add(int(m[1]), int(m[2]), int(m[3]), m.span())
    return sorted(found, key=lambda f: f.start)


def resolve(found: FoundDate, meeting: datetime.date | None) -> str:
    """ISO date; without a year, the first year on or after the meeting, else "--MM-DD"."""
    if found.year is not None:
        return datetime.date(found.year, found.month, found.day).isoformat()
    day = on_or_after(meeting, found.month, found.day) if meeting else None
    return day.isoformat() if day else f"--{found.month:02d}-{found.day:02d}"


def on_or_after(meeting: datetime.date, month: int, day: int) -> datetime.date | None:
    """The spec's year rule: a date without a year is the first one on or after the meeting."""
    for year in (meeting.year, meeting.year + 1):
        if _valid(year, month, day) and datetime.date(year, month, day) >= meeting:
            return datetime.date(year, month, day)
    return None


def _hhmm(hour: str, minute: str | None) -> str | None:
    h, m = int(hour), int(minute or 0)
    return f"{h:02d}:{m:02d}" if h <= 24 and m < 60 else None


def find_time_range(text: str) -> tuple[str | None, str | None]:
    """Start and end from "09.00–12.00" and its kin; an end not after the start is dropped."""
    if not DIGIT.search(text):
        return None, None
    for m in TIME_RANGE.finditer(text):
        start = _hhmm(m[1], m[2] or m[3])
        end = _hhmm(m[4], m[5])
        has_clock = m[2] or m[3] or m[5] or re.match(r"(?i)kl|klockan|mellan|tid", m[0])
        if start and has_clock:
            return start, end if end and end > start else None
    single = SINGLE_TIME.search(text)
    if single:
        return _hhmm(single[1] or single[3], single[2] or single[4]), None
    return None, None


def weekday_after(meeting: datetime.date, weekday: int) -> datetime.date:
    """ "nästa torsdag" said on a meeting day: the first such weekday after it."""
    ahead = (weekday - meeting.weekday()) % 7 or 7
    return meeting + datetime.timedelta(days=ahead)


def is_date_only(text: str) -> bool:
    """ "2024-02-16", "## 20 August 2020", "Torsdag 14 december": a date and little else."""
    dates = find_dates(text, short_iso=True)
    if not dates:
        return False
    rest = text
    for d in reversed(dates):
        rest = rest[: d.start] + rest[d.end :]
    return len(re.findall(r"[^\W\d_]{3,}", rest)) <= 1
