"""Pages for proposing items to another body's meeting and answering such proposals."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.directory import permissions
from samverkan.meetings import proposals
from samverkan.meetings.forms import ProposalAnswerForm, ProposalForm
from samverkan.meetings.models import Meeting
from samverkan.meetings.views import visible_meeting
from samverkan.pages import form_page


def proposal_add(request, pk):
    meeting = visible_meeting(request, pk)
    permissions.require(permissions.can_propose(request.user, meeting))
    choices = proposals.targets(request.user, meeting)
    form = ProposalForm(
        request.POST or None,
        meetings=choices,
        people=proposals.people_for(meeting, choices),
        initial={"to_meeting": proposals.default_target(meeting, choices)},
    )
    if form.is_valid():
        try:
            proposal = proposals.propose(meeting, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Punkten är föreslagen till %(m)s.") % {"m": proposal.to_meeting}
            )
            return redirect(meeting)
    return form_page(
        request,
        form,
        heading=_("Föreslå en punkt till ett annat organ"),
        submit=_("Föreslå"),
        back=meeting.get_absolute_url(),
        intro=_("Mottagarens sekreterare tar upp, flyttar eller avböjer förslaget."),
    )


def proposal_answer(request, pk, proposal_pk):
    meeting = visible_meeting(request, pk)
    proposal = get_object_or_404(meeting.proposals.pending(), pk=proposal_pk)
    permissions.require(permissions.can_answer_proposal(request.user, proposal))
    later = Meeting.objects.filter(
        bodies__in=meeting.bodies.all(),
        state__in=proposals.COMING,
        date__gte=timezone.localdate(),
    ).exclude(pk=meeting.pk)
    form = ProposalAnswerForm(request.POST or None, meetings=later.distinct().order_by("date"))
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["answer"] == form.ACCEPT:
                proposals.accept(proposal, answer=data["comment"])
            elif data["answer"] == form.MOVE:
                proposals.move(proposal, to=data["to"], answer=data["comment"])
            else:
                proposals.decline(proposal, answer=data["comment"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Förslaget är besvarat."))
            return redirect(meeting)
    return form_page(
        request,
        form,
        heading=_("Förslag från %(b)s: %(t)s") % {"b": proposal.from_bodies(), "t": proposal},
        submit=_("Spara svaret"),
        back=meeting.get_absolute_url(),
        intro=proposal.note,
    )
