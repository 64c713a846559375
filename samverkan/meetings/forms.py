"""Forms for planning meetings, their agenda and attendance."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.directory.models import Body, Person
from samverkan.directory.revisions import RevisionForm
from samverkan.directory.validators import WebAddressField
from samverkan.meetings.attachments import check_attachment
from samverkan.meetings.models import AgendaItem, Attachment, Attendance, Meeting

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class MeetingForm(forms.ModelForm):
    link = WebAddressField(
        label=_("Länk till digitalt möte"),
        max_length=500,
        required=False,
        help_text=_("Teams- eller Skype-länk om mötet är digitalt."),
    )
    also = forms.ModelMultipleChoiceField(
        label=_("Gemensamt möte med"),
        queryset=Body.objects.none(),
        required=False,
        help_text=_("Välj andra organ om mötet är gemensamt."),
    )

    class Meta:
        model = Meeting
        fields = ["kind", "date", "start", "end", "place", "link"]
        widgets = {"date": DATE, "start": TIME, "end": TIME}
        help_texts = {"place": _("Adress eller lokal, t.ex. ”Kommunhuset Sjöbo”.")}

    def __init__(self, *args, body: Body, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["also"].queryset = Body.objects.exclude(pk=body.pk)


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Skäl"), max_length=300)


class MoveForm(forms.Form):
    date = forms.DateField(label=_("Nytt datum"), widget=DATE)
    start = forms.TimeField(label=_("Börjar"), required=False, widget=TIME)
    end = forms.TimeField(label=_("Slutar"), required=False, widget=TIME)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] <= cleaned["start"]:
            self.add_error("end", _("Mötet måste sluta efter att det börjar."))
        return cleaned


class AgendaItemForm(RevisionForm):
    attachment = forms.FileField(label=_("Bilaga"), required=False)

    class Meta:
        model = AgendaItem
        fields = ["title", "kind", "responsible", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = people
        self.fields["responsible"].widget = forms.CheckboxSelectMultiple()
        self.fields["responsible"].widget.choices = self.fields["responsible"].choices

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            check_attachment(upload)
        return upload

    def save_attachment(self, item: AgendaItem) -> None:
        """The uploaded file, if any, becomes one more attachment of the item."""
        upload = self.cleaned_data["attachment"]
        if upload:
            Attachment.objects.create(item=item, file=upload, name=upload.name)


class AnswerForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Mitt svar"),
        choices=[
            (Attendance.Status.PRESENT, _("Jag kommer")),
            (Attendance.Status.ABSENT, _("Jag kan inte komma")),
            (Attendance.Status.SUBSTITUTE, _("Jag kan inte komma, en ersättare går")),
        ],
        widget=forms.RadioSelect,
    )
    substitute = forms.ModelChoiceField(
        label=_("Vem går i stället?"),
        queryset=Person.objects.all(),
        required=False,
        help_text=_("Bara om en ersättare går. Dina egna ersättare står först."),
    )

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        if people is not None:
            self.fields["substitute"].queryset = people

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Attendance.Status.SUBSTITUTE and not cleaned.get("substitute"):
            self.add_error("substitute", _("Ange vem som går i stället."))
        return cleaned


class AttendanceForm(forms.Form):
    """The secretary's roll call: one choice per invited person."""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        for row in rows:
            self.fields[f"p{row.person_id}"] = forms.ChoiceField(
                label=row.person.name, choices=Attendance.Status.choices, initial=row.status
            )


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} – {obj.date:%Y-%m-%d}"


class ProposalForm(forms.Form):
    to_meeting = MeetingChoiceField(label=_("Till möte"), queryset=Meeting.objects.none())
    title = forms.CharField(label=_("Rubrik"), max_length=300)
    kind = forms.ChoiceField(label=_("Typ"), choices=AgendaItem.Kind.choices)
    responsible = forms.ModelMultipleChoiceField(
        label=_("Ansvariga"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label=_("Kommentar till mottagaren"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, meetings, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_meeting"].queryset = meetings
        self.fields["responsible"].queryset = people


class ProposalAnswerForm(forms.Form):
    ACCEPT, MOVE, DECLINE = "accept", "move", "decline"
    answer = forms.ChoiceField(
        label=_("Svar"),
        choices=[
            (ACCEPT, _("Ta upp punkten på dagordningen")),
            (MOVE, _("Flytta till ett annat möte")),
            (DECLINE, _("Avböj")),
        ],
        widget=forms.RadioSelect,
    )
    to = MeetingChoiceField(label=_("Flytta till"), queryset=Meeting.objects.none(), required=False)
    comment = forms.CharField(
        label=_("Kommentar"),
        max_length=1000,
        required=False,
        help_text=_("Krävs när du avböjer; visas för det föreslagande organet."),
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].queryset = meetings

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("answer") == self.MOVE and not cleaned.get("to"):
            self.add_error("to", _("Välj mötet som punkten flyttas till."))
        return cleaned
