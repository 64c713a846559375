"""Writing minutes safely: notes with conflict detection, decisions, approval and corrections."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.directory.models import Person
from samverkan.meetings import paragraphs
from samverkan.meetings.models import AgendaItem, Meeting
from samverkan.minutes.models import Decision, Minutes, Note, SignOff, Version
from samverkan.minutes.signals import version_approved


class EditConflict(Exception):
    """Someone else saved the same note first; carries their text."""

    def __init__(self, note: Note):
        super().__init__(_("Någon annan har sparat den här punkten medan du skrev."))
        self.note = note


def minutes_for(meeting: Meeting) -> Minutes:
    if meeting.is_cancelled:
        raise ValidationError(_("Ett inställt möte har inga minnesanteckningar."))
    minutes, _created = Minutes.objects.get_or_create(meeting=meeting)
    minutes.meeting = meeting  # the caller's meeting, with what it has loaded
    return minutes


def _check_open(minutes: Minutes) -> None:
    """Refused once justering is asked for or given: the meeting's lifecycle says why."""
    minutes.meeting.check_open_for_edits()
    if minutes.is_locked:
        raise ValidationError(
            _("Minnesanteckningarna är justerade och låsta. Välj Rätta (ny version) för att ändra.")
        )


@transaction.atomic
def save_note(minutes: Minutes, item: AgendaItem, *, text: str, revision: int) -> Note:
    """Save a note unless it changed since `revision` was read; then raise EditConflict."""
    _check_open(minutes)
    note, _created = Note.objects.select_for_update().get_or_create(minutes=minutes, item=item)
    if note.revision != revision and note.text != text:
        raise EditConflict(note)
    note.text = text
    note.revision += 1
    note.save()
    return note


class Resolution:
    """What a writer does after a conflict: keep their text, take the saved one, or both."""

    MINE = "mine"
    THEIRS = "theirs"
    BOTH = "both"


@transaction.atomic
def resolve_conflict(
    minutes: Minutes, item: AgendaItem, *, mine: str, choice: str, base: int
) -> Note:
    """Save the writer's choice over the text they compared (revision `base`); a newer save
    made meanwhile is a new conflict. Both texts are kept with the saved one first."""
    note, _created = Note.objects.select_for_update().get_or_create(minutes=minutes, item=item)
    texts = {
        Resolution.MINE: mine,
        Resolution.THEIRS: note.text,
        Resolution.BOTH: "\n\n".join(t for t in (note.text.rstrip(), mine.strip()) if t),
    }
    if choice not in texts:
        raise ValidationError(_("Välj vilken text som ska sparas."))
    if note.revision != base:
        raise EditConflict(note)
    return save_note(minutes, item, text=texts[choice], revision=base)


@transaction.atomic
def add_decision(minutes: Minutes, *, text: str, item: AgendaItem | None) -> Decision:
    _check_open(minutes)
    if not text.strip():
        raise ValidationError(_("Skriv vad som beslutades."))
    return Decision.objects.create(minutes=minutes, item=item, text=text.strip())


@transaction.atomic
def edit_decision(decision: Decision, *, text: str) -> Decision:
    _check_open(decision.minutes)
    if not text.strip():
        raise ValidationError(_("Skriv vad som beslutades."))
    decision.text = text.strip()
    decision.save(update_fields=["text"])
    return decision


@transaction.atomic
def remove_decision(decision: Decision) -> None:
    """Remove a decision before justering; its history keeps what it said."""
    _check_open(decision.minutes)
    decision.delete()


def snapshot(minutes: Minutes) -> dict:
    notes = {n.item_id: n.text for n in minutes.notes.all()}
    decisions: dict[int | None, list[str]] = {}
    for decision in minutes.decisions.all():
        decisions.setdefault(decision.item_id, []).append(decision.text)
    meeting = minutes.meeting
    items = list(meeting.items.all())
    labels = paragraphs.labels(meeting, items)
    return {
        "items": [
            {
                "number": labels[item.pk],
                "title": item.title,
                "kind": item.kind,
                "notes": notes.get(item.pk, ""),
                "decisions": decisions.get(item.pk, []),
            }
            for item in items
        ],
    }


@transaction.atomic
def approve(
    minutes: Minutes, *, by, approval: str = Minutes.Approval.ON_PAPER, approvers=()
) -> Version:
    """The secretary records a justering made outside Samverkan: on paper, or at next meeting.

    Named justerare approve in their own accounts instead (request_approval, sign_off).
    """
    if approval == Minutes.Approval.BY_PERSONS:
        raise ValidationError(_("Justerarna justerar själva: välj Begär justering."))
    _check_open(minutes)
    if approval == Minutes.Approval.NEXT_MEETING:
        approvers = ()
    return _lock(minutes, by=by, approval=approval, approvers=approvers)


