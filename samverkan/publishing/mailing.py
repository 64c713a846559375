"""E-mail of the kallelse and of approved minutes, one message per recipient, each logged.

Pages only record what is to be sent, in the same transaction as the task that sends it;
the task runs in the background worker (`samverkan worker`), so no page waits on SMTP.

A worker may be killed at any moment. The one sending a dispatch holds a lease on it and
marks each delivery "skickas" just before handing it to SMTP. A worker that starts resumes
every dispatch whose lease ran out: what was still waiting is sent; a delivery caught in the
middle of sending may or may not have arrived, so it is marked failed with that reason rather
than sent twice, and the secretary can send it again from the Utskick page.
"""

import datetime
import logging
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django_tasks import task

from samverkan.directory.models import Person
from samverkan.meetings.models import Meeting
from samverkan.publishing import mail_content
from samverkan.publishing.models import Delivery, Dispatch, DistributionList

NO_ADDRESS = "Ingen e-postadress registrerad."
INTERRUPTED = (
    "Sändningen avbröts när arbetaren stoppades; meddelandet kan ha kommit fram. "
    "Skicka igen om mottagaren saknar det."
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Recipient:
    name: str
    address: str
    person: Person | None = None


def invitation_recipients(meeting: Meeting) -> list[Recipient]:
    """Everyone called to the meeting: ordinarie and ersättare of its bodies, still active."""
    reachable = Person.objects.reachable()  # no mail to deactivated or departed people
    rows = (
        meeting.attendance.filter(person__in=reachable)
        .select_related("person")
        .order_by("person__name")
    )
    return [Recipient(r.person.name, r.person.email, r.person) for r in rows]


def minutes_recipients(meeting: Meeting, lists: list[DistributionList] = ()) -> list[Recipient]:
    """The members, then each distribution list's addresses; an address gets one message."""
    recipients = invitation_recipients(meeting)
    seen = {r.address.lower() for r in recipients if r.address}
    for distribution_list in lists:
        for address in distribution_list.address_list():
            if address.lower() not in seen:
                seen.add(address.lower())
                recipients.append(Recipient(distribution_list.name, address))
    return recipients


@transaction.atomic
def send_invitation(meeting: Meeting, *, by) -> Dispatch:
    if meeting.is_cancelled:
        raise ValidationError(_("Mötet är inställt."))
    recipients = invitation_recipients(meeting)
    if not recipients:
        raise ValidationError(_("Mötet har inga kallade att skicka till."))
    day = formats.date_format(meeting.date, "j F Y")
    dispatch = queue(
        meeting, Dispatch.Kind.INVITATION, f"Kallelse: {meeting.title} {day}", recipients, by
    )
    meeting.mark_invited()
    return dispatch


@transaction.atomic
def send_minutes(
    meeting: Meeting, *, by, to_members: bool = True, lists: list[DistributionList] = ()
) -> Dispatch:
    minutes = getattr(meeting, "minutes", None)
    if minutes is None or not minutes.is_locked:
        raise ValidationError(_("Bara justerade minnesanteckningar kan skickas."))
    recipients = minutes_recipients(meeting, lists)
    if not to_members:
        recipients = [r for r in recipients if r.person is None]
    if not recipients:
        raise ValidationError(_("Välj minst en mottagare."))
    day = formats.date_format(meeting.date, "j F Y")
    subject = f"Minnesanteckningar: {meeting.title} {day}"
    return queue(meeting, Dispatch.Kind.MINUTES, subject, recipients, by)


@transaction.atomic
def send_approval_request(meeting: Meeting, *, people: list[Person], by) -> Dispatch:
    """Each named justerare gets a link to the page where they approve in their own account."""
    day = formats.date_format(meeting.date, "j F Y")
    recipients = [Recipient(p.name, p.email, p) for p in people]
    subject = f"Justering: {meeting.title} {day}"
    return queue(meeting, Dispatch.Kind.APPROVAL, subject, recipients, by)


def queue(
    meeting, kind, subject, recipients: list[Recipient], by=None, *, text: str = ""
) -> Dispatch:
    """Record one message per recipient and queue the task that sends them (the caller's
    transaction keeps or drops both); a kallelse keeps the agenda it sent."""
    dispatch = Dispatch.objects.create(
        meeting=meeting,
        kind=kind,
        subject=subject,
        sent_by=by if by else None,
        text=text,
        agenda=agenda_as_sent(meeting) if kind in Dispatch.INVITING else [],
    )
    Delivery.objects.bulk_create(
        Delivery(
            dispatch=dispatch,
            person=r.person,
            name=r.name,
            address=r.address,
            status=Delivery.Status.QUEUED if r.address else Delivery.Status.FAILED,
            error="" if r.address else NO_ADDRESS,
        )
        for r in recipients
    )
    deliver.enqueue(dispatch.pk)
    return dispatch


def agenda_as_sent(meeting: Meeting) -> list[dict]:
    """The agenda as a kallelse shows it, to tell later what changed."""
    items = meeting.items.prefetch_related("attachments")
    return [
        {
            "id": item.pk,
            "title": item.title,
            "description": item.description,
            "attachments": sorted(a.name for a in item.attachments.all()),
        }
        for item in items
    ]


@transaction.atomic
def resend_failed(dispatch: Dispatch) -> int:
    """Queue again what failed (with an address) or was left waiting; returns how many."""
    count = dispatch.resendable().update(status=Delivery.Status.QUEUED, error="")
    if count:
        deliver.enqueue(dispatch.pk)
    return count


def _lease() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.MAIL_LEASE_SECONDS)


