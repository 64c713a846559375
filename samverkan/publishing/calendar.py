"""Meetings as iCalendar (RFC 5545): cancelled and moved meetings update in subscribers' calendars."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from icalendar import Calendar, Event

from samverkan.meetings.models import Meeting

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Samverkan//Möten//SV")
    calendar.add("version", "2.0")
    return calendar


def calendar_for(meetings, name: str) -> bytes:
    """The meetings (a queryset) as one calendar."""
    calendar = _calendar()
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Stockholm")
    for meeting in meetings.with_revisions():
        calendar.add_component(_event(meeting))
    return calendar.to_ical()


def invitation_for(meeting, *, method: str = "REQUEST", attendee: str = "") -> bytes:
    """The meeting as an .ics attachment for one recipient (RFC 5546): REQUEST adds it or, with
    a higher SEQUENCE and the same UID, updates it; CANCEL removes it from their calendar."""
    calendar = _calendar()
    calendar.add("method", method)
    event = _event(Meeting.objects.with_revisions().get(pk=meeting.pk))
    event.add("organizer", f"mailto:{settings.DEFAULT_FROM_EMAIL}", parameters={"CN": "Samverkan"})
    if attendee:
        event.add("attendee", f"mailto:{attendee}", parameters={"ROLE": "REQ-PARTICIPANT"})
    calendar.add_component(event)
    calendar.add_missing_timezones()  # the VTIMEZONE for Europe/Stockholm
    return calendar.to_ical()


def _event(meeting) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@samverkan")
    event.add("summary", f"{meeting.get_kind_display()} möte {meeting.title}")
    start = datetime.time(9, 0) if meeting.start is None else meeting.start
    begins = datetime.datetime.combine(meeting.date, start, tzinfo=STOCKHOLM)
    ends = (
        datetime.datetime.combine(meeting.date, meeting.end, tzinfo=STOCKHOLM)
        if meeting.end
        else begins + datetime.timedelta(hours=2)
    )
    if meeting.start is None:
        event.add("dtstart", meeting.date)
    else:
        event.add("dtstart", begins)
        event.add("dtend", ends)
    place = " eller ".join(x for x in (meeting.place, meeting.link) if x)
    if place:
        event.add("location", place)
    event.add("url", settings.SITE_URL.rstrip("/") + meeting.get_absolute_url())
    agenda = "\n".join(f"{i}. {item.title}" for i, item in enumerate(meeting.items.all(), 1))
    if agenda:
        event.add("description", "Dagordning:\n" + agenda)
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    # every saved change to the meeting is a new revision for the subscriber's calendar
    event.add("sequence", max(meeting.revisions - 1, 0))
    event.add("dtstamp", datetime.datetime.now(tz=STOCKHOLM))
    return event
