"""Items one body proposes for another body's meeting: propose, accept, move, decline."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.directory import permissions
from samverkan.directory.models import Person
from samverkan.meetings.models import Meeting, Proposal
from samverkan.meetings.services import add_item

COMING = (Meeting.State.PLANNED, Meeting.State.INVITED)


def targets(user, meeting: Meeting):
    """The coming meetings of other bodies that `user` may propose items to from `meeting`."""
    return (
        Meeting.objects.filter(permissions.proposal_target_filter(user, meeting))
        .filter(state__in=COMING, date__gte=timezone.localdate())
        .prefetch_related("bodies")
        .order_by("date", "start", "pk")
        .distinct()
    )


def default_target(meeting: Meeting, choices) -> Meeting | None:
    """The parent body's next meeting, the usual receiver of a group's proposals."""
    parents = {body.parent_id for body in meeting.bodies.all()} - {None}
    return choices.filter(bodies__in=parents).first()


def people_for(meeting: Meeting, choices):
    """Who may be named responsible: those called to the proposing or a receiving meeting."""
    return (
        Person.objects.filter(
            Q(attendance__meeting=meeting) | Q(attendance__meeting__in=choices.values("pk"))
        )
        .distinct()
        .order_by("name")
    )


def _check_target(from_meeting: Meeting, to_meeting: Meeting) -> None:
    if to_meeting.is_cancelled or to_meeting.is_held or to_meeting.state not in COMING:
        raise ValidationError(
            _("Mötet har redan hållits eller är inställt; välj ett kommande möte.")
        )
    if set(to_meeting.bodies.all()) & set(from_meeting.bodies.all()):
        raise ValidationError(_("Välj ett möte i ett annat organ."))


@transaction.atomic
def propose(
    from_meeting: Meeting, *, to_meeting: Meeting, title: str, kind: str, responsible=(), note=""
) -> Proposal:
    if not title.strip():
        raise ValidationError(_("Skriv vad punkten gäller."))
    _check_target(from_meeting, to_meeting)
    proposal = Proposal.objects.create(
        from_meeting=from_meeting, to_meeting=to_meeting, title=title.strip(), kind=kind, note=note
    )
    proposal.responsible.set(responsible)
    return proposal


def _check_pending(proposal: Proposal) -> None:
    if not proposal.is_pending:
        raise ValidationError(_("Förslaget är redan besvarat."))


def _answered(proposal: Proposal, status: str, answer: str) -> Proposal:
    proposal.status, proposal.answer = status, answer.strip()
    proposal.answered_at = timezone.now()
    proposal.save()
    return proposal


@transaction.atomic
def accept(proposal: Proposal, *, answer: str = "") -> Proposal:
    """The item lands last on the receiving agenda, linked to the proposal it came from."""
    _check_pending(proposal)
    proposal.item = add_item(
        proposal.to_meeting,
        title=proposal.title,
        kind=proposal.kind,
        responsible=list(proposal.responsible.all()),
        description=proposal.note,
    )
    return _answered(proposal, Proposal.Status.ACCEPTED, answer)


@transaction.atomic
def decline(proposal: Proposal, *, answer: str) -> Proposal:
    _check_pending(proposal)
    if not answer.strip():
        raise ValidationError(
            _("Skriv varför förslaget avböjs, så att det föreslagande organet vet.")
        )
    return _answered(proposal, Proposal.Status.DECLINED, answer)


@transaction.atomic
def move(proposal: Proposal, *, to: Meeting, answer: str = "") -> Proposal:
    """To a later meeting of the same body, where it waits for an answer again."""
    _check_pending(proposal)
    if to.pk == proposal.to_meeting_id or not set(to.bodies.all()) & set(
        proposal.to_meeting.bodies.all()
    ):
        raise ValidationError(_("Välj ett annat möte i samma organ."))
    _check_target(proposal.from_meeting, to)
    proposal.moved_from, proposal.to_meeting = proposal.to_meeting, to
    proposal.answer = answer.strip()
    proposal.save()
    return proposal


def page_context(user, meeting: Meeting) -> dict:
    """What a meeting page shows of proposals: those to answer here, those made here and what
    became of the proposals made at the body's previous meeting."""
    related = ("from_meeting__bodies", "to_meeting__bodies", "moved_from", "responsible", "item")
    takes_part = permissions.takes_part(user, meeting)
    answers = permissions.can_edit_agenda(user, meeting) and meeting.is_open_for_edits
    return {
        "can_propose": permissions.can_propose(user, meeting),
        "show_origin": takes_part,
        "proposals_in": meeting.proposals.pending().prefetch_related(*related) if answers else [],
        "proposals_made": meeting.proposals_made.prefetch_related(*related) if takes_part else [],
        "proposals_back": (
            Proposal.objects.reported_at(meeting).prefetch_related(*related) if takes_part else []
        ),
    }
