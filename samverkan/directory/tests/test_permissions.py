"""Who may see and do what, page by page, for member, secretary, outsider and anonymous."""

import pytest
from django.urls import reverse

from samverkan.directory import permissions
from samverkan.directory.models import Membership

pytestmark = pytest.mark.django_db

# (url name, argument from the cast) → expected status for alice, bob, carl, anonymous.
# 302 for anonymous means "sent to the login page"; 404 hides internal bodies entirely.
PAGES = [
    ("directory:body_list", None, 200, 200, 200, 200),
    ("directory:body", "public_body", 200, 200, 200, 200),
    ("directory:body", "internal_body", 200, 200, 404, 404),
    ("directory:body_edit", "public_body", 200, 403, 403, 302),
    ("directory:body_edit", "internal_body", 200, 403, 404, 404),
    ("directory:membership_add", "public_body", 200, 403, 403, 302),
    ("directory:body_create", None, 200, 403, 403, 302),
    ("directory:person", "bob", 200, 200, 200, 302),
    ("directory:person_edit", "bob", 200, 200, 403, 302),
    ("directory:person_edit", "carl", 403, 403, 200, 302),
    ("directory:person_create", None, 200, 403, 403, 302),
    ("directory:organisation_list", None, 200, 200, 200, 200),
    ("directory:search", None, 200, 200, 200, 200),
]


@pytest.mark.parametrize("name, arg, alice, bob, carl, anonymous", PAGES)
def test_page_access(cast, login, name, arg, alice, bob, carl, anonymous):
    expected = [alice, bob, carl, anonymous]
    args = [getattr(cast, arg).pk] if arg else []
    for username, status in zip(["alice", "bob", "carl", None], expected, strict=True):
        client = login(username)
        response = client.get(reverse(name, args=args))
        assert response.status_code == status, (name, arg, username)
        client.logout()


def test_secretary_edits_sub_bodies_but_not_siblings(cast):
    from tests.factories import make_body

    sibling = make_body(name="Annat organ")
    alice = cast.alice.user
    assert permissions.can_edit_body(alice, cast.internal_body)
    assert not permissions.can_edit_body(alice, sibling)


def test_ended_secretary_loses_edit_rights(cast):
    import datetime

    m = Membership.objects.get(person=cast.alice, body=cast.public_body)
    m.end_on(datetime.date(2021, 1, 1))
    assert not permissions.can_edit_body(cast.alice.user, cast.public_body)


def test_staff_edit_everything(cast, django_user_model):
    staff = django_user_model.objects.create_user("admin", is_staff=True)
    assert permissions.can_edit_body(staff, cast.internal_body)
    assert permissions.can_edit_organisations(staff)
    assert not permissions.can_edit_organisations(cast.alice.user)


def test_anonymous_body_page_shows_no_contact_details(cast, client):
    html = client.get(cast.public_body.get_absolute_url()).content.decode()
    assert "Bob Berg" in html
    assert "040-123456" not in html
    assert cast.bob.get_absolute_url() not in html


def test_outsider_cannot_end_memberships(cast, login):
    m = Membership.objects.get(person=cast.bob, body=cast.public_body)
    response = login("carl").post(
        reverse("directory:membership_end", args=[m.pk]), {"end": "2024-01-01"}
    )
    assert response.status_code == 403
    m.refresh_from_db()
    assert m.end is None


def test_secretary_cannot_create_body_under_a_body_she_does_not_edit(cast, login):
    from samverkan.directory.models import Body
    from tests.factories import make_body

    other = make_body(name="Annat organ", short_name="AO")
    response = login("alice").post(
        reverse("directory:body_create"),
        {
            "name": "Nytt",
            "short_name": "N",
            "level": "arbetsgrupp",
            "parent": other.pk,
        },
    )
    assert response.status_code == 200
    assert not Body.objects.filter(short_name="N").exists()
