"""Import pages: upload, the list of documents, and the review screen."""

from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.directory import permissions
from samverkan.directory.models import Body
from samverkan.importer import services
from samverkan.importer.documents import guess_kind
from samverkan.importer.forms import ReviewForm, UploadForm
from samverkan.importer.models import Document
from samverkan.importer.notes import source_lines
from samverkan.importer.sources import SourceError, archive_members


def _require_importer(user) -> None:
    if not permissions.can_create_bodies(user):  # editors of some body, or administrators
        raise PermissionDenied


def _importable(user):
    """The bodies this user may import to."""
    if permissions.is_admin(user):
        return Body.objects.all()
    return Body.objects.filter(pk__in=permissions.edited_body_ids(user))


@login_required
def upload(request):
    _require_importer(request.user)
    bodies = _importable(request.user)
    form = UploadForm(request.POST or None, request.FILES or None, bodies=bodies)
    outcomes = []
    if form.is_valid():
        body = form.cleaned_data["body"]
        for upload in form.cleaned_data["files"]:
            outcomes += _ingest_upload(upload, body, request.user)
    documents = Document.objects.filter(state=Document.State.REVIEW).select_related("body")[:50]
    return render(
        request,
        "importer/upload.html",
        {"form": form, "outcomes": outcomes, "documents": documents},
    )


def _ingest_upload(upload, body, user) -> list[services.Outcome]:
    """Each file, and each file of a zip, gets its own result; one failing stops no other."""
    if upload.name.lower().endswith(".zip"):
        results = []
        for name, data in archive_members(upload, upload.name, settings.IMPORT_MAX_BYTES):
            if isinstance(data, SourceError):
                results.append(services.Outcome(name, services.FAILED, str(data)))
            else:
                results.append(services.ingest(name, data, body=body, by=user))
        return results
    data = upload.read(settings.IMPORT_MAX_BYTES + 1)  # the service refuses what is too large
    return [services.ingest(upload.name, data, body=body, by=user)]


@login_required
def review(request, pk):
    _require_importer(request.user)
    document = get_object_or_404(Document, pk=pk, state=Document.State.REVIEW)
    minutes = services.corrected(document)
    plan = services.review_plan(document)
    bodies = _importable(request.user)
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
    """Each line of the original with the kind of thing read from it (class, label)."""
    kinds: dict[int, str] = {}
    for key in ("agenda", "attendees", "absent", "next_meetings", "actions", "decisions"):
        for entry in document.data[key]:
            if entry.get("source"):
                kinds[entry["source"]["line"]] = key
    return [
        (n, line, kinds.get(n, ""), str(MARK_KINDS[kinds[n]]) if n in kinds else "")
        for n, line in enumerate(source_lines(document.text), 1)
    ]


def original(request, pk):
    """The imported file itself, for those who may read the meeting it became."""
    document = get_object_or_404(Document, pk=pk)
    meeting = document.meeting
    allowed = (
        permissions.can_view_meeting(request.user, meeting)
        if meeting
        else permissions.can_create_bodies(request.user)
    )
    if not allowed or (meeting and not request.user.is_authenticated):
        raise PermissionDenied
    return FileResponse(
        document.file.open("rb"), as_attachment=True, filename=Path(document.name).name
    )


@login_required
@require_POST
def discard(request, pk):
    _require_importer(request.user)
    document = get_object_or_404(Document, pk=pk, state=Document.State.REVIEW)
    _discard(document)
    messages.success(request, _("Dokumentet är borttaget; inget importerades."))
    return redirect("importer:upload")


def _discard(document: Document) -> None:
    with transaction.atomic():
        document.file.delete(save=False)
        document.delete()
