"""What a document says about itself: the kind of meeting and its justering (who, when)."""

import datetime
import re
from dataclasses import dataclass, field

from samverkan.extraction.dates import find_dates
from samverkan.extraction.people import find_names
from samverkan.meetings.models import Meeting

HEAD_LINES = 40
KINDS = [
    (re.compile(r"(?i)tjänstemannaförberedande"), Meeting.Kind.PREPARATORY),
    (re.compile(r"(?i)\bextra\s+(möte|sammanträde)|\bextramöte|\bextrainsatt"), Meeting.Kind.EXTRA),
    (re.compile(r"(?i)^\W*workshop\b"), Meeting.Kind.WORKSHOP),
]
# "Utses att justera Anna Carlsson", "Justerare: Tekla Siesjö", "Justeras av Eva Ek"
APPROVERS = re.compile(
    r"(?i)^\W*(?:utses att justera|justerare|justeras av|justerat av|protokolljusterare)\s*:?\s*(.+)$"
)
# "Justeringens plats och tid Huskvarna 2016-01-26", "Justerat 2023-11-30"
APPROVED_ON = re.compile(r"(?i)(justeringens plats och tid|justerat?\b|justeras\b)(.*)$")


@dataclass
class Justering:
    names: list[str] = field(default_factory=list)
    date: datetime.date | None = None


def guess_kind(text: str) -> str:
    """The kind of meeting the document's header names; "Ordinarie" when it names none."""
    head = "\n".join(text.splitlines()[:HEAD_LINES])
    for pattern, kind in KINDS:
        if any(pattern.search(line) for line in head.splitlines()):
            return kind
    return Meeting.Kind.REGULAR


def justering_of(text: str) -> Justering:
    """Who justerar the minutes and when, where the document says so."""
    found = Justering()
    for line in text.splitlines():
        clean = line.strip(" >|*#\t")
        m = APPROVERS.match(clean)
        if m and not found.names:
            found.names = [h.name for h in find_names(m[1]) if " " in h.name]
        m = APPROVED_ON.search(clean)
        if m and found.date is None:
            dates = [d for d in find_dates(m[2]) if d.year]
            if dates:
                d = dates[0]
                found.date = datetime.date(d.year, d.month, d.day)
    return found
