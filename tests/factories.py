"""make_* helpers that build directory rows with sensible defaults."""

import datetime
import itertools

from django.contrib.auth import get_user_model

from samverkan.directory.models import Body, Membership, Organisation, Person

_seq = itertools.count(1)


def make_organisation(**kw) -> Organisation:
    n = next(_seq)
    kw.setdefault("name", f"Organisation {n}")
    kw.setdefault("kind", Organisation.Kind.MUNICIPALITY)
    return Organisation.objects.create(**kw)


def make_body(**kw) -> Body:
    n = next(_seq)
    kw.setdefault("name", f"Organ {n}")
    kw.setdefault("short_name", f"O{n}")
    kw.setdefault("level", Body.Level.SUBREGIONAL)
    return Body.objects.create(**kw)


def make_person(username: str | None = None, **kw) -> Person:
    n = next(_seq)
    kw.setdefault("name", f"Person {n}")
    if username:
        kw["user"] = get_user_model().objects.create_user(username, password="pw-" + username)
    return Person.objects.create(**kw)


def make_membership(person: Person, body: Body, **kw) -> Membership:
    kw.setdefault("role", Membership.Role.MEMBER)
    kw.setdefault("start", datetime.date(2020, 1, 1))
    return Membership.objects.create(person=person, body=body, **kw)


def make_meeting(*bodies, days_ahead: int = 7, **kw):
    from django.utils import timezone

    from samverkan.meetings.services import plan_meeting

    kw.setdefault("date", timezone.localdate() + datetime.timedelta(days=days_ahead))
    kw.setdefault("start", datetime.time(9, 0))
    kw.setdefault("end", datetime.time(11, 0))
    return plan_meeting(bodies=list(bodies), **kw)
