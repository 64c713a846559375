"""Upload and review forms for the importer; the review form gives back corrected minutes."""

import datetime
import re
from dataclasses import replace

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.directory.models import Body, Person
from samverkan.extraction.dates import on_or_after
from samverkan.extraction.model import LOW, MeetingTime, Minutes
from samverkan.meetings.models import Meeting

YEARLESS = re.compile(r"^--(\d\d)-(\d\d)$")
DUPLICATE_CHOICES = [
    ("hoppa över", _("Hoppa över – importera inte det här dokumentet")),
    ("ersätt", _("Ersätt den tidigare importen")),
    ("behåll båda", _("Behåll båda")),
]


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
        queryset=Body.objects.none(),
        required=False,
        help_text=_("Lämna tomt för att låta Samverkan föreslå organet."),
    )

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies


def resolve_yearless(value: str | None, day: datetime.date | None) -> datetime.date | None:
    """An ISO date, or "--12-14" by the spec's rule: the first such day on or after the meeting."""
    if not value:
        return None
    m = YEARLESS.match(value)
    if m:
        return on_or_after(day, int(m[1]), int(m[2])) if day else None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _date_field(label, value, day, **kwargs) -> forms.DateField:
    help_text = ""
    if value and YEARLESS.match(value) and day is None:
        help_text = _("Originalet anger inget år (%(raw)s): ange datum.") % {"raw": value}
    return forms.DateField(
        label=label,
        required=False,
        initial=resolve_yearless(value, day),
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        **kwargs,
    )


def _time(value):
    return datetime.time.fromisoformat(value) if value else None


