"""Forms of the minutes editor."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.minutes.models import Minutes


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Anteckningar"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class DecisionForm(forms.Form):
    text = forms.CharField(label=_("Beslut"), max_length=4000)


class ApproveForm(forms.Form):
    approval = forms.ChoiceField(label=_("Justeras"), choices=Minutes.Approval.choices)
