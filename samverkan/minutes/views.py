"""The minutes editor: notes per item saved as you type, decisions, approval and versions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.directory import permissions
from samverkan.directory.models import Person
from samverkan.meetings.models import Attendance, Meeting
from samverkan.minutes import services
from samverkan.minutes.forms import (
    ApproveForm,
    DecisionForm,
    NoteForm,
    RequestApprovalForm,
    SendBackForm,
)
from samverkan.minutes.models import Decision, Minutes, Note, SignOff
from samverkan.pages import act


def _minutes(request, meeting_pk, *, write: bool) -> Minutes:
    """Writers may open any minutes; readers only minutes that exist (never a cancelled meeting's)."""
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user), pk=meeting_pk)
    readable = not write and not meeting.is_cancelled and hasattr(meeting, "minutes")
    permissions.require(permissions.can_write_minutes(request.user, meeting) or readable)
    return services.minutes_for(meeting)


def editor(request, meeting_pk):
    minutes = _minutes(request, meeting_pk, write=False)
    meeting = minutes.meeting
    can_write = permissions.can_write_minutes(request.user, meeting)
    # drafts are for the writers; members read approved minutes
    permissions.require(minutes.is_locked or can_write)
    notes = {n.item_id: n for n in minutes.notes.all()}
    decisions = list(minutes.decisions.all())
    items = [
        {
            "item": item,
            "note": notes.get(item.pk),
            # a text kept from a save that met someone else's change (without JavaScript)
            "draft": request.session.pop(f"draft-{item.pk}", None),
            "decisions": [d for d in decisions if d.item_id == item.pk],
        }
        for item in meeting.items.prefetch_related("report_backs__owner_people")
    ]
    context = {
        "meeting": meeting,
        "minutes": minutes,
        "items": items,
        "assignments": meeting.assignments.prefetch_related("owner_people", "owner_bodies"),
        "can_write": can_write and meeting.is_open_for_edits and not minutes.is_locked,
        "can_manage_approval": can_write and meeting.awaits_approval,
        "can_correct": minutes.is_locked and permissions.is_secretary_of(request.user, meeting),
        "request_form": RequestApprovalForm(
            initial={"approvers": minutes.approvers.all()}, people=_invited(meeting)
        ),
        "approve_form": ApproveForm(people=_invited(meeting)),
        "signoffs": minutes.current_signoffs(),
        "sent_back": minutes.sent_back().select_related("person"),
        "history": _changes(minutes),
    }
    return render(request, "minutes/editor.html", context)


def _changes(minutes: Minutes) -> list:
    """Who changed the notes and decisions, and when: the audit trail shown on the page."""
    changes = [
        (h.history_date, h.history_user, _("anteckning"), h.item.title if h.item_id else "", h.text)
        for h in Note.history.filter(minutes_id=minutes.pk).select_related("history_user")
    ] + [
        (h.history_date, h.history_user, _("beslut"), h.get_history_type_display(), h.text)
        for h in Decision.history.filter(minutes_id=minutes.pk).select_related("history_user")
    ]
    return sorted(changes, key=lambda c: c[0], reverse=True)[:30]


