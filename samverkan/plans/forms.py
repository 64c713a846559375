"""Forms for plans, values and inventory answers."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.directory.validators import WebAddressField
from samverkan.plans.models import Activity, Goal, Indicator, InventoryAnswer, Measurement, Plan

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PlanForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["title", "start", "end"]
        widgets = {"start": DATE, "end": DATE}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            self.add_error("end", _("Slutdatum kan inte vara före startdatum."))
        return cleaned


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["catalogue", "name", "unit", "direction", "baseline", "target"]
        localized_fields = ["baseline", "target"]  # "0,5" as Swedes write it
        help_texts = {"name": _("Lämna tomt för att använda katalogindikatorns namn.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("name"):
            if cleaned.get("catalogue"):
                cleaned["name"] = cleaned["catalogue"].name
                self.instance.name = cleaned["name"]
            else:
                self.add_error("name", _("Ge indikatorn ett namn eller välj en ur katalogen."))
        return cleaned


class ActivityForm(forms.ModelForm):
    origin_url = WebAddressField(
        label=_("Länk till ursprunget"),
        max_length=300,
        required=False,
        help_text=_("Webbadress till beslutet eller uppdraget, t.ex. https://…"),
    )

    class Meta:
        model = Activity
        fields = ["title", "owners", "start", "end", "status", "origin", "origin_url"]
        widgets = {"start": DATE, "end": DATE}


class ValuesForm(forms.Form):
    """One period's values for every indicator of the plan."""

    period = forms.DateField(label=_("Period (första dagen)"), widget=DATE)

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        for indicator in indicators:
            self.fields[f"i{indicator.pk}"] = forms.CharField(
                label=f"{indicator.name} ({indicator.get_unit_display()})",
                required=False,
                max_length=30,
            )


class MeasurementForm(forms.ModelForm):
    value = forms.CharField(label=_("Värde"), max_length=30)

    class Meta:
        model = Measurement
        fields = ["value"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # "12,5" as Swedes write it, not "12.50"
            self.initial["value"] = f"{self.instance.value.normalize():f}".replace(".", ",")

    def clean_value(self):
        from samverkan.plans.values import parse_number

        try:
            return parse_number(self.cleaned_data["value"])
        except ValueError as error:
            raise forms.ValidationError(_("Skriv ett tal, t.ex. 12,5.")) from error


class ValuesFileForm(forms.Form):
    file = forms.FileField(
        label=_("Fil (CSV eller XLSX)"),
        help_text=_("Kolumner: indikator, period (t.ex. 2024-03), värde."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("Filen får vara högst 5 MB."))
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("Välj en CSV- eller XLSX-fil."))
        return upload


class AnswerForm(forms.Form):
    def __init__(self, *args, goals, existing, **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = goals
        for goal in goals:
            current = existing.get(goal.pk)
            self.fields[f"s{goal.pk}"] = forms.ChoiceField(
                label=goal.area,
                choices=InventoryAnswer.Status.choices,
                initial=current.status if current else None,
                help_text=goal.text[:300],
            )
            self.fields[f"c{goal.pk}"] = forms.CharField(
                label=_("Kommentar"),
                required=False,
                max_length=4000,
                initial=current.comment if current else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"e{goal.pk}"] = forms.CharField(
                label=_("Underlag (länkar)"),
                required=False,
                max_length=2000,
                initial=current.evidence if current else "",
            )

    def answers(self) -> dict[int, dict]:
        return {
            goal.pk: {
                "status": self.cleaned_data[f"s{goal.pk}"],
                "comment": self.cleaned_data[f"c{goal.pk}"],
                "evidence": self.cleaned_data[f"e{goal.pk}"],
            }
            for goal in self.goals
        }


class RoundForm(forms.Form):
    title = forms.CharField(label=_("Namn"), max_length=200)
    goals = forms.ModelMultipleChoiceField(
        label=_("Mål"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    bodies = forms.ModelMultipleChoiceField(
        label=_("Organ som svarar"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    deadline = forms.DateField(label=_("Svar senast"), required=False, widget=DATE)

    def __init__(self, *args, goals, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = goals
        self.fields["bodies"].queryset = bodies
