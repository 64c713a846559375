"""Reminders the worker sends on a schedule, never from a page view: a weekly digest of
assignments per person, a kallelse not sent 10 days before, a justering not done 7 days after.

Each reminder has a key recorded in the same transaction as its mail (`SentReminder`), so a
second run, a second worker or a restarted one never sends it again. People who chose no
reminders (`ReminderChoice`) get none.
"""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus, task

from samverkan.directory.models import Membership, Person
from samverkan.followup.models import Assignment
from samverkan.meetings.models import Meeting
from samverkan.minutes.models import SignOff
from samverkan.publishing.mail_content import site_url
from samverkan.publishing.mailing import Recipient, queue
from samverkan.publishing.models import Dispatch, ReminderChoice, SentReminder

DIGEST_AHEAD = datetime.timedelta(days=7)
KALLELSE_BEFORE = datetime.timedelta(days=10)
JUSTERING_AFTER = datetime.timedelta(days=7)
JUSTERING_UNTIL = datetime.timedelta(days=30)  # older meetings (imports) are not chased
EVERY = datetime.timedelta(hours=1)

log = logging.getLogger(__name__)


def send_reminders(today: datetime.date | None = None) -> int:
    """Everything due today that has not gone out yet; returns how many mails were queued."""
    today = today or timezone.localdate()
    return digests(today) + kallelse_reminders(today) + justering_reminders(today)


def _wanting(people):
    return people.exclude(pk__in=ReminderChoice.objects.filter(reminders=False).values("person"))


def _once(key: str, person: Person, subject: str, text: str, meeting=None) -> int:
    """Queue the reminder unless its key was sent before (1 if queued, else 0)."""
    try:
        with transaction.atomic():
            sent = SentReminder.objects.create(key=key)
            recipient = Recipient(person.name, person.email, person)
            sent.dispatch = queue(meeting, Dispatch.Kind.REMINDER, subject, [recipient], text=text)
            sent.save(update_fields=["dispatch"])
    except IntegrityError:  # another run sent it first
        return 0
    return 1


def digests(today: datetime.date) -> int:
    """One mail per person a week: their open assignments overdue or due within 7 days."""
    year, week, _weekday = today.isocalendar()
    due = Assignment.objects.open().shown().filter(due_date__lte=today + DIGEST_AHEAD)
    by_person: dict[Person, list[Assignment]] = {}
    for assignment in due.select_related("body").prefetch_related("owner_people", "owner_bodies"):
        for person in _wanting(assignment.people_to_tell()):
            by_person.setdefault(person, []).append(assignment)
    count = 0
    for person, assignments in by_person.items():
        key = f"uppdrag:{person.pk}:{year}-W{week:02d}"
        if SentReminder.objects.filter(key=key).exists():
            continue
        context = {
            "person": person,
            "week": week,
            "overdue": [a for a in assignments if a.due_date < today],
            "soon": [a for a in assignments if a.due_date >= today],
            "mine": site_url(reverse("followup:mine")),
            "choice": site_url(reverse("publishing:reminders")),
            "site": site_url(""),
        }
        text = render_to_string("publishing/mail/digest.txt", context)
        subject = _("Dina uppdrag vecka %(week)d") % {"week": week}
        count += _once(key, person, subject, text)
    return count


def _secretaries(meeting: Meeting):
    seats = Membership.objects.current(on=meeting.date).filter(
        body__in=meeting.bodies.all(), role=Membership.Role.SECRETARY
    )
    return Person.objects.reachable().filter(pk__in=seats.values("person"))


def kallelse_reminders(today: datetime.date) -> int:
    """A meeting 10 days away or less whose kallelse has not gone out: its secretaries."""
    meetings = Meeting.objects.filter(
        state=Meeting.State.PLANNED, date__gte=today, date__lte=today + KALLELSE_BEFORE
    ).prefetch_related("bodies")
    count = 0
    for meeting in meetings:
        for person in _wanting(_secretaries(meeting)):
            text = _reminder_text("publishing/mail/kallelse_reminder.txt", meeting)
            subject = _("Kallelsen är inte skickad: %(title)s %(day)s") % _named(meeting)
            count += _once(f"kallelse:{meeting.pk}:{person.pk}", person, subject, text, meeting)
    return count


def justering_reminders(today: datetime.date) -> int:
    """A meeting held 7 days ago or more whose minutes are not justerade: its secretaries and
    the justerare still asked."""
    meetings = (
        Meeting.objects.shown()
        .filter(date__lte=today - JUSTERING_AFTER, date__gte=today - JUSTERING_UNTIL)
        .exclude(
            state__in=[Meeting.State.APPROVED, Meeting.State.PUBLISHED, Meeting.State.CANCELLED]
        )
    )
    count = 0
    for meeting in meetings.prefetch_related("bodies"):
        waiting = SignOff.objects.filter(
            minutes__meeting=meeting, status=SignOff.Status.WAITING
        ).values("person")
        people = _secretaries(meeting) | Person.objects.reachable().filter(pk__in=waiting)
        for person in _wanting(people.distinct()):
            text = _reminder_text("publishing/mail/justering_reminder.txt", meeting)
            subject = _("Minnesanteckningarna är inte justerade: %(title)s %(day)s") % _named(
                meeting
            )
            count += _once(f"justering:{meeting.pk}:{person.pk}", person, subject, text, meeting)
    return count


def _named(meeting: Meeting) -> dict:
    return {"title": meeting.title, "day": formats.date_format(meeting.date, "j F Y")}


def _reminder_text(template: str, meeting: Meeting) -> str:
    context = {
        "meeting": meeting,
        "url": site_url(meeting.get_absolute_url()),
        "choice": site_url(reverse("publishing:reminders")),
    }
    return render_to_string(template, context)


@task()
def remind() -> None:
    """The schedule: send what is due, then come back in an hour."""
    count = send_reminders()
    if count:
        log.info("%d påminnelser köade", count)
    remind.using(run_after=timezone.now() + EVERY).enqueue()


def schedule() -> None:
    """Make sure a reminder run is waiting (the worker calls this when it starts)."""
    from django_tasks_db.models import DBTaskResult

    ready = TaskResultStatus.READY
    waiting = DBTaskResult.objects.filter(task_path=remind.module_path, status=ready)
    if not waiting.exists():
        remind.enqueue()
