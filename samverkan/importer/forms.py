"""Upload and review forms for the importer."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.directory.models import Body


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Dokument"),
        help_text=_("Word, PDF, ODT, RTF, HTML eller text – flera filer eller en zip-fil."),
    )
    body = forms.ModelChoiceField(
        label=_("Organ"),
        queryset=Body.objects.all(),
        required=False,
        help_text=_("Lämna tomt för att låta Samverkan föreslå organet."),
    )


class ReviewForm(forms.Form):
    body = forms.ModelChoiceField(label=_("Organ"), queryset=Body.objects.all())
    date = forms.DateField(
        label=_("Mötets datum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, plan, data_found, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in (("decisions", _("Beslut")), ("actions", _("Uppdrag"))):
            for i, entry in enumerate(data_found[key]):
                self.fields[f"{key}{i}"] = forms.CharField(
                    label=f"{label} {i + 1}",
                    initial=entry["text"],
                    required=False,
                    max_length=4000,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    help_text=_("Töm fältet för att inte ta med det."),
                )
        self.names = {}
        for i, (name, match) in enumerate(plan.matches.items()):
            if match.is_ambiguous:
                field = f"who{i}"
                self.names[field] = name
                self.fields[field] = forms.ChoiceField(
                    label=_("Vem är ”%(name)s”?") % {"name": name},
                    required=False,
                    choices=[("", _("Låt stå som skrivet"))]
                    + [(p.name, p.name) for p in match.choices],
                )

    def edited(self, found: dict) -> dict:
        """The extracted minutes with the reviewer's texts; an emptied entry is left out."""
        data = dict(found)
        for key in ("decisions", "actions"):
            data[key] = [
                {**entry, "text": self.cleaned_data[f"{key}{i}"].strip()}
                for i, entry in enumerate(found[key])
                if self.cleaned_data[f"{key}{i}"].strip()
            ]
        return data

    def chosen(self) -> dict:
        return {
            name: self.cleaned_data[field]
            for field, name in self.names.items()
            if self.cleaned_data.get(field)
        }