def _claim(dispatch_id: int) -> bool:
    """Take the dispatch unless a living worker holds it (one UPDATE, so only one wins)."""
    now = timezone.now()
    free = Q(lease_until__isnull=True) | Q(lease_until__lt=now)
    return Dispatch.objects.filter(free, pk=dispatch_id).update(lease_until=now + _lease()) == 1


def _next_delivery(dispatch: Dispatch) -> Delivery | None:
    with transaction.atomic():
        delivery = dispatch.deliveries.filter(status=Delivery.Status.QUEUED).order_by("pk").first()
        if delivery is None:
            return None
        Dispatch.objects.filter(pk=dispatch.pk).update(lease_until=timezone.now() + _lease())
        delivery.status = Delivery.Status.SENDING
        delivery.attempts += 1
        delivery.save(update_fields=["status", "attempts"])
    return delivery


def _mark_interrupted(dispatch: Dispatch) -> int:
    """Deliveries a dead worker was sending: maybe arrived, so never sent again unasked."""
    return dispatch.deliveries.filter(status=Delivery.Status.SENDING).update(
        status=Delivery.Status.FAILED, error=INTERRUPTED
    )


@task()
def deliver(dispatch_id: int) -> None:
    """Send every waiting delivery of the dispatch over one SMTP connection, logging each."""
    while _claim(dispatch_id):
        try:
            _send_waiting(Dispatch.objects.select_related("meeting").get(pk=dispatch_id))
        finally:
            Dispatch.objects.filter(pk=dispatch_id).update(lease_until=None)
        # something queued again while this worker held the lease is sent now
        if not Delivery.objects.filter(
            dispatch_id=dispatch_id, status=Delivery.Status.QUEUED
        ).exists():
            return


def _send_waiting(dispatch: Dispatch) -> None:
    if _mark_interrupted(dispatch):
        log.warning("Utskick %s: en avbruten sändning markerad som misslyckad", dispatch.pk)
    if not dispatch.deliveries.filter(status=Delivery.Status.QUEUED).exists():
        return
    attachments = mail_content.shared_attachments(dispatch)
    connection = get_connection(timeout=settings.EMAIL_TIMEOUT)
    try:
        while (delivery := _next_delivery(dispatch)) is not None:
            message = EmailMessage(
                subject=dispatch.subject,
                body=mail_content.body_for(dispatch, delivery),
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[delivery.address],
                reply_to=_reply_to(dispatch),
                connection=connection,
                headers={
                    "Message-ID": _message_id(delivery),
                    **mail_content.headers_for(dispatch, delivery),
                },
            )
            for attachment in [*attachments, *mail_content.calendar_attachment(dispatch, delivery)]:
                message.attach(*attachment)
            try:
                message.send()
            except smtplib.SMTPRecipientsRefused as refused:
                code, reason = next(iter(refused.recipients.values()))
                _failed(delivery, f"{code} {_decode(reason)}")
            except (smtplib.SMTPException, OSError) as error:
                _failed(delivery, _describe(error))
                connection.close()  # a broken session is opened anew for the next one
            else:
                delivery.status, delivery.error = Delivery.Status.SENT, ""
                delivery.sent_at = timezone.now()
                delivery.save(update_fields=["status", "error", "sent_at"])
    finally:
        connection.close()


def _message_id(delivery: Delivery) -> str:
    """The same id on every attempt, so a mail program can tell a repeat from a new one."""
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "samverkan"
    return f"<leverans-{delivery.pk}@{domain}>"


def resume_interrupted() -> int:
    """Queue again every dispatch a dead worker left behind; returns how many."""
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    unfinished = Q(deliveries__status__in=[Delivery.Status.QUEUED, Delivery.Status.SENDING])
    abandoned = Q(lease_until__isnull=True) | Q(lease_until__lt=now)
    stranded = list(
        Dispatch.objects.filter(unfinished, abandoned).distinct().values_list("pk", flat=True)
    )
    orphans = DBTaskResult.objects.running().filter(task_path=deliver.module_path)
    for result in orphans:
        if result.args_kwargs.get("args", [None])[0] in stranded:
            result.set_failed(RuntimeError("Arbetaren stoppades mitt i utskicket."))
    for dispatch_id in stranded:
        deliver.enqueue(dispatch_id)
        log.warning("Utskick %s återupptas efter en avbruten arbetare", dispatch_id)
    return len(stranded)


def _reply_to(dispatch: Dispatch) -> list[str]:
    """Answers go to whoever sent it, when they have an address."""
    person = getattr(dispatch.sent_by, "person", None)
    return [person.email] if person and person.email else []


def _failed(delivery: Delivery, error: str) -> None:
    delivery.status, delivery.error = Delivery.Status.FAILED, error[:1000]
    delivery.save(update_fields=["status", "error"])


def _decode(reason) -> str:
    return reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)


def _describe(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {_decode(error.smtp_error)}"
    return f"{type(error).__name__}: {error}"
