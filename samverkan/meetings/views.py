"""Meeting pages: the meeting, its invitation, agenda, attendance, cancel and move."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.directory import permissions
from samverkan.directory.revisions import EditConflict
from samverkan.meetings import proposals, services, substitutes
from samverkan.meetings.forms import (
    AgendaItemForm,
    AnswerForm,
    AttendanceForm,
    CancelForm,
    MoveForm,
)
from samverkan.meetings.models import Attachment, Meeting
from samverkan.pages import act, form_page


def visible_meeting(request, pk) -> Meeting:
    """The meeting the user may read, with its bodies, or a 404."""
    queryset = Meeting.objects.visible_to(request.user).prefetch_related("bodies")
    return get_object_or_404(queryset, pk=pk)


def meeting_detail(request, pk):
    meeting = visible_meeting(request, pk)
    items = meeting.items.prefetch_related(
        "responsible",
        "attachments",
        "report_backs__owner_people",
        "report_backs__owner_bodies",
        "report_backs__due_body",
        "report_backs__meeting__bodies",
        "proposal__from_meeting__bodies",
        "decisions",
    )
    me = permissions.member_person(request.user, meeting)
    context = {
        "meeting": meeting,
        "items": items,
        "attendance": meeting.attendance.select_related("person__organisation", "substitute"),
        "show_answers": permissions.can_see_answers(request.user, meeting),
        "can_read_minutes": permissions.can_read_minutes(request.user, meeting),
        "can_read_original": permissions.can_read_original(request.user, meeting),
        "can_edit": permissions.can_edit_meeting(request.user, meeting),
        "can_edit_agenda": permissions.can_edit_agenda(request.user, meeting),
        "can_write": permissions.can_write_minutes(request.user, meeting),
        "my_answer": meeting.attendance.filter(person=me).first() if me else None,
        "answer_form": AnswerForm() if me and meeting.can_be_answered else None,
        "calls": meeting.substitute_calls.with_answers(),
        **proposals.page_context(request.user, meeting),
    }
    return render(request, "meetings/meeting_detail.html", context)


def invitation(request, pk):
    meeting = visible_meeting(request, pk)
    context = {
        "meeting": meeting,
        "items": meeting.items.prefetch_related("responsible", "attachments"),
        "recipients": meeting.attendance.select_related("person__organisation"),
        "can_send": permissions.can_edit_meeting(request.user, meeting)
        and not meeting.is_cancelled
        and not meeting.is_held,
    }
    return render(request, "meetings/invitation.html", context)


def attachment(request, pk, attachment_pk):
    """An agenda item's attachment, for those who may read the meeting."""
    meeting = visible_meeting(request, pk)
    found = get_object_or_404(Attachment, pk=attachment_pk, item__meeting=meeting)
    return FileResponse(found.file.open("rb"), as_attachment=True, filename=found.name)


