"""Two editors on one agenda item or one body: the second save does not silently overwrite.

The page carries the revision it was read at (as the minutes editor's notes do); a save made
from an older revision shows what the other editor saved, keeps what was typed, and takes
effect only when sent again.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from samverkan.directory.models import Body, Membership
from tests.factories import make_meeting, make_membership, make_person

pytestmark = pytest.mark.django_db
REVISION = re.compile(r'name="revision" value="(\d+)"')


def editor(username: str) -> Client:
    client = Client()
    client.login(username=username, password="pw-" + username)
    return client


@pytest.fixture
def eva(cast):
    eva = make_person("eva", name="Eva Ek", organisation=cast.region)
    make_membership(eva, cast.public_body, organisation=cast.region, role=Membership.Role.SECRETARY)
    return eva


def read_form(client: Client, url: str) -> dict:
    found = REVISION.search(client.get(url).content.decode())
    return {"revision": found[1]} if found else {}


def test_a_second_editor_of_an_agenda_item_sees_the_first_ones_save(cast, eva):
    meeting = make_meeting(cast.public_body)
    item = meeting.items.first()
    url = reverse("meetings:item_edit", args=[meeting.pk, item.pk])
    alice, eva_client = editor("alice"), editor("eva")
    alice_form, eva_form = read_form(alice, url), read_form(eva_client, url)

    saved = alice.post(url, {**alice_form, "title": "Budget 2031", "kind": "beslut"})
    assert saved.status_code == 302

    conflict = eva_client.post(url, {**eva_form, "title": "Ekonomi", "kind": "information"})
    page = conflict.content.decode()
    assert conflict.status_code == 200
    assert "Någon annan har sparat ändringar medan du skrev." in page
    assert "Sparat av någon annan: ”Budget 2031”" in page
    assert "Sparat av någon annan: Beslut" in page
    assert 'value="Ekonomi"' in page  # what she typed is kept
    item.refresh_from_db()
    assert (item.title, item.kind) == ("Budget 2031", "beslut")

    again = eva_client.post(
        url, {"revision": REVISION.search(page)[1], "title": "Ekonomi", "kind": "information"}
    )
    assert again.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.kind) == ("Ekonomi", "information")


def test_saving_an_agenda_item_twice_from_one_page_in_a_row_is_no_conflict(cast):
    meeting = make_meeting(cast.public_body)
    item = meeting.items.first()
    url = reverse("meetings:item_edit", args=[meeting.pk, item.pk])
    alice = editor("alice")
    assert (
        alice.post(url, {**read_form(alice, url), "title": "A", "kind": "beslut"}).status_code
        == 302
    )
    assert (
        alice.post(url, {**read_form(alice, url), "title": "B", "kind": "beslut"}).status_code
        == 302
    )
    item.refresh_from_db()
    assert item.title == "B"


def body_data(body: Body, **changes) -> dict:
    data = {
        "name": body.name,
        "short_name": body.short_name,
        "level": body.level,
        "area": body.area,
        "parent": body.parent_id or "",
        "description": body.description,
        "is_public": "on" if body.is_public else "",
    }
    return {k: v for k, v in {**data, **changes}.items() if v != ""}


def test_a_second_editor_of_a_body_sees_the_first_ones_save(cast, eva):
    body = cast.public_body
    url = reverse("directory:body_edit", args=[body.pk])
    alice, eva_client = editor("alice"), editor("eva")
    alice_form, eva_form = read_form(alice, url), read_form(eva_client, url)

    first = body_data(body, description="Möts varannan månad.")
    assert alice.post(url, {**alice_form, **first}).status_code == 302
    conflict = eva_client.post(url, {**eva_form, **body_data(body, is_public="")})
    page = conflict.content.decode()
    assert "Någon annan har sparat ändringar medan du skrev." in page
    assert "Sparat av någon annan: ”Möts varannan månad.”" in page
    body.refresh_from_db()
    assert body.is_public and body.description == "Möts varannan månad."
    assert (
        eva_client.post(
            url,
            {"revision": REVISION.search(page)[1], **body_data(body, is_public="", description="")},
        ).status_code
        == 302
    )
    body.refresh_from_db()
    assert not body.is_public
