"""Giving, changing and removing assignments in the minutes editor: errors beside the field."""

import pytest
from django.urls import reverse

from samverkan.directory.models import Person
from samverkan.followup.models import Assignment
from samverkan.followup.services import create_assignment
from samverkan.minutes.services import minutes_for
from tests.factories import make_meeting, make_membership, make_organisation, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(cast):
    meeting = make_meeting(cast.public_body, days_ahead=0)
    ystad = make_organisation(name="Ystads kommun")
    for name, org in [("Eva Ek", cast.kommun), ("Eva Eriksson", ystad)]:
        eva = make_person(name=name, organisation=org)
        make_membership(eva, cast.public_body)
        meeting.attendance.create(person=eva)
    return meeting


def add(client, meeting, headers=None, **data):
    return client.post(reverse("followup:assignment_add", args=[meeting.pk]), data, headers=headers)


def test_ambiguous_name_keeps_the_form_and_offers_the_people(meeting, login):
    response = add(login("alice"), meeting, who="Eva", what="Ta fram en plan", due="2026-12-01")
    html = response.content.decode()
    assert response.status_code == 400 and not Assignment.objects.exists()
    assert "Vilken Eva menar du?" in html
    assert "Eva Ek (Sjöbo kommun)" in html and "Eva Eriksson (Ystads kommun)" in html
    assert 'value="Ta fram en plan"' in html and 'value="Eva"' in html
    assert 'value="2026-12-01"' in html


def test_the_chosen_person_gets_the_assignment(meeting, login):
    eriksson = Person.objects.get(name="Eva Eriksson")
    add(login("alice"), meeting, who="Eva, Bob", what="Ta fram en plan", **{"pick-0": eriksson.pk})
    assignment = Assignment.objects.get()
    assert {p.name for p in assignment.owner_people.all()} == {"Eva Eriksson", "Bob Berg"}


def test_unknown_name_is_told_beside_the_field(meeting, login):
    response = add(login("alice"), meeting, who="Zelda", what="Något")
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="a-who-error"' in html and "”Zelda” finns inte bland de kallade" in html
    assert 'aria-describedby="a-who-help a-who-error"' in html
    assert 'aria-invalid="true"' in html


def test_htmx_answer_is_the_assignment_section_with_the_error(meeting, login):
    response = add(
        login("alice"), meeting, who="Eva", what="Ta fram en plan", headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 400 and "<html" not in html
    assert 'id="assignments"' in html and "Eva Ek (Sjöbo kommun)" in html


def test_htmx_success_shows_the_row_and_an_empty_form(meeting, login):
    response = add(
        login("alice"), meeting, who="Bob", what="Ta fram en plan", headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Ta fram en plan</a>" in html
    assert 'value="Bob"' not in html and "Uppdraget är sparat." in html


def test_success_without_javascript_returns_to_the_assignments(meeting, login):
    response = add(login("alice"), meeting, who="Bob", what="Ta fram en plan")
    assert response.status_code == 302 and response.url.endswith("#assignments")


# Finding 6: assignments can be changed and removed until justering


def given(meeting, cast):
    return create_assignment(
        minutes=minutes_for(meeting), body=cast.public_body, text="Skriv en plan", people=[cast.bob]
    )


def test_secretary_changes_an_assignment(meeting, cast, login):
    assignment = given(meeting, cast)
    client = login("alice")
    url = reverse("followup:assignment_edit", args=[assignment.pk])
    form = client.get(url).content.decode()
    assert 'value="Bob Berg"' in form and "Skriv en plan" in form
    response = client.post(
        url, {"who": "Alice", "what": "Skriv en bättre plan", "due": "2027-01-15"}
    )
    assert response.url.endswith("#assignments")
    assignment.refresh_from_db()
    assert assignment.text == "Skriv en bättre plan"
    assert [p.name for p in assignment.owner_people.all()] == ["Alice Andersson"]
    assert str(assignment.due_date) == "2027-01-15"
    html = client.get(reverse("minutes:editor", args=[meeting.pk])).content.decode()
    assert "uppdrag ändrat" in html and "Alice Andersson" in html


def test_changing_an_assignment_to_an_ambiguous_name_offers_the_people(meeting, cast, login):
    assignment = given(meeting, cast)
    url = reverse("followup:assignment_edit", args=[assignment.pk])
    response = login("alice").post(url, {"who": "Eva", "what": "Skriv en plan"})
    assert "Eva Eriksson (Ystads kommun)" in response.content.decode()
    assert [p.name for p in assignment.owner_people.all()] == ["Bob Berg"]


def test_removing_an_assignment_asks_first(meeting, cast, login):
    assignment = given(meeting, cast)
    client = login("alice")
    url = reverse("followup:assignment_delete", args=[assignment.pk])
    confirm = client.get(url).content.decode()
    assert "Vill du ta bort uppdraget?" in confirm and "Skriv en plan" in confirm
    assert Assignment.objects.exists()
    response = client.post(url)
    assert response.url.endswith("#assignments") and not Assignment.objects.exists()
    html = client.get(reverse("minutes:editor", args=[meeting.pk])).content.decode()
    assert "uppdrag borttaget" in html


def test_assignments_of_approved_minutes_cannot_be_changed_or_removed(meeting, cast, login):
    assignment = given(meeting, cast)
    client = login("alice")
    client.post(reverse("minutes:approve", args=[meeting.pk]), {"approval": "nästa möte"})
    edit = reverse("followup:assignment_edit", args=[assignment.pk])
    remove = reverse("followup:assignment_delete", args=[assignment.pk])
    refused = client.post(edit, {"who": "Alice", "what": "Ändrat"}, follow=True).content.decode()
    assert "justerade och låsta" in refused
    assert "justerade och låsta" in client.post(remove, follow=True).content.decode()
    assignment.refresh_from_db()
    assert assignment.text == "Skriv en plan"


@pytest.mark.parametrize("username", ["bob", "carl", None])
def test_only_editors_change_or_remove_assignments(meeting, cast, login, username):
    assignment = given(meeting, cast)
    client = login(username)
    for name in ["followup:assignment_edit", "followup:assignment_delete"]:
        url = reverse(name, args=[assignment.pk])
        assert client.post(url, {"who": "Alice", "what": "x"}).status_code in (403, 404)
    assert Assignment.objects.get().text == "Skriv en plan"
