"""Forms for publishing minutes, distribution lists and archive search."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.publishing.models import DistributionList


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

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        lists = DistributionList.objects.filter(body__in=meeting.bodies.all())
        self.fields["lists"].queryset = lists
        if not lists.exists():
            del self.fields["lists"]


class DistributionListForm(forms.ModelForm):
    class Meta:
        model = DistributionList
        fields = ["name", "addresses"]
        widgets = {"addresses": forms.Textarea(attrs={"rows": 6})}
