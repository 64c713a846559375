"""The minutes editor: notes per item saved as you type, decisions, approval and versions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.directory import permissions
from samverkan.directory.models import Person
from samverkan.meetings.models import Meeting
from samverkan.minutes import services
from samverkan.minutes.forms import ApproveForm, DecisionForm, NoteForm
from samverkan.minutes.models import Decision, Minutes, Note
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
        for item in meeting.items.prefetch_related(
            "report_backs__owner_people",
            "report_backs__owner_bodies",
            "report_backs__due_body",
            "report_backs__meeting__bodies",
        )
    ]
    context = {
        "meeting": meeting,
        "minutes": minutes,
        "items": items,
        "assignments": meeting.assignments.prefetch_related("owner_people", "owner_bodies"),
        "can_write": can_write and not minutes.is_locked,
        "can_correct": minutes.is_locked and permissions.is_secretary_of(request.user, meeting),
        "approve_form": ApproveForm(
            initial={"approval": minutes.approval}, people=_invited(meeting)
        ),
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
    return Person.objects.filter(attendance__meeting=meeting)


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
