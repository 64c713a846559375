"""Forms for editing the directory; every message is in Swedish."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.directory.models import Body, Membership, Organisation, Person
from samverkan.directory.revisions import RevisionForm

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class BodyForm(RevisionForm):
    class Meta:
        model = Body
        fields = [
            "name",
            "short_name",
            "level",
            "area",
            "parent",
            "description",
            "is_public",
            "standard_agenda",
            "numbers_paragraphs",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "standard_agenda": forms.Textarea(attrs={"rows": 10}),
        }

    def __init__(self, *args, parents=None, **kwargs):
        super().__init__(*args, **kwargs)
        if parents is not None:
            self.fields["parent"].queryset = parents
        if self.instance.pk:
            self.fields["parent"].queryset = self.fields["parent"].queryset.exclude(
                pk=self.instance.pk
            )


class PersonForm(forms.ModelForm):
    """A person; the login id that links a sign-in to them only for those who manage accounts."""

    class Meta:
        model = Person
        fields = ["name", "title", "organisation", "email", "phone", "login_id"]

    def __init__(self, *args, manages_accounts: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not manages_accounts:
            del self.fields["login_id"]


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "short_name", "kind", "parent", "area"]


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["person", "organisation", "role", "seat", "substitute_for", "start", "end"]
        widgets = {"start": DATE_WIDGET, "end": DATE_WIDGET}

    def __init__(self, *args, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.body = body
        self.fields["start"].initial = timezone.localdate()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("seat") == Membership.Seat.REGULAR and cleaned.get("substitute_for"):
            self.add_error("substitute_for", _("Bara en ersättare kan vara ersättare för någon."))
        return cleaned


class EndMembershipForm(forms.Form):
    end = forms.DateField(label=_("Slutdatum"), widget=DATE_WIDGET)

    def __init__(self, *args, membership: Membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.membership = membership
        self.fields["end"].initial = timezone.localdate()

    def clean_end(self):
        end = self.cleaned_data["end"]
        if self.membership.start and end < self.membership.start:
            raise forms.ValidationError(_("Slutdatum kan inte vara före startdatum."))
        return end


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Sök person eller organ"), max_length=100, required=False)


class AccountActionForm(forms.Form):
    """One button on the accounts page: what to do, and to which account or person."""

    ACTIONS = ["restore", "confirm_organisation", "dismiss_organisation"]

    action = forms.ChoiceField(choices=[(name, name) for name in ACTIONS])
    pk = forms.IntegerField(min_value=1)
