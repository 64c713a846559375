"""Reading e-mail back in tests: the text part, the links in it and the calendar file."""

import re
from urllib.parse import urlsplit

from icalendar import Calendar

LINK = re.compile(r"https?://\S+")


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")


def subject_of(message) -> str:
    """The subject as a mail program shows it (a folded long one starts with a space)."""
    return str(message["Subject"]).strip()


def links_in(message) -> list[str]:
    return LINK.findall(text_of(message))


def answer_link(message, choice: str) -> str:
    """The path of the answer link for kommer, kan-inte or ersattare."""
    [link] = [link for link in links_in(message) if link.rstrip("/").endswith("/" + choice)]
    return urlsplit(link).path


def calendar_of(message) -> Calendar:
    [part] = [p for p in message.iter_attachments() if p.get_filename().endswith(".ics")]
    return Calendar.from_ical(part.get_content())
