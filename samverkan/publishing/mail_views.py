"""Sending the kallelse, publishing and sending minutes, the delivery log, distribution lists."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from samverkan.directory import audit, permissions
from samverkan.directory.models import Body
from samverkan.meetings.models import Meeting
from samverkan.minutes.forms import RequestApprovalForm
from samverkan.minutes.services import minutes_for
from samverkan.minutes.services import request_approval as ask_justerare
from samverkan.pages import form_page
from samverkan.publishing import identity_numbers, mailing, notices
from samverkan.publishing.archive import publish
from samverkan.publishing.forms import DistributionListForm, PublishForm
from samverkan.publishing.models import Delivery, Dispatch, DistributionList


def _editable_meeting(request, pk) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user), pk=pk)
    permissions.require(permissions.can_edit_meeting(request.user, meeting))
    return meeting


def _log_url(meeting: Meeting) -> str:
    return reverse("publishing:dispatches", args=[meeting.pk])


def send_invitation(request, pk):
    meeting = _editable_meeting(request, pk)
    recipients = mailing.invitation_recipients(meeting)
    if request.method == "POST":
        try:
            dispatch = mailing.send_invitation(meeting, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(meeting)
        count = dispatch.deliveries.filter(status=Delivery.Status.QUEUED).count()
        messages.success(
            request,
            ngettext(
                "Kallelsen skickas till %(n)d mottagare.",
                "Kallelsen skickas till %(n)d mottagare.",
                count,
            )
            % {"n": count},
        )
        return redirect(_log_url(meeting))
    context = {
        "meeting": meeting,
        "recipients": recipients,
        "without_address": [r for r in recipients if not r.address],
        "earlier": meeting.dispatches.filter(kind=Dispatch.Kind.INVITATION).first(),
    }
    return render(request, "publishing/send_invitation.html", context)


@require_POST
def send_update(request, pk):
    """ "Skicka uppdaterad kallelse": the changed agenda to everyone called."""
    meeting = _editable_meeting(request, pk)
    try:
        notices.send_update(meeting, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(meeting)
    messages.success(request, _("Den uppdaterade kallelsen skickas."))
    return redirect(_log_url(meeting))


@require_POST
def request_approval(request, pk):
    """ "Begär justering": the named justerare are asked, each by e-mail with a link."""
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user), pk=pk)
    permissions.require(permissions.can_write_minutes(request.user, meeting))
    minutes = minutes_for(meeting)
    people = meeting.called()
    form = RequestApprovalForm(request.POST, people=people)
    back = f"{minutes.get_absolute_url()}#approve-h"
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(back)
    chosen = list(form.cleaned_data["approvers"])
    try:
        with transaction.atomic():
            ask_justerare(minutes, people=chosen, by=request.user)
            mailing.send_approval_request(meeting, people=chosen, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        names = ", ".join(p.name for p in chosen)
        messages.success(
            request, _("Justering är begärd av %(names)s. De får ett e-brev.") % {"names": names}
        )
    return redirect(back)


def publish_minutes(request, pk):
    meeting = _editable_meeting(request, pk)
    suspects = identity_numbers.places(meeting)
    form = PublishForm(request.POST or None, meeting=meeting, identity_numbers=suspects)
    if form.is_valid():
        to_members = form.cleaned_data["to_members"]
        lists = list(form.cleaned_data.get("lists") or [])
        try:
            publish(meeting, by=request.user, to_members=to_members, lists=lists)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Minnesanteckningarna är publicerade."))
            return redirect(_log_url(meeting) if to_members or lists else meeting)
    public = all(body.is_public for body in meeting.bodies.all())
    return form_page(
        request,
        form,
        heading=_("Publicera minnesanteckningarna"),
        submit=_("Publicera"),
        back=meeting.get_absolute_url(),
        intro=_(
            "De justerade minnesanteckningarna visas i det öppna arkivet och kan sökas av alla. "
            "E-posten har dem som PDF."
        )
        if public
        else _(
            "Organet är internt: minnesanteckningarna visas inte i det öppna arkivet, bara för "
            "organets ledamöter. E-posten har dem som PDF."
        ),
    )


def dispatches(request, pk):
    meeting = _editable_meeting(request, pk)
    context = {
        "meeting": meeting,
        "dispatches": meeting.dispatches.prefetch_related("deliveries").select_related(
            "sent_by__person"
        ),
    }
    return render(request, "publishing/dispatches.html", context)


@require_POST
def resend(request, pk, dispatch_pk):
    meeting = _editable_meeting(request, pk)
    dispatch = get_object_or_404(meeting.dispatches, pk=dispatch_pk)
    count = mailing.resend_failed(dispatch)
    messages.success(
        request,
        ngettext("%(n)d meddelande skickas igen.", "%(n)d meddelanden skickas igen.", count)
        % {"n": count},
    )
    return redirect(_log_url(meeting))


def distribution_lists(request, pk):
    body = get_object_or_404(Body.objects.visible_to(request.user), pk=pk)
    permissions.require(permissions.can_edit_body(request.user, body))
    form = DistributionListForm(request.POST or None, instance=DistributionList(body=body))
    if form.is_valid():
        form.save()
        messages.success(request, _("Sändlistan är sparad."))
        return redirect("publishing:lists", pk=body.pk)
    context = {
        "body": body,
        "lists": body.distribution_lists.all(),
        "form": form,
        "changes": audit.changes(
            (_("Sändlista"), DistributionList.history.filter(body_id=body.pk))
        ),
    }
    return render(request, "publishing/distribution_lists.html", context)


def distribution_list_edit(request, pk):
    distribution_list = get_object_or_404(DistributionList.objects.select_related("body"), pk=pk)
    body = distribution_list.body
    permissions.require(permissions.can_edit_body(request.user, body))
    back = reverse("publishing:lists", args=[body.pk])
    form = DistributionListForm(request.POST or None, instance=distribution_list)
    if form.is_valid():
        form.save()
        messages.success(request, _("Sändlistan är sparad."))
        return redirect(back)
    return form_page(request, form, heading=_("Ändra sändlista"), submit=_("Spara"), back=back)


@require_POST
def distribution_list_delete(request, pk):
    distribution_list = get_object_or_404(DistributionList.objects.select_related("body"), pk=pk)
    permissions.require(permissions.can_edit_body(request.user, distribution_list.body))
    distribution_list.delete()
    messages.success(request, _("Sändlistan är borttagen."))
    return redirect("publishing:lists", pk=distribution_list.body.pk)
