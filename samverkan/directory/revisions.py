"""Revision numbers against lost updates: a save made from an older revision is a conflict.

The minutes editor's notes work this way (`minutes.services.save_note`); agenda items and bodies
use this form: the page carries the revision it was read at, and a save finds the row saved
since shows the other editor's values beside the fields, keeps what was typed, and saves it
only when the editor sends it again.
"""

from django import forms
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class Revised(models.Model):
    """A row that counts its saves, so that a form can tell it was saved meanwhile."""

    revision = models.PositiveIntegerField(gettext_lazy("revision"), default=0, editable=False)

    class Meta:
        abstract = True


class EditConflict(Exception):
    """The row was saved by someone else after the form was read."""


class RevisionForm(forms.ModelForm):
    """A ModelForm for a `Revised` model whose save refuses to overwrite a newer revision."""

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)
    conflict_message = gettext_lazy("Någon annan har sparat ändringar medan du skrev.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revision"].initial = self.instance.revision

    def save(self, commit: bool = True):
        """Save unless the row changed since the form's revision; then raise EditConflict."""
        assert commit, "a revision check needs the row saved at once"
        with transaction.atomic():
            if self.instance.pk:
                saved = (
                    type(self.instance)._base_manager.select_for_update().get(pk=self.instance.pk)
                )
                read = self.cleaned_data.get("revision")
                if read is not None and read != saved.revision:
                    self._show_conflict(saved)
                    raise EditConflict
                self.instance.revision = saved.revision + 1
            return super().save()

    def _show_conflict(self, saved: models.Model) -> None:
        """The saved values beside the fields that differ; sending again keeps what was typed."""
        self.add_error(
            None,
            f"{self.conflict_message} "
            + _(
                "Det du skrev finns kvar. Jämför med det som sparades och välj Spara igen "
                "för att ersätta det med din version."
            ),
        )
        theirs = forms.models.model_to_dict(saved, fields=list(self._meta.fields))
        for name, field in self.fields.items():
            if name not in theirs or name not in self.cleaned_data:
                continue
            raw = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            if field.has_changed(theirs[name], raw):
                value = _display(field, theirs[name])
                self.add_error(name, _("Sparat av någon annan: %(value)s") % {"value": value})
        self.data = self.data.copy()
        self.data["revision"] = saved.revision


def _display(field: forms.Field, value) -> str:
    if isinstance(field, forms.ModelMultipleChoiceField):
        chosen = {str(getattr(v, "pk", v)) for v in value or []}
        names = [str(label) for key, label in field.choices if str(key) in chosen]
        return ", ".join(names) or "–"
    if isinstance(field, forms.ChoiceField):
        labels = {str(key): str(label) for key, label in field.choices}
        key = str(getattr(value, "pk", value) if value is not None else "")
        return labels.get(key, "–") or "–"
    if isinstance(field, forms.BooleanField):
        return _("ja") if value else _("nej")
    return f"”{value}”" if value not in (None, "") else "–"