def meeting_cancel(request, pk):
    meeting = visible_meeting(request, pk)
    permissions.require(permissions.can_edit_meeting(request.user, meeting))
    form = CancelForm(request.POST or None)
    if form.is_valid():
        try:
            services.cancel_meeting(meeting, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Mötet är inställt."))
            return redirect(meeting)
    return form_page(
        request,
        form,
        heading=_("Ställ in mötet"),
        submit=_("Ställ in"),
        back=meeting.get_absolute_url(),
    )


def meeting_move(request, pk):
    meeting = visible_meeting(request, pk)
    permissions.require(permissions.can_edit_meeting(request.user, meeting))
    form = MoveForm(
        request.POST or None,
        initial={"date": meeting.date, "start": meeting.start, "end": meeting.end},
    )
    if form.is_valid():
        try:
            services.move_meeting(meeting, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Mötet är flyttat."))
            return redirect(meeting)
    return form_page(
        request,
        form,
        heading=_("Flytta mötet"),
        submit=_("Flytta"),
        back=meeting.get_absolute_url(),
    )


def item_add(request, pk):
    meeting = visible_meeting(request, pk)
    permissions.require(permissions.can_edit_agenda(request.user, meeting))
    people = meeting.called()
    form = AgendaItemForm(request.POST or None, request.FILES or None, people=people)
    if form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                item = services.add_item(
                    meeting,
                    title=data["title"],
                    kind=data["kind"],
                    responsible=data["responsible"],
                    description=data["description"],
                )
                form.save_attachment(item)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Punkten har lagts till."))
            return redirect(meeting)
    return form_page(
        request,
        form,
        heading=_("Ny punkt på dagordningen"),
        submit=_("Lägg till"),
        back=meeting.get_absolute_url(),
    )


def item_edit(request, pk, item_pk):
    meeting = visible_meeting(request, pk)
    permissions.require(permissions.can_edit_agenda(request.user, meeting))
    item = get_object_or_404(meeting.items, pk=item_pk)
    people = meeting.called()
    form = AgendaItemForm(request.POST or None, request.FILES or None, people=people, instance=item)
    if form.is_valid():
        try:
            with transaction.atomic():
                services.check_item_editable(item)
                form.save_attachment(form.save())
        except ValidationError as error:
            form.add_error(None, error)
        except EditConflict:
            pass  # the form shows the saved values beside the fields
        else:
            messages.success(request, _("Punkten är ändrad."))
            return redirect(meeting)
    return form_page(
        request,
        form,
        heading=_("Ändra punkt på dagordningen"),
        submit=_("Spara"),
        back=meeting.get_absolute_url(),
    )


@require_POST
def item_remove(request, pk, item_pk):
    meeting = visible_meeting(request, pk)
    permissions.require(permissions.can_edit_agenda(request.user, meeting))
    item = get_object_or_404(meeting.items, pk=item_pk)
    act(
        request,
        lambda: services.remove_item(item),
        done=_("Punkten är borttagen från dagordningen."),
    )
    return redirect(meeting)


@require_POST
def item_move(request, pk, item_pk):
    meeting = visible_meeting(request, pk)
    permissions.require(permissions.can_edit_agenda(request.user, meeting))
    item = get_object_or_404(meeting.items, pk=item_pk)
    up = request.POST.get("up") == "1"
    act(request, lambda: services.move_item(item, up=up), done=_("Punkten är flyttad."))
    return redirect(f"{meeting.get_absolute_url()}#punkt-{item.pk}")


@require_POST
def mark_held(request, pk):
    meeting = visible_meeting(request, pk)
    permissions.require(permissions.can_edit_meeting(request.user, meeting))
    act(request, lambda: services.mark_held(meeting), done=_("Mötet är markerat som genomfört."))
    return redirect(meeting)


@login_required
def answer(request, pk):
    meeting = visible_meeting(request, pk)
    me = permissions.member_person(request.user, meeting)
    permissions.require(me is not None and meeting.can_be_answered)
    form = AnswerForm(request.POST or None, people=substitutes.substitute_choices(meeting, me))
    if form.is_valid():
        services.set_attendance(meeting, me, **form.cleaned_data)
        messages.success(request, _("Tack, ditt svar är sparat."))
        return redirect(meeting)
    return form_page(
        request,
        form,
        heading=_("Kommer du?"),
        submit=_("Skicka svar"),
        back=meeting.get_absolute_url(),
    )


def attendance(request, pk):
    meeting = visible_meeting(request, pk)
    permissions.require(permissions.can_write_minutes(request.user, meeting))
    rows = list(meeting.attendance.select_related("person"))
    form = AttendanceForm(request.POST or None, rows=rows)
    if form.is_valid():
        statuses = {row.person_id: form.cleaned_data[f"p{row.person_id}"] for row in rows}
        try:
            services.record_attendance(meeting, statuses)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Närvaron är sparad."))
            return redirect(meeting)
    return form_page(
        request,
        form,
        heading=_("Närvaro"),
        submit=_("Spara närvaro"),
        back=meeting.get_absolute_url(),
    )
