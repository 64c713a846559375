"""What people see on the directory pages: the tree, members by organisation, search, language."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_body_tree_nests_internal_group_for_its_member(cast, login):
    html = login("bob").get(reverse("directory:body_list")).content.decode()
    assert html.index("Delregional samverkan Sydost") < html.index("Arbetsgrupp Sydost")
    assert "Internt" in html


def test_body_page_groups_members_by_organisation(cast, client):
    html = client.get(cast.public_body.get_absolute_url()).content.decode()
    assert html.index("Region Skåne") < html.index("Bob Berg") < html.index("Sjöbo kommun")
    assert html.index("Sjöbo kommun") < html.index("Alice Andersson")
    assert "Sekreterare" in html


def test_search_finds_people_and_bodies_as_you_type(cast, login):
    client = login("carl")
    html = client.get(reverse("directory:search"), {"q": "sydost"}).content.decode()
    assert "Delregional samverkan Sydost" in html
    assert "Arbetsgrupp Sydost" not in html  # internal, carl is not a member
    partial = client.get(reverse("directory:search"), {"q": "berg"}, HTTP_HX_REQUEST="true")
    body = partial.content.decode()
    assert "Bob Berg" in body and "<html" not in body


def test_anonymous_search_finds_no_people(cast, client):
    html = client.get(reverse("directory:search"), {"q": "Bob"}).content.decode()
    assert "Bob Berg" not in html


def test_person_page_lists_past_and_present_memberships(cast, login):
    import datetime

    from samverkan.directory.models import Membership

    Membership.objects.get(person=cast.bob, body=cast.public_body).end_on(datetime.date(2021, 5, 1))
    html = login("bob").get(cast.bob.get_absolute_url()).content.decode()
    assert "Tidigare" in html
    assert (
        html.index("Arbetsgrupp Sydost")
        < html.index("Tidigare")
        < html.index("Delregional samverkan Sydost")
    )


def test_interface_switches_to_english(cast, client):
    client.post(reverse("set_language"), {"language": "en", "next": "/organ/"})
    html = client.get(reverse("directory:body_list")).content.decode()
    assert '<html lang="en">' in html
    assert "Bodies of the care collaboration" in html


def test_swedish_whatever_the_browser_prefers(cast, client):
    html = client.get(reverse("directory:body_list"), HTTP_ACCEPT_LANGUAGE="en-US,en").content
    assert '<html lang="sv">' in html.decode()
