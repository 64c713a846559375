"""Personal data (GDPR): everything about a person as JSON, and erasing a person, both logged."""

import json

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from samverkan.directory.models import Person, PrivacyLog
from samverkan.meetings.models import Attendance
from samverkan.publishing.models import CalendarFeed, Delivery

ACCOUNT_FIELDS = ("username", "first_name", "last_name", "email", "date_joined", "last_login")


def _rows(objects) -> list[dict]:
    return serializers.serialize("python", objects)


def person_data(person: Person) -> dict:
    """The person, their account and every row that refers to them, by model."""
    related: dict[str, list[dict]] = {}
    for relation in person._meta.related_objects:
        accessor = relation.get_accessor_name()
        if relation.one_to_one:
            found = relation.related_model._default_manager.filter(**{relation.field.name: person})
        else:
            found = getattr(person, accessor).all()
        rows = _rows(found)
        if rows:
            related[relation.related_model._meta.label] = rows
    user = person.user
    return {
        "person": _rows([person])[0],
        "account": {f: getattr(user, f) for f in ACCOUNT_FIELDS} if user else None,
        "related": related,
    }


@transaction.atomic
def export_person(person: Person, *, by) -> str:
    PrivacyLog.objects.create(action=PrivacyLog.Action.EXPORT, subject=_subject(person), by=by)
    return json.dumps(person_data(person), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


@transaction.atomic
def erase_person(person: Person, *, by, reason: str) -> None:
    """Contact details, account, feed, answers and mail addresses go; the record keeps the name.

    The name stays where the approved minutes need it (attendance of held meetings, assignments,
    memberships, which end today).
    """
    subject = _subject(person)
    user = person.user
    person.email = person.phone = ""
    person.user = None
    person.save(update_fields=["email", "phone", "user"])
    if user is not None:
        user.delete()
    CalendarFeed.objects.filter(person=person).delete()
    answers = [a.pk for a in Attendance.objects.filter(person=person) if not a.meeting.is_held]
    Attendance.history.filter(id__in=answers).delete()
    Attendance.objects.filter(pk__in=answers).delete()
    Delivery.objects.filter(person=person).update(address="")
    today = timezone.localdate()
    for membership in person.memberships.current():
        membership.end_on(max(today, membership.start or today))
    PrivacyLog.objects.create(action=PrivacyLog.Action.ERASE, subject=subject, reason=reason, by=by)


def _subject(person: Person) -> str:
    return f"{person.name} (person {person.pk})"