def _lock(minutes: Minutes, *, by, approval: str, approvers) -> Version:
    # read once for the numbering, the snapshot and the documents of the approved version
    prefetch_related_objects([minutes.meeting], "bodies")
    minutes.approval = approval
    minutes.approved_at, minutes.approved_by = timezone.now(), by
    minutes.save(update_fields=["approval", "approved_at", "approved_by"])
    minutes.approvers.set(approvers)
    minutes.meeting.mark_approved()
    paragraphs.assign(minutes.meeting)
    content = snapshot(minutes)
    content["approval"] = minutes.approval_lines()
    version = Version.objects.create(
        minutes=minutes, number=minutes.version, approved_at=minutes.approved_at, content=content
    )
    version_approved.send(sender=Version, version=version)
    return version


@transaction.atomic
def request_approval(minutes: Minutes, *, people: list[Person], by) -> list[SignOff]:
    """Ask the named justerare to approve; the minutes wait (unchanged) until they answer."""
    if not people:
        raise ValidationError(_("Välj vem som justerar, eller justera vid nästa möte."))
    invited = set(minutes.meeting.attendance.values_list("person_id", flat=True))
    if any(p.pk not in invited for p in people):
        raise ValidationError(_("Justerare väljs bland mötets kallade och närvarande."))
    if without := [p.name for p in people if not p.can_sign_in]:
        raise ValidationError(
            _(
                "%(names)s har inget konto i Samverkan och kan inte justera här. "
                "Be en administratör skapa ett konto, eller registrera en justering på papper."
            )
            % {"names": ", ".join(without)}
        )
    _check_open(minutes)
    minutes.meeting.mark_awaiting_approval()
    minutes.approval = Minutes.Approval.BY_PERSONS
    minutes.save(update_fields=["approval"])
    minutes.approvers.set(people)
    now = timezone.now()
    return [
        SignOff.objects.create(
            minutes=minutes, version=minutes.version, person=p, requested_at=now, requested_by=by
        )
        for p in people
    ]


def _answerable(signoff: SignOff) -> None:
    current = signoff.minutes.current_signoffs().filter(pk=signoff.pk).exists()
    if not (current and signoff.is_waiting and signoff.minutes.meeting.awaits_approval):
        raise ValidationError(_("Den här begäran om justering är inte öppen längre."))


@transaction.atomic
def sign_off(signoff: SignOff) -> Version | None:
    """The justerare approves; when all named have, the minutes lock (returns the version)."""
    # the minutes row is locked first, so two justerare approving at once see each other
    Minutes.objects.select_for_update().filter(pk=signoff.minutes_id).first()
    signoff = SignOff.objects.select_for_update().get(pk=signoff.pk)
    _answerable(signoff)
    now = timezone.now()
    signoff.status, signoff.approved_at, signoff.answered_at = SignOff.Status.APPROVED, now, now
    signoff.save(update_fields=["status", "approved_at", "answered_at"])
    minutes = signoff.minutes
    if minutes.current_signoffs().filter(status=SignOff.Status.WAITING).exists():
        return None
    return _lock(
        minutes,
        by=signoff.person.user,
        approval=Minutes.Approval.BY_PERSONS,
        approvers=[s.person for s in minutes.current_signoffs()],
    )


@transaction.atomic
def send_back(signoff: SignOff, *, comment: str) -> None:
    """The justerare wants changes: the comment goes to the secretary, the minutes reopen."""
    if not comment.strip():
        raise ValidationError(_("Skriv vad som behöver ändras."))
    Minutes.objects.select_for_update().filter(pk=signoff.minutes_id).first()
    signoff = SignOff.objects.select_for_update().get(pk=signoff.pk)
    _answerable(signoff)
    minutes = signoff.minutes
    _close_request(minutes)
    signoff.status, signoff.comment = SignOff.Status.RETURNED, comment.strip()
    signoff.answered_at = timezone.now()
    signoff.save(update_fields=["status", "comment", "answered_at"])


@transaction.atomic
def withdraw_request(minutes: Minutes) -> None:
    """The secretary takes the request back to edit; a new request asks everyone again."""
    if not minutes.meeting.awaits_approval:
        raise ValidationError(_("Ingen justering är begärd."))
    _close_request(minutes)


def _close_request(minutes: Minutes) -> None:
    minutes.current_signoffs().update(status=SignOff.Status.WITHDRAWN)
    minutes.meeting.mark_sent_back()


@transaction.atomic
def start_correction(minutes: Minutes) -> Minutes:
    """Reopen approved minutes as a new version; the approved one stays readable (and public)."""
    if not minutes.is_locked:
        raise ValidationError(_("Minnesanteckningarna är inte justerade ännu."))
    minutes.meeting.reopen_for_correction()
    minutes.version += 1
    minutes.approved_at = None
    minutes.approved_by = None
    minutes.save(update_fields=["version", "approved_at", "approved_by"])
    return minutes
