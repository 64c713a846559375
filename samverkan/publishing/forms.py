"""Forms for publishing minutes, distribution lists and archive search."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.directory.models import Body
from samverkan.publishing.models import DistributionList, ReminderChoice


class PublishForm(forms.Form):
    to_members = forms.BooleanField(
        label=_("Skicka till organets ledamöter och ersättare"), required=False, initial=True
    )
    lists = forms.ModelMultipleChoiceField(
        label=_("Skicka också till sändlistor"),
        queryset=DistributionList.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, meeting, identity_numbers=(), **kwargs):
        super().__init__(*args, **kwargs)
        if identity_numbers:
            self.fields["checked"] = forms.BooleanField(
                label=_("Jag har kontrollerat texten: det som liknar personnummer ska publiceras."),
                help_text=_("Det som liknar personnummer finns under: %(where)s.")
                % {"where": ", ".join(identity_numbers)},
                error_messages={
                    "required": _(
                        "Texten innehåller något som liknar ett personnummer. Ta bort det "
                        "(med Rätta) eller bekräfta att det ska publiceras."
                    )
                },
            )
        lists = DistributionList.objects.filter(body__in=meeting.bodies.all())
        self.fields["lists"].queryset = lists
        if not lists.exists():
            del self.fields["lists"]


class DistributionListForm(forms.ModelForm):
    class Meta:
        model = DistributionList
        fields = ["name", "addresses"]
        widgets = {"addresses": forms.Textarea(attrs={"rows": 6})}


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Sökord"),
        max_length=200,
        required=False,
        error_messages={
            "max_length": _(
                "Sökningen får vara högst %(limit_value)d tecken (den har %(show_value)d). "
                "Korta den och sök igen."
            )
        },
    )
    body = forms.ModelChoiceField(
        label=_("Organ"),
        queryset=Body.objects.none(),
        required=False,
        empty_label=_("Alla organ"),
        error_messages={"invalid_choice": _("Välj ett organ i listan.")},
    )
    year = forms.TypedChoiceField(
        label=_("År"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": _("Välj ett år i listan.")},
    )
    sida = forms.IntegerField(min_value=1, max_value=500, required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.visible_to(user).order_by("name")
        this_year = timezone.localdate().year
        years = [(year, str(year)) for year in range(this_year, this_year - 15, -1)]
        self.fields["year"].choices = [("", _("Alla år")), *years]


class ReminderChoiceForm(forms.ModelForm):
    reminders = forms.TypedChoiceField(
        label=_("Påminnelser från Samverkan"),
        choices=[
            (True, _("Veckobrev om mina uppdrag och påminnelser om kallelse och justering")),
            (False, _("Inga påminnelser")),
        ],
        coerce=lambda value: value in (True, "True"),
        widget=forms.RadioSelect,
        help_text=_("Kallelser, ändrade möten och nya uppdrag skickas alltid."),
    )

    class Meta:
        model = ReminderChoice
        fields = ["reminders"]


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=_("Din e-postadress"),
        help_text=_("Du får ett e-brev med en länk att bekräfta med innan något skickas."),
    )
