"""Demo content for publishing: the demo's approved minutes in the archive, a distribution list,
and a meeting whose kallelse, ersättare and move show the mail in the terminal."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from samverkan.directory.models import Body, Person
from samverkan.meetings.models import Meeting
from samverkan.meetings.services import move_meeting, plan_meeting, set_attendance
from samverkan.publishing.archive import publish
from samverkan.publishing.mailing import send_invitation
from samverkan.publishing.models import DistributionList


def publish_demo() -> int:
    """Publish approved minutes of public bodies that are not yet published; no e-mail."""
    waiting = Meeting.objects.filter(
        minutes__approved_at__isnull=False, publication__isnull=True
    ).exclude(bodies__is_public=False)
    for meeting in waiting:
        publish(meeting, by=None)
    body = Body.objects.filter(short_name="DOT Nordost").first()
    if body:
        DistributionList.objects.get_or_create(
            body=body,
            name="Regionens representanter",
            defaults={"addresses": "vardsamverkan.nordost@example.se\nregistrator@example.se"},
        )
    return len(waiting)


@transaction.atomic
def mail_demo() -> int:
    """A meeting a month ahead: its kallelse sent, Erik Ek cannot come (so his ersättare Frida
    Falk is called in), then moved a day; returns how many meetings it made."""
    body = Body.objects.filter(short_name="DOT Nordost").first()
    erik = Person.objects.filter(name="Erik Ek").first()
    if body is None or erik is None or body.meetings.filter(dispatches__kind="kallelse").exists():
        return 0
    alice = get_user_model().objects.get(username="alice")
    day = timezone.localdate() + datetime.timedelta(days=30)
    meeting = plan_meeting(
        bodies=[body],
        kind="workshop",
        date=day,
        start=datetime.time(13),
        end=datetime.time(16),
        place="Östra kommunhuset Kristianstad",
    )
    send_invitation(meeting, by=alice)
    set_attendance(meeting, erik, status="frånvarande")
    move_meeting(meeting, date=day + datetime.timedelta(days=1))
    return 1
