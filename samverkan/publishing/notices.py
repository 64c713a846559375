"""Mail that follows what happens: a meeting moved or cancelled, an ersättare called in, an
updated kallelse, an assignment given or changed. Each goes through the logged Dispatch.

The meetings and follow-up apps send signals (`meetings.events`, `followup.events`) inside
the transaction of the change; the receivers here only record and queue, so the mail is
kept or dropped with the change.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import formats
from django.utils.translation import gettext as _

from samverkan.directory.models import Person
from samverkan.followup.events import AssignmentState, assignment_changed
from samverkan.followup.models import Assignment
from samverkan.meetings.events import meeting_cancelled, meeting_moved, substitute_called
from samverkan.meetings.models import Meeting, SubstituteCall
from samverkan.publishing.mail_content import site_url
from samverkan.publishing.mailing import Recipient, agenda_as_sent, invitation_recipients, queue
from samverkan.publishing.models import Delivery, Dispatch


def _day(date) -> str:
    return formats.date_format(date, "j F Y")


def _when(date, start) -> str:
    text = formats.date_format(date, "l j F Y")
    return f"{text} kl. {start:%H.%M}" if start else text


def invited(meeting: Meeting) -> list[Recipient]:
    """Everyone a kallelse of this meeting went to (one each), still taking part."""
    rows = (
        Delivery.objects.filter(dispatch__meeting=meeting, dispatch__kind__in=Dispatch.INVITING)
        .exclude(address="")
        .filter(Q(person__isnull=True) | Q(person__in=Person.objects.reachable()))
        .select_related("person")
        .order_by("name", "pk")
    )
    recipients: dict[str, Recipient] = {}
    for row in rows:
        recipients.setdefault(row.address.lower(), Recipient(row.name, row.address, row.person))
    return list(recipients.values())


@receiver(meeting_moved, dispatch_uid="notices_meeting_moved")
def tell_moved(sender, meeting: Meeting, moved_from, **kwargs) -> None:
    recipients = invited(meeting)
    if not recipients:
        return
    old_date, old_start, _old_end = moved_from
    text = _("Mötet är flyttat från %(old)s till %(new)s.") % {
        "old": _when(old_date, old_start),
        "new": _when(meeting.date, meeting.start),
    }
    subject = _("Flyttat: %(title)s %(day)s (var %(old)s)") % {
        "title": meeting.title,
        "day": _day(meeting.date),
        "old": _day(old_date),
    }
    queue(meeting, Dispatch.Kind.MOVED, subject, recipients, text=text)


@receiver(meeting_cancelled, dispatch_uid="notices_meeting_cancelled")
def tell_cancelled(sender, meeting: Meeting, **kwargs) -> None:
    recipients = invited(meeting)
    if not recipients:
        return
    text = _("Mötet %(when)s är inställt: %(reason)s") % {
        "when": _when(meeting.date, meeting.start),
        "reason": meeting.cancel_reason,
    }
    subject = _("Inställt: %(title)s %(day)s") % {"title": meeting.title, "day": _day(meeting.date)}
    queue(meeting, Dispatch.Kind.CANCELLED, subject, recipients, text=text)


@receiver(substitute_called, dispatch_uid="notices_substitute_called")
def call_substitute(sender, call: SubstituteCall, **kwargs) -> None:
    meeting, person = call.meeting, call.substitute
    text = _("Du kallas i stället för %(member)s, som inte kan komma.") % {
        "member": call.member.name
    }
    subject = _("Kallelse i stället för %(member)s: %(title)s %(day)s") % {
        "member": call.member.name,
        "title": meeting.title,
        "day": _day(meeting.date),
    }
    recipient = Recipient(person.name, person.email, person)
    queue(meeting, Dispatch.Kind.CALLED_IN, subject, [recipient], text=text)


def agenda_changes(meeting: Meeting) -> list[str]:
    """What changed on the agenda since the last kallelse went out; empty if none did."""
    last = meeting.dispatches.filter(
        kind__in=[Dispatch.Kind.INVITATION, Dispatch.Kind.INVITATION_UPDATE]
    ).first()
    if last is None:
        return []
    before = {item["id"]: item for item in last.agenda}
    now = agenda_as_sent(meeting)
    changes = [_("Ny punkt: %s") % item["title"] for item in now if item["id"] not in before]
    current = {item["id"]: item for item in now}
    changes += [_("Borttagen: %s") % b["title"] for i, b in before.items() if i not in current]
    for item in now:
        old = before.get(item["id"])
        if old and old != item:
            changes.append(_("Ändrad: %s") % item["title"])
    kept = [i for i in before if i in current]
    if not changes and kept != [i for i in current if i in before]:
        changes.append(_("Punkterna har fått en ny ordning."))
    return changes


@transaction.atomic
def send_update(meeting: Meeting, *, by) -> Dispatch:
    """ "Skicka uppdaterad kallelse": the new agenda to everyone called, with what changed."""
    if not meeting.can_be_answered:
        raise ValidationError(_("Bara kallelsen till ett kommande möte kan uppdateras."))
    changes = agenda_changes(meeting)
    if not changes:
        raise ValidationError(_("Dagordningen har inte ändrats sedan kallelsen skickades."))
    text = _("Kallelsen är uppdaterad. Det här har ändrats sedan förra kallelsen:") + "\n"
    text += "\n".join(f"- {change}" for change in changes)
    subject = _("Uppdaterad kallelse: %(title)s %(day)s") % {
        "title": meeting.title,
        "day": _day(meeting.date),
    }
    recipients = invitation_recipients(meeting)
    return queue(meeting, Dispatch.Kind.INVITATION_UPDATE, subject, recipients, by, text=text)


@receiver(assignment_changed, dispatch_uid="notices_assignment_changed")
def tell_owners(sender, assignment: Assignment, before: AssignmentState | None, by, **kwargs):
    after = AssignmentState.of(assignment)
    if before == after:
        return
    author = getattr(by, "person", None) if by else None
    told = set(before.people) if before else set()
    for person in assignment.people_to_tell().exclude(pk=getattr(author, "pk", None)):
        new = before is None or person.pk not in told and not _told_through_body(before, person)
        _tell(assignment, person, new=new, before=None if new else before)


def _told_through_body(before: AssignmentState, person: Person) -> bool:
    return person.memberships.current().filter(body__in=before.bodies).exists()


def _tell(assignment: Assignment, person: Person, *, new: bool, before) -> None:
    context = {
        "assignment": assignment,
        "new": new,
        "due_moved": before is not None and before.due_date != assignment.due_date,
        "before": before,
        "url": site_url(assignment.get_absolute_url()),
    }
    text = render_to_string("publishing/mail/assignment.txt", context)
    if new:
        subject = _("Nytt uppdrag: %s") % _short(assignment.text)
    else:
        subject = _("Ändrat uppdrag: %s") % _short(assignment.text)
    kind = Dispatch.Kind.ASSIGNMENT
    queue(
        assignment.meeting, kind, subject, [Recipient(person.name, person.email, person)], text=text
    )


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
