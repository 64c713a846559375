"""Writing minutes safely: notes with conflict detection, decisions, approval and corrections."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.meetings.models import AgendaItem, Meeting
from samverkan.meetings.services import mark_held
from samverkan.minutes.models import Decision, Minutes, Note, Version


class EditConflict(Exception):
    """Someone else saved the same note first; carries their text."""

    def __init__(self, note: Note):
        super().__init__(_("Någon annan har sparat den här punkten medan du skrev."))
        self.note = note


def minutes_for(meeting: Meeting) -> Minutes:
    if meeting.is_cancelled:
        raise ValidationError(_("Ett inställt möte har inga minnesanteckningar."))
    minutes, _created = Minutes.objects.get_or_create(meeting=meeting)
    return minutes


def _check_open(minutes: Minutes) -> None:
    if minutes.is_locked:
        raise ValidationError(_("Minnesanteckningarna är justerade och låsta."))


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
    mark_held(minutes.meeting)
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
    decision = Decision.objects.create(minutes=minutes, item=item, text=text.strip())
    mark_held(minutes.meeting)
    return decision


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
    return {
        "items": [
            {
                "title": item.title,
                "kind": item.kind,
                "notes": notes.get(item.pk, ""),
                "decisions": decisions.get(item.pk, []),
            }
            for item in minutes.meeting.items.all()
        ],
    }


@transaction.atomic
def approve(
    minutes: Minutes, *, by, approval: str = Minutes.Approval.BY_PERSONS, approvers=()
) -> Version:
    _check_open(minutes)
    minutes.approval = approval
    minutes.save(update_fields=["approval"])
    minutes.approvers.set(approvers)
    now = timezone.now()
    minutes.approved_at, minutes.approved_by = now, by
    minutes.save(update_fields=["approved_at", "approved_by"])
    version = Version.objects.create(
        minutes=minutes, number=minutes.version, approved_at=now, content=snapshot(minutes)
    )
    meeting = minutes.meeting
    meeting.state = Meeting.State.APPROVED
    meeting.save(update_fields=["state"])
    return version


@transaction.atomic
def start_correction(minutes: Minutes) -> Minutes:
    """Reopen approved minutes as a new version; the approved one stays readable."""
    if not minutes.is_locked:
        raise ValidationError(_("Minnesanteckningarna är inte justerade ännu."))
    minutes.version += 1
    minutes.approved_at = None
    minutes.approved_by = None
    minutes.save(update_fields=["version", "approved_at", "approved_by"])
    meeting = minutes.meeting
    meeting.state = Meeting.State.HELD
    meeting.save(update_fields=["state"])
    return minutes
