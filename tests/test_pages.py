"""What a visitor notices first: the start page, the menu, search messages, the 404 page and
the accessibility statement."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

IMPORT_LINK = f'href="{reverse("importer:upload")}"'


@pytest.mark.parametrize(("username", "sees_import"), [("bob", False), ("alice", True)])
def test_the_menu_offers_import_only_to_those_who_may_import(cast, login, username, sees_import):
    html = login(username).get(reverse("home")).content.decode()
    assert (IMPORT_LINK in html) is sees_import


def test_the_anonymous_start_page_says_what_this_is_and_searches_the_archive(cast, client):
    response = client.get(reverse("home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "samlar möten, minnesanteckningar, beslut och uppdrag" in html
    assert f'action="{reverse("publishing:search")}"' in html and 'name="q"' in html


def test_the_archive_search_asks_for_words_when_the_query_is_empty(cast, client):
    html = client.get(reverse("publishing:search"), {"q": "  "}).content.decode()
    assert "Skriv ett eller flera ord att söka efter." in html
    assert "organ och år måste väljas" not in html


def test_the_archive_search_explains_a_too_long_query(cast, client):
    html = client.get(reverse("publishing:search"), {"q": "vård" * 125}).content.decode()
    assert "Sökningen får vara högst 200 tecken (den har 500)." in html
    assert "organ och år måste väljas" not in html


def test_a_wrong_year_is_still_explained(cast, client):
    html = client.get(reverse("publishing:search"), {"q": "vård", "year": "1850"}).content.decode()
    assert "Välj ett år i listan." in html


@pytest.mark.parametrize("path", ["/finns-inte/", "/organ/999999/"])
def test_a_missing_page_is_the_swedish_404_page_also_with_debug(cast, client, settings, path):
    settings.DEBUG = True
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Sidan finns inte" in html and "DEBUG = True" not in html


def test_a_missing_slash_is_still_added_with_debug(cast, client, settings):
    settings.DEBUG = True
    assert client.get("/organ").status_code == 301


def test_the_accessibility_statement_is_linked_from_every_page(cast, client):
    address = reverse("accessibility")
    assert f'href="{address}"' in client.get(reverse("directory:body_list")).content.decode()
    html = client.get(address).content.decode()
    assert "Tillgänglighet för Samverkan" in html
    for heading in ["Hur vi har testat", "Kända brister", "Rapportera brister"]:
        assert heading in html
    assert "Myndigheten för digital förvaltning" in html