@require_POST
def note_save(request, meeting_pk, item_pk):
    minutes = _minutes(request, meeting_pk, write=True)
    item = get_object_or_404(minutes.meeting.items, pk=item_pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _note_reply(request, minutes, item, error=_("Texten kunde inte sparas."), status=400)
    try:
        note = services.save_note(
            minutes, item, text=form.cleaned_data["text"], revision=form.cleaned_data["revision"]
        )
    except services.EditConflict as conflict:
        return _note_reply(request, minutes, item, conflict=conflict.note, status=409)
    except ValidationError as error:
        return _note_reply(request, minutes, item, error=" ".join(error.messages), status=400)
    return _note_reply(request, minutes, item, saved=note)


def _note_reply(request, minutes, item, *, saved=None, conflict=None, error=None, status=200):
    if not request.htmx:
        if saved:
            messages.success(request, _("Sparat."))
        else:
            messages.error(
                request,
                error
                or _(
                    "Någon annan har sparat den här punkten medan du "
                    "skrev. Din text finns kvar – jämför och spara igen."
                ),
            )
            request.session[f"draft-{item.pk}"] = request.POST.get("text", "")
        return redirect(f"{minutes.get_absolute_url()}#item-{item.pk}")
    context = {
        "item": item,
        "saved": saved,
        "conflict": conflict,
        "error": error,
        "now": timezone.localtime(),
    }
    return render(request, "minutes/editor.html#note-status", context, status=status)


@require_POST
def decision_add(request, meeting_pk, item_pk):
    minutes = _minutes(request, meeting_pk, write=True)
    item = get_object_or_404(minutes.meeting.items, pk=item_pk)
    form = DecisionForm(request.POST)
    error = None
    if form.is_valid():
        try:
            services.add_decision(minutes, text=form.cleaned_data["text"], item=item)
        except ValidationError as e:
            error = " ".join(e.messages)
    else:
        error = _("Skriv vad som beslutades (högst 4000 tecken).")
    if request.htmx:
        decisions = minutes.decisions.filter(item=item)
        return render(
            request,
            "minutes/editor.html#decisions",
            {"item": item, "decisions": decisions, "decision_error": error},
            status=400 if error else 200,
        )
    if error:
        messages.error(request, error)
    return redirect(f"{minutes.get_absolute_url()}#item-{item.pk}")


@require_POST
def approve(request, meeting_pk):
    minutes = _minutes(request, meeting_pk, write=True)
    form = ApproveForm(request.POST, people=_invited(minutes.meeting))
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(f"{minutes.get_absolute_url()}#approve-h")
    act(
        request,
        lambda: services.approve(minutes, by=request.user, **form.cleaned_data),
        done=_("Minnesanteckningarna är justerade och låsta."),
    )
    return redirect(minutes.meeting)


def _invited(meeting):
    return Person.objects.filter(attendance__meeting=meeting).order_by("name")


@require_POST
def withdraw_request(request, meeting_pk):
    minutes = _minutes(request, meeting_pk, write=True)
    act(
        request,
        lambda: services.withdraw_request(minutes),
        done=_("Begäran om justering är återtagen. Minnesanteckningarna kan ändras igen."),
    )
    return redirect(f"{minutes.get_absolute_url()}#approve-h")


def _asked(request, meeting_pk) -> tuple[Minutes, SignOff | None]:
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user), pk=meeting_pk)
    minutes = get_object_or_404(Minutes, meeting=meeting)
    permissions.require(permissions.is_asked_to_approve(request.user, minutes))
    return minutes, minutes.signoff_for(request.user)


def sign_off(request, meeting_pk):
    """The justerare's page: the minutes as they stand, to approve or send back."""
    minutes, mine = _asked(request, meeting_pk)
    if request.method == "POST":
        if mine is not None:
            act(
                request,
                lambda: services.sign_off(mine),
                done=_("Tack, du har justerat minnesanteckningarna."),
            )
        return redirect("minutes:sign_off", meeting_pk=minutes.meeting_id)
    return _sign_off_page(request, minutes, mine, SendBackForm())


@require_POST
def send_back(request, meeting_pk):
    minutes, mine = _asked(request, meeting_pk)
    if mine is None:
        messages.error(request, _("Den här begäran om justering är inte öppen längre."))
        return redirect("minutes:sign_off", meeting_pk=minutes.meeting_id)
    form = SendBackForm(request.POST)
    if form.is_valid():
        comment = form.cleaned_data["comment"]
        if act(
            request,
            lambda: services.send_back(mine, comment=comment),
            done=_("Minnesanteckningarna är skickade tillbaka till sekreteraren."),
        ):
            return redirect("minutes:sign_off", meeting_pk=minutes.meeting_id)
    return _sign_off_page(request, minutes, mine, form, status=400)


def _sign_off_page(request, minutes, mine, form, status=200):
    meeting = minutes.meeting
    notes = {n.item_id: n.text for n in minutes.notes.all()}
    decisions = list(minutes.decisions.all())
    context = {
        "meeting": meeting,
        "minutes": minutes,
        "mine": mine,
        "form": form,
        "signoffs": minutes.current_signoffs(),
        "items": [
            (item, notes.get(item.pk, ""), [d.text for d in decisions if d.item_id == item.pk])
            for item in meeting.items.all()
        ],
        "present": meeting.attendance.filter(status=Attendance.Status.PRESENT).select_related(
            "person"
        ),
        "assignments": meeting.assignments.prefetch_related("owner_people", "owner_bodies"),
    }
    return render(request, "minutes/sign_off.html", context, status=status)


@require_POST
def correct(request, meeting_pk):
    minutes = _minutes(request, meeting_pk, write=False)
    permissions.require(permissions.is_secretary_of(request.user, minutes.meeting))
    act(
        request,
        lambda: services.start_correction(minutes),
        done=_("En ny version är öppnad. Den justerade finns kvar att läsa."),
    )
    return redirect(minutes)


def version(request, meeting_pk, number):
    minutes = _minutes(request, meeting_pk, write=False)
    approved = get_object_or_404(minutes.versions, number=number)
    return render(
        request,
        "minutes/version.html",
        {"minutes": minutes, "version": approved, "meeting": minutes.meeting},
    )
