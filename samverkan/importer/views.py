"""Import pages: upload, the list of documents, and the review screen."""

from pathlib import Path

from django.conf import settings
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
from samverkan.importer import services
from samverkan.importer.forms import ReviewForm, UploadForm
from samverkan.importer.models import Document
from samverkan.importer.sources import SourceError, archive_members


def _draft(request, pk) -> Document:
    return get_object_or_404(Document.objects.drafts_for(request.user), pk=pk)


@login_required
def upload(request):
    permissions.require(permissions.can_import(request.user))
    form = UploadForm(request.POST or None, request.FILES or None)
    form.fields["body"].queryset = Body.objects.editable_by(request.user)
    outcomes = []
    if form.is_valid():
        body = form.cleaned_data["body"]
        for upload in form.cleaned_data["files"]:
            outcomes += _ingest_upload(upload, body, request.user)
    documents = Document.objects.drafts_for(request.user).select_related("body")[:50]
    return render(
        request,
        "importer/upload.html",
        {"form": form, "outcomes": outcomes, "documents": documents},
    )


def _ingest_upload(upload, body, user) -> list[services.Outcome]:
    limit = settings.IMPORT_MAX_BYTES
    if upload.name.lower().endswith(".zip"):
        results = []
        for name, data in archive_members(upload, upload.name, limit):
            if isinstance(data, SourceError):
                results.append(services.Outcome(name, services.FAILED, str(data)))
            else:
                results.append(services.ingest(name, data, body=body, by=user))
        return results
    if upload.size > limit:
        return [
            services.Outcome(
                upload.name,
                services.FAILED,
                _("filen är för stor (högst %(mb)d MB)") % {"mb": limit // 2**20},
            )
        ]
    return [services.ingest(upload.name, upload.read(), body=body, by=user)]


@login_required
def review(request, pk):
    document = _draft(request, pk)
    plan = services.review_plan(document)
    editable = Body.objects.editable_by(request.user)
    initial = {
        "body": document.body if document.body in editable else None,
        "date": services.parse_iso(document.data["meeting"]["date"]),
    }
    form = ReviewForm(request.POST or None, plan=plan, data_found=document.data, initial=initial)
    form.fields["body"].queryset = editable
    if form.is_valid():
        body = form.cleaned_data["body"]
        if not permissions.can_edit_body(request.user, body):
            form.add_error("body", _("Du kan bara importera till organ du redigerar."))
        else:
            try:
                meeting = services.confirm(
                    document,
                    body=body,
                    by=request.user,
                    chosen=form.chosen(),
                    date=form.cleaned_data["date"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Mötet är importerat."))
                return redirect(meeting)
    sources = _source_lines(document.data)
    lines = [(n, line, n in sources) for n, line in enumerate(document.text.splitlines(), 1)]
    return render(
        request,
        "importer/review.html",
        {
            "document": document,
            "form": form,
            "plan": plan,
            "lines": lines,
            "data": document.data,
        },
    )


def _source_lines(data) -> set[int]:
    return {
        entry["source"]["line"]
        for key in ("attendees", "absent", "agenda", "decisions", "actions", "next_meetings")
        for entry in data[key]
        if entry.get("source")
    }


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
    with transaction.atomic():
        document.file.delete(save=False)
        document.delete()
    messages.success(request, _("Dokumentet är borttaget; inget importerades."))
    return redirect("importer:upload")
