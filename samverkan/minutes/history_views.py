"""Purging an entry of the minutes' edit history: administrators, with a logged reason."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samverkan.directory import permissions
from samverkan.meetings.models import Meeting
from samverkan.minutes import history
from samverkan.minutes.models import Minutes
from samverkan.pages import form_page


class PurgeForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Skäl"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Till exempel: personnummer skrevs in av misstag. Skälet loggas."),
    )


def purge(request, meeting_pk, kind, history_id):
    permissions.require(permissions.can_purge_history(request.user))
    meeting = get_object_or_404(Meeting, pk=meeting_pk)
    minutes = get_object_or_404(Minutes, meeting=meeting)
    found = history.entry(minutes, kind, history_id)
    if found is None:
        raise Http404
    form = PurgeForm(request.POST or None)
    if form.is_valid():
        history.purge(minutes, found, reason=form.cleaned_data["reason"], by=request.user)
        messages.success(request, _("Ändringen är borttagen ur historiken. Det är loggat."))
        return redirect(minutes)
    return form_page(
        request,
        form,
        heading=_("Ta bort en ändring ur historiken"),
        submit=_("Ta bort för gott"),
        back=minutes.get_absolute_url(),
        intro=_("Texten i ändringen tas bort för gott: %(text)s") % {"text": found.text[:200]},
    )
