"""Downloads: the kallelse for the meeting's readers; minutes for those who may read them."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from samverkan.directory import permissions
from samverkan.meetings.models import Meeting
from samverkan.publishing.documents import (
    invitation_docx,
    invitation_pdf,
    minutes_docx,
    minutes_pdf,
)

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _download(content: bytes, fmt: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def invitation_document(request, pk, fmt):
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user), pk=pk)
    render = invitation_pdf if fmt == "pdf" else invitation_docx
    return _download(render(meeting), fmt, f"kallelse-{meeting.date:%Y-%m-%d}")


def minutes_document(request, pk, fmt):
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user), pk=pk)
    permissions.require(permissions.can_read_minutes(request.user, meeting))
    render = minutes_pdf if fmt == "pdf" else minutes_docx
    return _download(render(meeting), fmt, f"minnesanteckningar-{meeting.date:%Y-%m-%d}")
