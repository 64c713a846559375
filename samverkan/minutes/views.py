"""The minutes editor: notes per item saved as you type, decisions, approval and versions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import trigger_client_event

from samverkan.directory import permissions
from samverkan.meetings.models import Attendance, Meeting
from samverkan.minutes import history, services
from samverkan.minutes.forms import (
    ApproveForm,
    DecisionForm,
    NoteForm,
    RequestApprovalForm,
    SendBackForm,
)
from samverkan.minutes.models import Decision, Minutes, Note, SignOff
from samverkan.pages import act, form_page


def _minutes(request, meeting_pk, *, write: bool) -> Minutes:
    """Writers may open (and so start) any minutes; readers only those the rule lets them read."""
    meetings = Meeting.objects.visible_to(request.user).select_related("minutes")
    meeting = get_object_or_404(meetings.prefetch_related("bodies"), pk=meeting_pk)
    if write or not hasattr(meeting, "minutes"):
        permissions.require(permissions.can_write_minutes(request.user, meeting))
    else:
        permissions.require(permissions.can_read_minutes(request.user, meeting))
    return services.minutes_for(meeting)


def at_item(minutes: Minutes, item_pk: int | None) -> str:
    """The editor scrolled to one agenda item, where the secretary was."""
    return f"{minutes.get_absolute_url()}#item-{item_pk}" if item_pk else minutes.get_absolute_url()


def editor(request, meeting_pk):
    return editor_page(request, _minutes(request, meeting_pk, write=False))


def editor_page(request, minutes: Minutes, *, status: int = 200, **extra):
    """The whole editor; the assignment form shows it again, filled in, when it is refused."""
    meeting = minutes.meeting
    can_write = permissions.can_write_minutes(request.user, meeting)
    context = {
        "meeting": meeting,
        "minutes": minutes,
        "items": _rows(request, minutes),
        "assignments": meeting.assignments.select_related("due_body").prefetch_related(
            "owner_people", "owner_bodies"
        ),
        "can_write": can_write and meeting.is_open_for_edits and not minutes.is_locked,
        "can_manage_approval": can_write and meeting.awaits_approval,
        "can_correct": minutes.is_locked and permissions.is_secretary_of(request.user, meeting),
        "request_form": RequestApprovalForm(
            initial={"approvers": minutes.approvers.all()}, people=meeting.called()
        ),
        "approve_form": ApproveForm(people=meeting.called()),
        "signoffs": minutes.current_signoffs(),
        "sent_back": minutes.sent_back().select_related("person"),
        "history": history.changes(minutes)
        if permissions.can_see_minutes_history(request.user, meeting)
        else None,
        "can_purge": permissions.can_purge_history(request.user),
        **extra,
    }
    return render(request, "minutes/editor.html", context, status=status)


def _rows(request, minutes: Minutes) -> list[dict]:
    notes = {n.item_id: n for n in minutes.notes.all()}
    decisions = list(minutes.decisions.all())
    rows = []
    for item in minutes.meeting.items.prefetch_related(
        "report_backs__owner_people",
        "report_backs__owner_bodies",
        "report_backs__due_body",
        "report_backs__meeting__bodies",
    ):
        note = notes.get(item.pk)
        # what a save without JavaScript left behind: its time, or the text it could not save
        kept = request.session.pop(f"note-{item.pk}", None) or {}
        conflict = note if kept.get("conflict") and note else None
        rows.append(
            {
                "item": item,
                "note": note,
                "text": kept.get("text", note.text if note else ""),
                "revision": kept.get("revision", note.revision if note else 0),
                "saved_at": kept.get("saved"),
                "error": kept.get("error"),
                "conflict": conflict,
                "saved_by": _writer(conflict),
                "decisions": [d for d in decisions if d.item_id == item.pk],
            }
        )
    return rows


def _writer(note: Note | None) -> str:
    """Who saved the text a writer met in a conflict ("" when not known)."""
    user = note.last_writer() if note else None
    return history.who(user) if user else ""


@require_POST
def note_save(request, meeting_pk, item_pk):
    minutes = _minutes(request, meeting_pk, write=True)
    item = get_object_or_404(minutes.meeting.items, pk=item_pk)
    form = NoteForm(request.POST)
    reply = {"text": request.POST.get("text", ""), "revision": request.POST.get("revision", 0)}
    if not form.is_valid():
        return _note_reply(request, minutes, item, error=_("Texten kunde inte sparas."), **reply)
    data = form.cleaned_data
    try:
        if data["resolve"] and data["base"] is not None:
            note = services.resolve_conflict(
                minutes, item, mine=data["text"], choice=data["resolve"], base=data["base"]
            )
        else:
            note = services.save_note(minutes, item, text=data["text"], revision=data["revision"])
    except services.EditConflict as conflict:
        return _note_reply(request, minutes, item, conflict=conflict.note, **reply)
    except ValidationError as error:
        return _note_reply(request, minutes, item, error=" ".join(error.messages), **reply)
    return _note_reply(request, minutes, item, saved=note, resolved=bool(data["resolve"]), **reply)


def _note_reply(
    request, minutes, item, *, text, revision, saved=None, resolved=False, conflict=None, error=None
):
    """The answer beside the text area: saved, refused, or both versions to choose from."""
    saved_at = timezone.localtime().strftime("%H.%M") if saved else None
    if not request.htmx:
        kept = (
            {"saved": saved_at}
            if saved
            else {"text": text, "revision": revision, "error": error, "conflict": bool(conflict)}
        )
        request.session[f"note-{item.pk}"] = kept
        return redirect(at_item(minutes, item.pk))
    context = {
        "item": item,
        "saved": saved,
        "saved_at": saved_at,
        "conflict": conflict,
        "saved_by": _writer(conflict),
        "mine": text,
        "error": error,
    }
    status = 409 if conflict else 400 if error else 200
    response = render(request, "minutes/editor.html#note-reply", context, status=status)
    if resolved:
        # the chosen text goes into the writer's text area (the page's script puts it there)
        trigger_client_event(response, "noteResolved", {"item": item.pk, "text": saved.text})
    return response


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
        error = " ".join(form.errors["text"])
    if request.htmx:
        context = {
            "meeting": minutes.meeting,
            "item": item,
            "decisions": minutes.decisions.filter(item=item),
            "decision_error": error,
            "can_write": True,
        }
        return render(
            request, "minutes/editor.html#decisions", context, status=400 if error else 200
        )
    if error:
        messages.error(request, error)
    return redirect(at_item(minutes, item.pk))


def _decision(request, meeting_pk, pk) -> tuple[Minutes, Decision]:
    minutes = _minutes(request, meeting_pk, write=True)
    return minutes, get_object_or_404(minutes.decisions, pk=pk)


def decision_edit(request, meeting_pk, pk):
    minutes, decision = _decision(request, meeting_pk, pk)
    back = at_item(minutes, decision.item_id)
    form = DecisionForm(request.POST or None, initial={"text": decision.text})
    if form.is_valid():
        try:
            services.edit_decision(decision, text=form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Beslutet är ändrat."))
            return redirect(back)
    return form_page(
        request, form, heading=_("Ändra beslut"), submit=_("Spara beslutet"), back=back
    )


def decision_delete(request, meeting_pk, pk):
    minutes, decision = _decision(request, meeting_pk, pk)
    back = at_item(minutes, decision.item_id)
    if request.method == "POST":
        act(request, lambda: services.remove_decision(decision), done=_("Beslutet är borttaget."))
        return redirect(back)
    return confirm_removal(
        request,
        heading=_("Vill du ta bort beslutet?"),
        text=decision.text,
        submit=_("Ta bort beslutet"),
        back=back,
    )


def confirm_removal(request, *, heading: str, text: str, submit: str, back: str):
    """The question asked before something is removed from the minutes (works without JS)."""
    context = {"heading": heading, "text": text, "submit": submit, "back": back}
    return render(request, "minutes/confirm_removal.html", context)


@require_POST
def approve(request, meeting_pk):
    minutes = _minutes(request, meeting_pk, write=True)
    form = ApproveForm(request.POST, people=minutes.meeting.called())
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(f"{minutes.get_absolute_url()}#approve-h")
    act(
        request,
        lambda: services.approve(minutes, by=request.user, **form.cleaned_data),
        done=_("Minnesanteckningarna är justerade och låsta."),
    )
    return redirect(minutes.meeting)


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
        "assignments": meeting.assignments.select_related("due_body").prefetch_related(
            "owner_people", "owner_bodies"
        ),
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
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user), pk=meeting_pk)
    minutes = get_object_or_404(Minutes, meeting=meeting)
    approved = get_object_or_404(minutes.versions, number=number)
    permissions.require(permissions.can_read_version(request.user, minutes.meeting, approved))
    return render(
        request,
        "minutes/version.html",
        {"minutes": minutes, "version": approved, "meeting": minutes.meeting},
    )
