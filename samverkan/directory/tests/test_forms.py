"""Bad input on the directory forms gives Swedish messages and writes nothing."""

import pytest
from django.urls import reverse

from samverkan.directory.models import Body, Membership, Person

pytestmark = pytest.mark.django_db


def test_body_with_empty_name_is_refused(cast, login):
    before = Body.objects.count()
    response = login("alice").post(
        reverse("directory:body_create"),
        {
            "name": "",
            "short_name": "X",
            "level": "arbetsgrupp",
            "parent": cast.public_body.pk,
        },
    )
    assert "Detta fält måste fyllas i." in response.content.decode()
    assert Body.objects.count() == before


def test_over_long_name_is_refused(cast, login):
    response = login("alice").post(reverse("directory:person_create"), {"name": "x" * 201})
    assert "som mest 200 tecken" in response.content.decode()
    assert not Person.objects.filter(name__startswith="xxx").exists()


def test_invalid_email_is_refused(cast, login):
    response = login("alice").post(
        reverse("directory:person_edit", args=[cast.alice.pk]),
        {"name": "Alice Andersson", "email": "inte-en-adress"},
    )
    assert "giltig e-postadress" in response.content.decode()
    cast.alice.refresh_from_db()
    assert cast.alice.email == "a@example.se"


def test_membership_ending_before_it_starts_is_refused(cast, login):
    response = login("alice").post(
        reverse("directory:membership_add", args=[cast.public_body.pk]),
        {
            "person": cast.carl.pk,
            "role": "ledamot",
            "seat": "ordinarie",
            "start": "2024-05-01",
            "end": "2024-04-01",
        },
    )
    assert "Slutdatum kan inte vara före startdatum." in response.content.decode()
    assert not Membership.objects.filter(person=cast.carl).exists()


def test_duplicate_membership_for_the_same_period_is_refused(cast, login):
    response = login("alice").post(
        reverse("directory:membership_add", args=[cast.public_body.pk]),
        {
            "person": cast.bob.pk,
            "role": "ledamot",
            "seat": "ordinarie",
            "start": "2023-01-01",
        },
    )
    assert "Personen är redan ledamot i organet under samma period." in response.content.decode()
    assert Membership.objects.filter(person=cast.bob, body=cast.public_body).count() == 1


def test_regular_member_cannot_substitute_for_someone(cast, login):
    response = login("alice").post(
        reverse("directory:membership_add", args=[cast.public_body.pk]),
        {
            "person": cast.carl.pk,
            "role": "ledamot",
            "seat": "ordinarie",
            "substitute_for": cast.bob.pk,
            "start": "2024-01-01",
        },
    )
    assert "Bara en ersättare" in response.content.decode()
    assert not Membership.objects.filter(person=cast.carl).exists()


def test_ending_membership_with_date_before_start_is_refused(cast, login):
    m = Membership.objects.get(person=cast.bob, body=cast.public_body)
    response = login("alice").post(
        reverse("directory:membership_end", args=[m.pk]), {"end": "2019-01-01"}
    )
    assert "Slutdatum kan inte vara före startdatum." in response.content.decode()
    m.refresh_from_db()
    assert m.end is None


def test_ending_membership_with_garbage_date_is_refused(cast, login):
    m = Membership.objects.get(person=cast.bob, body=cast.public_body)
    response = login("alice").post(
        reverse("directory:membership_end", args=[m.pk]), {"end": "igår"}
    )
    assert "Fyll i ett giltigt datum." in response.content.decode()
    m.refresh_from_db()
    assert m.end is None


def test_secretary_adds_and_ends_a_membership(cast, login):
    client = login("alice")
    response = client.post(
        reverse("directory:membership_add", args=[cast.public_body.pk]),
        {
            "person": cast.carl.pk,
            "organisation": cast.region.pk,
            "role": "ledamot",
            "seat": "ersättare",
            "substitute_for": cast.bob.pk,
            "start": "2024-01-01",
        },
    )
    assert response.status_code == 302
    m = Membership.objects.get(person=cast.carl)
    assert m.substitute_for == cast.bob
    page = client.get(cast.public_body.get_absolute_url()).content.decode()
    assert "Carl Carlsson" in page and "ersättare för Bob Berg" in page
    client.post(reverse("directory:membership_end", args=[m.pk]), {"end": "2024-06-30"})
    m.refresh_from_db()
    assert str(m.end) == "2024-06-30"
    assert "Carl Carlsson" in client.get(cast.carl.get_absolute_url()).content.decode()


def test_body_cannot_be_moved_under_its_own_child(cast, login, django_user_model):
    django_user_model.objects.create_user("admin", password="pw-admin", is_staff=True)
    response = login("admin").post(
        reverse("directory:body_edit", args=[cast.public_body.pk]),
        {
            "name": cast.public_body.name,
            "short_name": "DS Sydost",
            "level": "delregional",
            "parent": cast.internal_body.pk,
            "is_public": "on",
        },
    )
    assert "kan inte rapportera till sig självt" in response.content.decode()
    cast.public_body.refresh_from_db()
    assert cast.public_body.parent is None
