"""Administrators' pages for a person's data: export it as JSON, or erase it."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samverkan.directory import permissions
from samverkan.directory.models import Person
from samverkan.pages import form_page
from samverkan.publishing import privacy


class EraseForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Skäl"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Till exempel: personen har begärt radering. Skälet loggas."),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("Jag förstår att kontaktuppgifter, konto och svar tas bort för gott.")
    )


@login_required
def person_export(request, pk):
    permissions.require(permissions.can_manage_personal_data(request.user))
    person = get_object_or_404(Person, pk=pk)
    response = HttpResponse(
        privacy.export_person(person, by=request.user), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="person-{person.pk}.json"'
    return response


@login_required
def person_erase(request, pk):
    permissions.require(permissions.can_manage_personal_data(request.user))
    person = get_object_or_404(Person, pk=pk)
    form = EraseForm(request.POST or None)
    if form.is_valid():
        privacy.erase_person(person, by=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Personuppgifterna är raderade. Det är loggat."))
        return redirect(person)
    return form_page(
        request,
        form,
        heading=_("Radera personuppgifter – %(name)s") % {"name": person.name},
        submit=_("Radera"),
        back=person.get_absolute_url(),
        intro=_(
            "E-post, telefon, användarkonto, kalenderflöde och svar på kommande möten tas bort, "
            "och pågående ledamotskap avslutas i dag. Namnet finns kvar där justerade "
            "minnesanteckningar kräver det."
        ),
    )
