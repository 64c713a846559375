"""Forms of the minutes editor."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.directory.models import Person
from samverkan.minutes.models import Minutes
from samverkan.minutes.services import Resolution


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Anteckningar"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    # after a conflict: the writer's choice and the saved revision they compared with
    resolve = forms.ChoiceField(
        required=False,
        choices=[
            (Resolution.MINE, _("Behåll min text")),
            (Resolution.THEIRS, _("Använd den sparade")),
            (Resolution.BOTH, _("Slå ihop båda")),
        ],
    )
    base = forms.IntegerField(required=False, min_value=0)


class DecisionForm(forms.Form):
    text = forms.CharField(
        label=_("Beslut"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Skriv vad som beslutades."),
            "max_length": _("Skriv vad som beslutades (högst 4000 tecken)."),
        },
    )


class ApproveForm(forms.Form):
    """A justering made outside Samverkan: at the next meeting, or signed on paper."""

    approval = forms.ChoiceField(
        label=_("Justeras"),
        choices=[
            (Minutes.Approval.NEXT_MEETING, _("Vid nästa möte")),
            (Minutes.Approval.ON_PAPER, _("Justerat på papper")),
        ],
        widget=forms.RadioSelect,
    )
    approvers = forms.ModelMultipleChoiceField(
        label=_("Som justerade på papper"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, people, **kwargs):
        kwargs.setdefault("auto_id", "manual_%s")  # beside the request form on one page
        super().__init__(*args, **kwargs)
        self.fields["approvers"].queryset = people

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("approval") == Minutes.Approval.ON_PAPER and not cleaned.get("approvers"):
            self.add_error("approvers", _("Välj vem som justerade på papper."))
        return cleaned


class JusterareField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        if obj.can_sign_in:
            return obj.name
        return _("%(name)s (saknar konto – justera på papper)") % {"name": obj.name}


class RequestApprovalForm(forms.Form):
    """Whom to ask: each named justerare gets an e-mail and approves in their own account."""

    approvers = JusterareField(
        label=_("Justerare"),
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Välj vem som justerar, eller justera vid nästa möte.")},
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approvers"].queryset = people


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("Vad behöver ändras?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Skriv vad som behöver ändras.")},
    )
