"""Forms of the follow-up: quick assignments, report-back outcomes, status and register filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.directory.models import Body, Person
from samverkan.followup.models import Assignment
from samverkan.followup.services import people_matching, split_names
from samverkan.minutes.models import Decision

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class QuickAssignmentForm(forms.Form):
    """Vem / vad / när of an assignment; "Vem" names people among the invited or bodies.

    A name that fits several people adds a choice between them ("Vilken Eva menar du?"),
    one per ambiguous name, so nothing is guessed and nothing typed is lost."""

    who = forms.CharField(
        label=_("Vem"), max_length=300, error_messages={"required": _("Skriv vem som ansvarar.")}
    )
    what = forms.CharField(
        label=_("Vad"),
        max_length=4000,
        error_messages={"required": _("Skriv vad uppdraget gäller.")},
    )
    due = forms.DateField(label=_("När"), required=False, widget=DATE)
    next_meeting = forms.BooleanField(label=_("Till nästa möte"), required=False)

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = list(candidates)
        self.names = split_names(self.data.get("who", "")) if self.is_bound else []
        self.bodies = {b.short_name: b for b in Body.objects.filter(short_name__in=self.names)}
        for i, name in enumerate(self.names):
            matches = people_matching(name, self.candidates)
            if name not in self.bodies and len(matches) > 1:
                self.fields[f"pick-{i}"] = forms.TypedChoiceField(
                    label=_("Vilken %(name)s menar du?") % {"name": name},
                    choices=[(p.pk, _with_organisation(p)) for p in matches],
                    coerce=int,
                    widget=forms.RadioSelect,
                    error_messages={
                        "required": _("Välj vem du menar med ”%(name)s”.") % {"name": name}
                    },
                )

    @property
    def picks(self) -> list:
        return [self[name] for name in self.fields if name.startswith("pick-")]

    def clean(self):
        cleaned = super().clean()
        people, bodies = [], []
        for i, name in enumerate(self.names):
            if name in self.bodies:
                bodies.append(self.bodies[name])
            elif f"pick-{i}" in self.fields:
                chosen = cleaned.get(f"pick-{i}")
                people += [p for p in self.candidates if p.pk == chosen]
            elif matches := people_matching(name, self.candidates):
                people.append(matches[0])
            else:
                self.add_error(
                    "who",
                    _(
                        "”%(name)s” finns inte bland de kallade. "
                        "Skriv hela namnet eller ett organs kortnamn."
                    )
                    % {"name": name},
                )
        cleaned["people"], cleaned["bodies"] = people, bodies
        return cleaned


def _with_organisation(person: Person) -> str:
    """ "Eva Ek (Sjöbo kommun)": tells two people with the same first name apart."""
    return f"{person.name} ({person.organisation})" if person.organisation else person.name


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
        choices=[("", _("Alla")), ("open", _("Öppna och pågående"))]
        + list(Assignment.Status.choices),
    )
    owner = forms.CharField(label=_("Ansvarig"), max_length=100, required=False)
    due_before = forms.DateField(label=_("Förfaller senast"), required=False, widget=DATE)

    def apply(self, queryset):
        """The assignments that pass the chosen filters (all of them when none are valid)."""
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["status"] == "open":
            queryset = queryset.open()
        elif data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["owner"]:
            queryset = queryset.filter(owner_people__name__icontains=data["owner"]).distinct()
        if data["due_before"]:
            queryset = queryset.filter(due_date__lte=data["due_before"])
        return queryset


class BodiesField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class CommissionForm(forms.Form):
    text = forms.CharField(
        label=_("Uppdrag"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    receivers = BodiesField(
        label=_("Till organ"),
        queryset=Body.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Välj minst ett organ som får uppdraget.")},
    )
    due_date = forms.DateField(
        label=_("Återrapporteras senast"),
        required=False,
        widget=DATE,
        help_text=_("Lämna tomt för att återrapportera vid varje organs nästa möte."),
    )

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["receivers"].queryset = bodies


class DecisionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        meeting = obj.minutes.meeting
        return f"{meeting.date:%Y-%m-%d} {meeting.title}: {obj.text[:90]}"


class PlanLinkForm(forms.Form):
    target = forms.ChoiceField(label=_("Koppla till"))
    decision = DecisionChoiceField(
        label=_("Beslut"), queryset=Decision.objects.none(), required=False
    )
    assignment = forms.ModelChoiceField(
        label=_("eller uppdrag"), queryset=Assignment.objects.none(), required=False
    )

    def __init__(self, *args, targets, decisions, assignments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = targets
        self.fields["decision"].queryset = decisions
        self.fields["assignment"].queryset = assignments