class ReviewForm(forms.Form):
    """Every part of the extracted minutes, editable; `edited()` is what gets stored."""

    body = forms.ModelChoiceField(label=_("Organ"), queryset=Body.objects.none())
    kind = forms.ChoiceField(label=_("Typ av möte"), choices=Meeting.Kind.choices)
    date = forms.DateField(
        label=_("Mötets datum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    start = forms.TimeField(
        label=_("Börjar"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    end = forms.TimeField(
        label=_("Slutar"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    place = forms.CharField(label=_("Plats"), required=False, max_length=200)

    @property
    def unsure(self) -> int:
        """How many fields hold what the extraction read with low confidence."""
        return sum(1 for f in self.fields.values() if getattr(f, "flag", ""))

    def __init__(self, *args, minutes: Minutes, plan, bodies, duplicate=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.minutes, self.plan = minutes, plan
        self.fields["body"].queryset = bodies
        day = resolve_yearless(minutes.meeting.date, None)
        self.initial.setdefault("date", day)
        self.initial.setdefault("start", _time(minutes.meeting.start))
        self.initial.setdefault("end", _time(minutes.meeting.end))
        self.initial.setdefault("place", minutes.meeting.location or "")
        if duplicate is not None:
            self.fields["duplicate"] = forms.ChoiceField(
                label=_("Troligen samma möte som %(n)s") % {"n": duplicate.name},
                choices=DUPLICATE_CHOICES,
                widget=forms.RadioSelect,
            )
        present = [(a, "närvarande") for a in minutes.attendees]
        for i, (person, status) in enumerate(
            present + [(a, "frånvarande") for a in minutes.absent]
        ):
            self.fields[f"person{i}"] = forms.CharField(
                label=_("Deltagare %(n)d") % {"n": i + 1},
                initial=person.name,
                required=False,
                max_length=200,
                help_text=_("Töm fältet för att inte ta med personen."),
            )
            self.fields[f"person{i}_status"] = forms.ChoiceField(
                label=_("Deltagare %(n)d var") % {"n": i + 1},
                choices=[("närvarande", _("närvarande")), ("frånvarande", _("frånvarande"))],
                initial=status,
            )
        for i, item in enumerate(minutes.agenda):
            self.fields[f"item{i}"] = forms.CharField(
                label=_("Punkt %(n)d") % {"n": i + 1},
                initial=item.title,
                required=False,
                max_length=300,
                help_text=_("Töm fältet för att slå ihop punkten med den före."),
            )
        for i, decision in enumerate(minutes.decisions):
            self.fields[f"decisions{i}"] = self._text(
                _("Beslut %(n)d") % {"n": i + 1}, decision.text
            )
        for i, action in enumerate(minutes.actions):
            self.fields[f"actions{i}"] = self._text(_("Uppdrag %(n)d") % {"n": i + 1}, action.text)
            for j, owner in enumerate(action.owners):
                self.fields[f"actions{i}_owner{j}"] = self._owner(i, j, owner, action, minutes)
            self.fields[f"actions{i}_due"] = _date_field(
                _("Uppdrag %(n)d klart senast") % {"n": i + 1}, action.due, day
            )
        for prefix, items in (
            ("person", list(minutes.attendees) + list(minutes.absent)),
            ("item", minutes.agenda),
            ("decisions", minutes.decisions),
            ("actions", minutes.actions),
        ):
            for i, item in enumerate(items):
                if item.confidence == LOW:
                    _flag(self.fields[f"{prefix}{i}"])
        for i, upcoming in enumerate(minutes.next_meetings):
            self.fields[f"next{i}"] = _date_field(
                _("Nästa möte %(n)d") % {"n": i + 1}, upcoming.date, day
            )
            self.fields[f"next{i}_place"] = forms.CharField(
                label=_("Nästa möte %(n)d, plats") % {"n": i + 1},
                initial=upcoming.location or "",
                required=False,
                max_length=200,
            )

    @staticmethod
    def _text(label, initial) -> forms.CharField:
        return forms.CharField(
            label=label,
            initial=initial,
            required=False,
            max_length=4000,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text=_("Töm fältet för att inte ta med det."),
        )

    def _owner(self, i, j, owner, action, minutes) -> forms.Field:
        label = _("Uppdrag %(n)d, ansvarig %(m)d") % {"n": i + 1, "m": j + 1}
        match = self.plan.matches.get(owner)
        if match is not None and match.is_ambiguous:
            return forms.ChoiceField(
                label=_("Uppdrag %(n)d: vem är ”%(name)s”?") % {"n": i + 1, "name": owner},
                required=False,
                choices=[("", _("Låt stå som skrivet"))]
                + [(p.name, p.name) for p in match.choices],
                initial=likely_person(match.choices, action, minutes),
            )
        return forms.CharField(
            label=label,
            initial=match.person.name if match is not None and match.person else owner,
            required=False,
            max_length=200,
            help_text=_("Töm fältet för att ta bort den ansvariga."),
        )

    def _value(self, name):
        return self.cleaned_data.get(name)

    def edited(self) -> Minutes:
        """The extracted minutes as the reviewer corrected them; an emptied entry is left out."""
        found, value = self.minutes, self._value
        day = value("date")
        people = list(found.attendees) + list(found.absent)
        kept = [
            (replace(p, name=value(f"person{i}").strip()), value(f"person{i}_status"))
            for i, p in enumerate(people)
            if (value(f"person{i}") or "").strip()
        ]
        actions = []
        for i, action in enumerate(found.actions):
            text = (value(f"actions{i}") or "").strip()
            if not text:
                continue
            owners = []
            for j, owner in enumerate(action.owners):
                chosen = (value(f"actions{i}_owner{j}") or "").strip()
                if isinstance(self.fields[f"actions{i}_owner{j}"], forms.ChoiceField):
                    owners.append(chosen or owner)  # "Låt stå som skrivet"
                elif chosen:
                    owners.append(chosen)
            due = value(f"actions{i}_due") or resolve_yearless(action.due, day)
            actions.append(
                replace(
                    action,
                    text=text,
                    owners=tuple(owners),
                    due=due.isoformat() if due else None,
                )
            )
        upcoming = []
        for i, entry in enumerate(found.next_meetings):
            date = value(f"next{i}") or resolve_yearless(entry.date, day)
            if date:
                place = (value(f"next{i}_place") or "").strip() or None
                upcoming.append(replace(entry, date=date.isoformat(), location=place))
        start, end = value("start"), value("end")
        return replace(
            found,
            meeting=MeetingTime(
                date=day.isoformat() if day else None,
                start=start.strftime("%H:%M") if start else None,
                end=end.strftime("%H:%M") if end else None,
                location=(value("place") or "").strip() or None,
            ),
            attendees=tuple(p for p, status in kept if status == "närvarande"),
            absent=tuple(p for p, status in kept if status == "frånvarande"),
            agenda=tuple(
                replace(item, title=value(f"item{i}").strip())
                for i, item in enumerate(found.agenda)
                if (value(f"item{i}") or "").strip()
            ),
            decisions=tuple(
                replace(d, text=value(f"decisions{i}").strip())
                for i, d in enumerate(found.decisions)
                if (value(f"decisions{i}") or "").strip()
            ),
            actions=tuple(actions),
            next_meetings=tuple(upcoming),
        )


def _flag(field: forms.Field) -> None:
    """A field read with low confidence says so in words, beside its label and in its help."""
    field.flag = _("Kontrollera")
    field.help_text = f"{_('Osäkert utläst – jämför med originalet.')} {field.help_text}".strip()


def likely_person(choices: list[Person], action, minutes: Minutes) -> str:
    """The one candidate the sentence points to: her organisation named, or a colleague's."""
    text = action.text.casefold()
    colleagues = {a.name: (a.organization or "").casefold() for a in minutes.attendees}
    scores = {}
    for person in choices:
        organisation = (
            (person.organisation.name if getattr(person, "organisation_id", None) else None)
            or colleagues.get(person.name, "")
            or ""
        ).casefold()
        score = 0
        if organisation and organisation in text:
            score += 2
        others = [o for o in action.owners if o != person.first_name and " " in o]
        score += sum(1 for o in others if organisation and colleagues.get(o, "") == organisation)
        scores[person.name] = score
    best = max(scores.values(), default=0)
    winners = [name for name, score in scores.items() if score == best]
    return winners[0] if best > 0 and len(winners) == 1 else ""
