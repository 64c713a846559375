"""Import pages: upload, the list of documents, and the review screen."""

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.directory import permissions
from samverkan.directory.models import Body
from samverkan.extraction.model import LOW
from samverkan.importer import services, uploads
from samverkan.importer.documents import guess_kind
from samverkan.importer.forms import ReviewForm, UploadForm
from samverkan.importer.models import Document, Upload
from samverkan.importer.notes import source_lines


def _draft(request, pk) -> Document:
    return get_object_or_404(Document.objects.drafts_for(request.user), pk=pk)


RECENT_UPLOADS = 10


@login_required
def upload(request):
    """Files are stored and queued here; the worker reads them and this page shows how far."""
    permissions.require(permissions.can_import(request.user))
    bodies = Body.objects.editable_by(request.user)
    form = UploadForm(request.POST or None, request.FILES or None, bodies=bodies)
    if form.is_valid():
        uploads.receive(form.cleaned_data["files"], body=form.cleaned_data["body"], by=request.user)
        messages.success(request, _("Filerna läses in. Resultatet visas här när de är lästa."))
        return redirect("importer:upload")
    recent = list(Upload.objects.of(request.user)[:RECENT_UPLOADS])
    context = {
        "form": form,
        "uploads": recent,
        "reading": any(not u.is_done for u in recent),
        "documents": Document.objects.drafts_for(request.user).select_related("body")[:50],
    }
    if request.htmx:
        return render(request, "importer/upload.html#uploads", context)
    return render(request, "importer/upload.html", context)


@login_required
def review(request, pk):
    document = _draft(request, pk)
    minutes = services.corrected(document)
    plan = services.review_plan(document)
    bodies = Body.objects.editable_by(request.user)
    initial = {
        "body": document.body if document.body in bodies else None,
        "kind": guess_kind(document.text),
    }
    form = ReviewForm(
        request.POST or None,
        minutes=minutes,
        plan=plan,
        bodies=bodies,
        duplicate=document.duplicate_of,
        initial=initial,
    )
    if form.is_valid():
        body = form.cleaned_data["body"]
        duplicate = form.cleaned_data.get("duplicate", "")
        if duplicate == services.SKIP:
            _discard(document)
            messages.success(request, _("Dokumentet hoppades över; inget importerades."))
            return redirect("importer:upload")
        try:
            meeting = services.confirm(
                document,
                body=body,
                by=request.user,
                minutes=form.edited(),
                date=form.cleaned_data["date"],
                kind=form.cleaned_data["kind"],
                duplicate=duplicate,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Mötet är importerat."))
            return redirect(meeting)
    return render(
        request,
        "importer/review.html",
        {
            "document": document,
            "form": form,
            "plan": plan,
            "lines": _marked_lines(document),
            "data": document.data,
            "kinds": MARK_KINDS,
        },
    )


MARK_KINDS = {
    "attendees": _("närvaro"),
    "absent": _("närvaro"),
    "decisions": _("beslut"),
    "actions": _("uppdrag"),
    "next_meetings": _("nästa möte"),
    "agenda": _("punkt"),
}


def _marked_lines(document: Document) -> list[tuple[int, str, str, str]]:
    """Each line of the original with the kind of thing read from it (class, label); a line
    read with low confidence says "kontrollera" in its label."""
    kinds: dict[int, str] = {}
    unsure: set[int] = set()
    for key in ("agenda", "attendees", "absent", "next_meetings", "actions", "decisions"):
        for entry in document.data[key]:
            if entry.get("source"):
                kinds[entry["source"]["line"]] = key
                if entry.get("confidence") == LOW:
                    unsure.add(entry["source"]["line"])
    return [
        (n, line, kinds.get(n, ""), _mark_label(kinds[n], n in unsure) if n in kinds else "")
        for n, line in enumerate(source_lines(document.text), 1)
    ]


def _mark_label(kind: str, unsure: bool) -> str:
    label = str(MARK_KINDS[kind])
    return _("%(kind)s – kontrollera") % {"kind": label} if unsure else label


def original(request, pk):
    """The imported file: a draft's for those who see the draft; afterwards, for those who read
    the minutes it became (the original may hold more than the published record)."""
    document = get_object_or_404(Document, pk=pk)
    if document.meeting is None:
        document = _draft(request, pk)
    else:
        permissions.require(permissions.can_read_original(request.user, document.meeting))
    return FileResponse(
        document.file.open("rb"), as_attachment=True, filename=Path(document.name).name
    )


@login_required
@require_POST
def discard(request, pk):
    document = _draft(request, pk)
    _discard(document)
    messages.success(request, _("Dokumentet är borttaget; inget importerades."))
    return redirect("importer:upload")


def _discard(document: Document) -> None:
    with transaction.atomic():
        document.file.delete(save=False)
        document.delete()
