"""Object lists: bounded pages, next/prev links, the date filters and deleted objects."""

import datetime
from urllib.parse import quote

import pytest
from django.utils import timezone

from samverkan.minutes.services import start_correction
from samverkan.oparl.tests.conftest import held
from samverkan.publishing.archive import publish
from tests.factories import make_membership, make_person

pytestmark = pytest.mark.django_db


def publish_many(body, n, start=datetime.date(2020, 1, 6)):
    meetings = []
    for i in range(n):
        meeting = held(body, day=start + datetime.timedelta(weeks=i))
        publish(meeting, by=None)
        meetings.append(meeting)
    return meetings


def test_next_links_run_to_the_end_without_duplicates(cast, oparl):
    meetings = publish_many(cast.public_body, 7)
    first = oparl.get("/oparl/v1/body/meetings/", limit=3)
    assert first["pagination"]["elementsPerPage"] == 3
    assert first["pagination"]["totalElements"] == 7
    assert "prev" not in first["links"]
    ids = [m["id"] for m in oparl.walk(first["links"]["self"])]
    assert len(ids) == len(set(ids)) == 7
    assert set(ids) == {f"http://testserver/oparl/v1/meeting/{m.pk}/" for m in meetings}


def test_prev_goes_back_to_the_page_before(cast, oparl):
    publish_many(cast.public_body, 5)
    first = oparl.get("/oparl/v1/body/meetings/", limit=2)
    second = oparl.get(first["links"]["next"])
    back = oparl.get(second["links"]["prev"])
    assert [m["id"] for m in back["data"]] == [m["id"] for m in first["data"]]


def test_rows_added_or_hidden_while_walking_leave_no_gap_or_duplicate(cast, oparl):
    meetings = publish_many(cast.public_body, 6)
    page = oparl.get("/oparl/v1/body/meetings/", limit=2)
    seen = [m["id"] for m in page["data"]]
    # meanwhile: a new meeting is published and an already listed one is unpublished
    publish_many(cast.public_body, 1, start=datetime.date(2024, 1, 1))
    start_correction(meetings[0].minutes)
    url = page["links"]["next"]
    while url:
        page = oparl.get(url)
        seen.extend(m["id"] for m in page["data"])
        url = page["links"].get("next")
    assert len(seen) == len(set(seen)) == 7
    assert {f"http://testserver/oparl/v1/meeting/{m.pk}/" for m in meetings} <= set(seen)


def test_the_page_size_is_bounded(cast, oparl):
    page = oparl.get("/oparl/v1/body/meetings/", limit=100000)
    assert page["pagination"]["elementsPerPage"] == 100


def test_links_keep_the_filters(cast, oparl):
    publish_many(cast.public_body, 3)
    since = quote("2000-01-01T00:00:00+01:00")
    page = oparl.get(f"/oparl/v1/body/meetings/?limit=1&created_since={since}")
    assert "created_since=2000-01-01T00%3A00%3A00%2B01%3A00" in page["links"]["next"]
    assert "limit=1" in page["links"]["next"]


def test_modified_since_lists_what_changed_and_what_was_unpublished(cast, oparl, client):
    old, kept = publish_many(cast.public_body, 2)
    before = timezone.now()
    start_correction(old.minutes)  # reopened: no longer public
    changed = oparl.get("/oparl/v1/body/meetings/", modified_since=before.isoformat())
    assert [m["id"] for m in changed["data"]] == [f"http://testserver/oparl/v1/meeting/{old.pk}/"]
    gone = changed["data"][0]
    assert gone["deleted"] is True and set(gone) == {"id", "type", "created", "modified", "deleted"}
    assert datetime.datetime.fromisoformat(gone["modified"]) >= before.replace(microsecond=0)
    # without modified_since a deleted object is not listed, but its URL still answers
    listed = oparl.get("/oparl/v1/body/meetings/")["data"]
    assert [m["id"] for m in listed] == [f"http://testserver/oparl/v1/meeting/{kept.pk}/"]
    assert oparl.get(gone["id"])["deleted"] is True
    items = oparl.get("/oparl/v1/body/agenda-items/", modified_since=before.isoformat())["data"]
    assert items and all(item["deleted"] for item in items)
    files = oparl.get("/oparl/v1/body/files/", modified_since=before.isoformat())["data"]
    assert len(files) == 2 and all(f["deleted"] for f in files)
    assert client.get(files[0]["accessUrl"]).status_code == 410


def test_created_until_leaves_out_later_meetings(cast, oparl):
    publish_many(cast.public_body, 2)
    everything = oparl.get("/oparl/v1/body/meetings/")["data"]
    cut = datetime.datetime.fromisoformat(everything[0]["created"]) - datetime.timedelta(days=1)
    assert oparl.get("/oparl/v1/body/meetings/", created_until=cut.isoformat())["data"] == []
    assert len(oparl.get("/oparl/v1/body/meetings/", created_since=cut.isoformat())["data"]) == 2


def test_omit_internal_leaves_out_embedded_lists(cast, oparl):
    publish_many(cast.public_body, 1)
    meeting = oparl.get("/oparl/v1/body/meetings/", omit_internal="true")["data"][0]
    assert "agendaItem" not in meeting
    person = oparl.get("/oparl/v1/body/people/", omit_internal="true")["data"][0]
    assert "membership" not in person


@pytest.mark.parametrize(
    "path",
    [
        "/oparl/v1/body/meetings/",
        "/oparl/v1/body/agenda-items/",
        "/oparl/v1/body/files/",
        "/oparl/v1/body/people/",
        "/oparl/v1/body/memberships/",
        "/oparl/v1/body/organizations/",
        "/oparl/v1/body/home-organizations/",
    ],
)
def test_a_page_costs_the_same_queries_however_many_rows(
    cast, client, path, django_assert_max_num_queries
):
    publish_many(cast.public_body, 2)
    with django_assert_max_num_queries(8) as few:
        client.get(path)
    for i in range(12):
        make_membership(make_person(name=f"Ny Person{i}"), cast.public_body)
    publish_many(cast.public_body, 25, start=datetime.date(2022, 1, 3))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(path)
    assert response.status_code == 200
