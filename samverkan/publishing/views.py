"""Minutes downloads: approved minutes for readers, drafts for their writers."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from samverkan.directory import permissions
from samverkan.meetings.models import Meeting
from samverkan.publishing.documents import minutes_docx, minutes_pdf

FORMATS = {
    "pdf": (minutes_pdf, "application/pdf"),
    "docx": (
        minutes_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
}


def minutes_document(request, pk, fmt):
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user), pk=pk)
    minutes = getattr(meeting, "minutes", None)
    if minutes is None:
        raise PermissionDenied
    allowed = (
        request.user.is_authenticated and minutes.is_locked
    ) or permissions.can_write_minutes(request.user, meeting)
    permissions.require(allowed)
    render, content_type = FORMATS[fmt]
    response = HttpResponse(render(meeting), content_type=content_type)
    name = f"minnesanteckningar-{meeting.date:%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
