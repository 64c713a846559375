"""Who changed what and when, from the history django-simple-history keeps, in plain Swedish."""

from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.utils.translation import gettext as _

LIMIT = 50


@dataclass(frozen=True)
class Change:
    when: datetime
    who: str
    what: str  # e.g. "Organ DS Sydost"
    details: list[str]  # "Offentligt: ja → nej", or what was created or removed


def _value(record, field: models.Field, raw) -> str:
    if raw in (None, ""):
        return "–"
    if isinstance(field, models.BooleanField):
        return _("ja") if raw else _("nej")
    if field.choices:
        return str(dict(field.flatchoices).get(raw, raw))
    if isinstance(field, models.ForeignKey):
        related = field.related_model._base_manager.filter(pk=raw).first()
        return str(related) if related else "–"
    if isinstance(field, models.DateField):
        return raw.strftime("%Y-%m-%d") if hasattr(raw, "strftime") else str(raw)
    return str(raw)


def who(user) -> str:
    """People's names, not user names, wherever a history says who did something."""
    if user is None:
        return "–"
    person = getattr(user, "person", None)
    return person.name if person else user.get_username()


def _describe(record, label: str, instance) -> Change:
    model = record.instance_type
    if record.history_type == "+":
        details = [_("Skapad")]
    elif record.history_type == "-":
        details = [_("Borttagen")]
    else:
        previous = record.prev_record
        details = []
        if previous is not None:
            for change in record.diff_against(previous).changes:
                field = model._meta.get_field(change.field)
                old = _value(record, field, change.old)
                new = _value(record, field, change.new)
                details.append(f"{str(field.verbose_name).capitalize()}: {old} → {new}")
        if not details:
            details = [_("Ändrad")]
    return Change(record.history_date, who(record.history_user), f"{label} {instance}", details)


def changes(*histories: tuple[str, models.QuerySet]) -> list[Change]:
    """The latest changes of several histories, newest first: (label, historical queryset)."""
    found = [
        (record, label)
        for label, history in histories
        for record in history.select_related("history_user__person").order_by("-history_date")[
            :LIMIT
        ]
    ]
    found.sort(key=lambda pair: pair[0].history_date, reverse=True)
    kept = found[:LIMIT]
    instances = [record.instance for record, _label in kept]
    _load_foreign_keys(instances)
    return [
        _describe(record, label, instance)
        for (record, label), instance in zip(kept, instances, strict=True)
    ]


def _load_foreign_keys(instances: list[models.Model]) -> None:
    """What the instances' names refer to (a membership's person and body), one query per
    field rather than per change."""
    for field in {f for i in instances for f in i._meta.concrete_fields if f.many_to_one}:
        same = [i for i in instances if i._meta.model is field.model]
        ids = {getattr(i, field.attname) for i in same} - {None}
        found = field.related_model._base_manager.in_bulk(ids)
        for instance in same:
            if getattr(instance, field.attname) in found:
                field.set_cached_value(instance, found[getattr(instance, field.attname)])
