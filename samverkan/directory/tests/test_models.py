"""Directory models: membership history, visibility and the body hierarchy."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError

from samverkan.directory.models import Body, Membership
from tests.factories import make_body, make_membership, make_person

pytestmark = pytest.mark.django_db


def test_ending_a_membership_keeps_it_in_the_history():
    body = make_body()
    chair = make_person(name="Berit Lundström")
    m = make_membership(chair, body, role="ordförande", start=datetime.date(2020, 1, 1))
    m.end_on(datetime.date(2021, 12, 31))
    assert Membership.objects.filter(pk=m.pk).exists()
    assert list(body.memberships.current()) == []
    assert list(body.memberships.past()) == [m]


def test_who_was_chair_on_a_given_day():
    body = make_body()
    first, second = make_person(name="Anna Först"), make_person(name="Sven Sedan")
    make_membership(
        first,
        body,
        role="ordförande",
        start=datetime.date(2020, 1, 1),
        end=datetime.date(2021, 12, 31),
    )
    make_membership(second, body, role="ordförande", start=datetime.date(2022, 1, 1))
    chairs_2021 = body.memberships.current(on=datetime.date(2021, 6, 1)).filter(role="ordförande")
    assert [m.person.name for m in chairs_2021] == ["Anna Först"]


def test_membership_end_before_start_is_refused():
    m = make_membership(make_person(), make_body(), start=datetime.date(2022, 5, 1))
    with pytest.raises(ValidationError):
        m.end_on(datetime.date(2022, 4, 30))
    m.refresh_from_db()
    assert m.end is None


def test_overlapping_membership_in_same_body_is_invalid():
    person, body = make_person(), make_body()
    make_membership(person, body, start=datetime.date(2022, 1, 1), end=datetime.date(2022, 12, 31))
    clash = Membership(person=person, body=body, start=datetime.date(2022, 6, 1))
    with pytest.raises(ValidationError, match="redan ledamot"):
        clash.full_clean()
    later = Membership(person=person, body=body, start=datetime.date(2023, 1, 1))
    later.full_clean()


def test_body_cannot_report_to_its_own_descendant():
    top = make_body()
    child = make_body(parent=top)
    top.parent = child
    with pytest.raises(ValidationError):
        top.full_clean()


def test_ancestors_run_from_the_top(cast):
    assert cast.internal_body.ancestors() == [cast.public_body]


def test_internal_bodies_are_visible_to_members_only(cast):
    anonymous = Body.objects.visible_to(AnonymousUser())
    assert list(anonymous) == [cast.public_body]
    assert cast.internal_body in Body.objects.visible_to(cast.bob.user)
    assert cast.internal_body not in Body.objects.visible_to(cast.carl.user)
