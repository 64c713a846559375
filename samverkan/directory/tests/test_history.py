"""Audit trail: changes to bodies (the public flag), memberships, people and distribution
lists are recorded with who and when, and editors see them on the pages."""

from django.urls import reverse

from tests.factories import make_person

HISTORY = "Ändringshistorik"


def body_form(body, **changes):
    data = {
        "name": body.name,
        "short_name": body.short_name,
        "level": body.level,
        "area": body.area,
        "parent": body.parent_id or "",
        "description": body.description,
    }
    if body.is_public:
        data["is_public"] = "on"
    data.update(changes)
    return {k: v for k, v in data.items() if v is not False}


def test_making_a_body_internal_is_shown_with_who_and_when(cast, login):
    client = login("alice")
    response = client.post(
        reverse("directory:body_edit", args=[cast.public_body.pk]),
        body_form(cast.public_body, is_public=False),
    )
    assert response.status_code == 302
    page = client.get(cast.public_body.get_absolute_url()).content.decode()
    assert HISTORY in page
    assert "Offentligt: ja → nej" in page and "Alice Andersson" in page
    # members who do not edit the body do not see the history
    assert HISTORY not in login("bob").get(cast.public_body.get_absolute_url()).content.decode()


def test_membership_added_and_ended_are_in_the_history(cast, login):
    dana = make_person(name="Dana Dahl")
    client = login("alice")
    client.post(
        reverse("directory:membership_add", args=[cast.public_body.pk]),
        {"person": dana.pk, "role": "ledamot", "seat": "ordinarie", "start": "2025-01-01"},
    )
    membership = dana.memberships.get()
    client.post(reverse("directory:membership_end", args=[membership.pk]), {"end": "2025-06-30"})
    page = client.get(cast.public_body.get_absolute_url()).content.decode()
    assert "Ledamotskap Dana Dahl" in page and "Skapad" in page
    assert "Till: – → 2025-06-30" in page


def test_a_changed_phone_number_is_in_the_persons_history_for_editors(cast, login):
    client = login("alice")
    client.post(
        reverse("directory:person_edit", args=[cast.bob.pk]),
        {"name": cast.bob.name, "organisation": cast.region.pk, "phone": "040-999999"},
    )
    page = client.get(cast.bob.get_absolute_url()).content.decode()
    assert "Telefon: 040-123456 → 040-999999" in page and "Alice Andersson" in page
    assert HISTORY not in login("carl").get(cast.bob.get_absolute_url()).content.decode()
