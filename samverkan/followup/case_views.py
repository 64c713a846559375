"""Ärendets väg: one page that follows an agenda item from proposal to assignments."""

from django.shortcuts import get_object_or_404, render

from samverkan.followup.case_path import follow
from samverkan.meetings.models import AgendaItem, Meeting


def case(request, item_pk):
    items = AgendaItem.objects.filter(meeting__in=Meeting.objects.visible_to(request.user))
    item = get_object_or_404(items.select_related("meeting"), pk=item_pk)
    return render(request, "followup/case.html", {"case": follow(item, request.user)})
