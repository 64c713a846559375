"""E-mail of the kallelse and of approved minutes, one message per recipient, each logged.

Pages only record what is to be sent, in the same transaction as the task that sends it;
the task runs in the background worker (`samverkan db_worker`), so no page waits on SMTP.
"""

import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django_tasks import task

from samverkan.directory.models import Person
from samverkan.meetings.models import Meeting
from samverkan.publishing.calendar import invitation_for
from samverkan.publishing.documents import invitation_pdf, minutes_pdf
from samverkan.publishing.models import Delivery, Dispatch, DistributionList

NO_ADDRESS = "Ingen e-postadress registrerad."


@dataclass(frozen=True)
class Recipient:
    name: str
    address: str
    person: Person | None = None


def invitation_recipients(meeting: Meeting) -> list[Recipient]:
    """Everyone called to the meeting: ordinarie and ersättare of its bodies."""
    rows = meeting.attendance.select_related("person").order_by("person__name")
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
    dispatch = _dispatch(
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
    return _dispatch(meeting, Dispatch.Kind.MINUTES, subject, recipients, by)


@transaction.atomic
def send_approval_request(meeting: Meeting, *, people: list[Person], by) -> Dispatch:
    """Each named justerare gets a link to the page where they approve in their own account."""
    day = formats.date_format(meeting.date, "j F Y")
    recipients = [Recipient(p.name, p.email, p) for p in people]
    subject = f"Justering: {meeting.title} {day}"
    return _dispatch(meeting, Dispatch.Kind.APPROVAL, subject, recipients, by)


def _dispatch(meeting, kind, subject, recipients: list[Recipient], by) -> Dispatch:
    dispatch = Dispatch.objects.create(
        meeting=meeting, kind=kind, subject=subject, sent_by=by if by else None
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


@transaction.atomic
def resend_failed(dispatch: Dispatch) -> int:
    """Queue again what failed (with an address) or was left waiting; returns how many."""
    count = dispatch.resendable().update(status=Delivery.Status.QUEUED, error="")
    if count:
        deliver.enqueue(dispatch.pk)
    return count


@task()
def deliver(dispatch_id: int) -> None:
    """Send every waiting delivery of the dispatch over one SMTP connection, logging each."""
    dispatch = Dispatch.objects.select_related("meeting").get(pk=dispatch_id)
    waiting = list(dispatch.deliveries.filter(status=Delivery.Status.QUEUED))
    if not waiting:
        return
    body, attachments = _content(dispatch)
    connection = get_connection()
    try:
        for delivery in waiting:
            message = EmailMessage(
                subject=dispatch.subject,
                body=body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[delivery.address],
                reply_to=_reply_to(dispatch),
                connection=connection,
            )
            for attachment in attachments:
                message.attach(*attachment)
            delivery.attempts += 1
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
                delivery.save(update_fields=["status", "error", "attempts", "sent_at"])
    finally:
        connection.close()


def _reply_to(dispatch: Dispatch) -> list[str]:
    """Answers go to whoever sent it, when they have an address."""
    person = getattr(dispatch.sent_by, "person", None)
    return [person.email] if person and person.email else []


def _failed(delivery: Delivery, error: str) -> None:
    delivery.status, delivery.error = Delivery.Status.FAILED, error[:1000]
    delivery.save(update_fields=["status", "error", "attempts"])


def _decode(reason) -> str:
    return reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)


def _describe(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {_decode(error.smtp_error)}"
    return f"{type(error).__name__}: {error}"


def _content(dispatch: Dispatch) -> tuple[str, list[tuple]]:
    meeting = dispatch.meeting
    url = settings.SITE_URL.rstrip("/") + meeting.get_absolute_url()
    day = f"{meeting.date:%Y-%m-%d}"
    if dispatch.kind == Dispatch.Kind.INVITATION:
        attachments = [
            (f"kallelse-{day}.pdf", invitation_pdf(meeting), "application/pdf"),
            ("inbjudan.ics", invitation_for(meeting), "text/calendar; method=PUBLISH"),
        ]
        for item in meeting.items.prefetch_related("attachments"):
            for attachment in item.attachments.all():
                try:
                    with attachment.file.open("rb") as file:
                        attachments.append((attachment.name, file.read(), None))
                except FileNotFoundError:  # a lost file must not stop the kallelse
                    continue
        template = "publishing/mail/invitation.txt"
    elif dispatch.kind == Dispatch.Kind.APPROVAL:
        url = settings.SITE_URL.rstrip("/") + reverse("minutes:sign_off", args=[meeting.pk])
        attachments = []
        template = "publishing/mail/approval_request.txt"
    else:
        attachments = [(f"minnesanteckningar-{day}.pdf", minutes_pdf(meeting), "application/pdf")]
        template = "publishing/mail/minutes.txt"
    body = render_to_string(
        template, {"meeting": meeting, "url": url, "items": meeting.items.all()}
    )
    return body, attachments
