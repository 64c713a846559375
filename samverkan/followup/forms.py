"""Forms of the follow-up: quick assignments, report-back outcomes, status and register filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.followup.models import Assignment

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class QuickAssignmentForm(forms.Form):
    who = forms.CharField(label=_("Vem"), max_length=300)
    what = forms.CharField(label=_("Vad"), max_length=4000)
    due = forms.DateField(label=_("När"), required=False, widget=DATE)
    next_meeting = forms.BooleanField(label=_("Till nästa möte"), required=False)


class ReportBackForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=[
            ("reported", _("Återrapporterat")),
            ("continued", _("Fortsätter")),
            ("closed", _("Avskrivs")),
        ]
    )
    new_due = forms.DateField(label=_("Nytt datum"), required=False, widget=DATE)
    comment = forms.CharField(label=_("Kommentar"), max_length=1000, required=False)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Assignment.Status.choices)
    comment = forms.CharField(label=_("Kommentar"), max_length=1000, required=False)


class RegisterFilter(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alla")), ("open", _("Öppna"))] + list(Assignment.Status.choices),
    )
    owner = forms.CharField(label=_("Ansvarig"), max_length=100, required=False)
    due_before = forms.DateField(label=_("Förfaller senast"), required=False, widget=DATE)
