"""An OParl client that only follows links finds every published public meeting, nothing else."""

import json

import pytest

from samverkan.directory import permissions
from samverkan.meetings.models import Meeting
from samverkan.oparl.tests.oparl import embedded
from samverkan.publishing.models import Publication

pytestmark = pytest.mark.django_db
OPARL = "http://testserver/oparl/v1/"


def is_link(key, value):
    return (
        isinstance(value, str)
        and value.startswith(OPARL)
        and key not in ("id", "accessUrl", "downloadUrl")
    )


def crawl(oparl):
    """Breadth-first from the system object, following every OParl link once."""
    objects, queue, visited = {}, [OPARL], set()
    while queue:
        url = queue.pop(0)
        if url in visited:
            continue
        visited.add(url)
        answer = oparl.get(url)
        found = answer.get("data", [answer])
        if "data" in answer and answer["links"].get("next"):
            queue.append(answer["links"]["next"])
        for obj in found:
            for each in [obj, *embedded(obj)]:
                objects.setdefault(each["id"], each)
                for key, value in each.items():
                    values = value if isinstance(value, list) else [value]
                    queue.extend(v for v in values if is_link(key, v))
    return objects


def test_following_links_finds_every_published_public_meeting_and_nothing_else(world, oparl):
    objects = crawl(oparl)
    meetings = {o["id"] for o in objects.values() if o["type"].endswith("/Meeting")}
    assert meetings == {f"{OPARL}meeting/{m.pk}/" for m in world["published"]}
    hidden = {f"{OPARL}meeting/{m.pk}/" for m in world["hidden"]}
    assert not hidden & set(objects)
    organizations = {o["name"] for o in objects.values() if o["type"].endswith("/Organization")}
    assert "Arbetsgrupp Sydost" not in organizations
    assert {"Delregional samverkan Sydost", "Centralt samverkansorgan", "Region Skåne"} <= (
        organizations
    )


def test_every_object_is_served_at_its_id(world, oparl):
    for url, obj in crawl(oparl).items():
        own = oparl.get(url)
        assert own["type"] == obj["type"] and own["id"] == url


def test_people_are_names_and_organisations_only(world, oparl):
    text = json.dumps(crawl(oparl), ensure_ascii=False)
    assert "Bob Berg" in text and "Alice Andersson" in text
    assert "Carl Carlsson" not in text  # sits in no public body
    for private in ("a@example.se", "040-123456", "närvarande", "Inte svarat"):
        assert private not in text


def test_the_organisation_tree_and_membership_seats(world, oparl):
    cast = world["cast"]
    org = oparl.get(f"{OPARL}organization/{cast.public_body.pk}/")
    assert org["subOrganizationOf"] == f"{OPARL}organization/{world['central'].pk}/"
    assert org["classification"] == "DS"
    membership = oparl.get(org["membership"][0])
    assert membership["organization"] == org["id"]
    assert membership["samverkan:seat"] == "Ordinarie" and membership["votingRight"] is True
    home = oparl.get(membership["onBehalfOf"])
    assert home["name"] in ("Sjöbo kommun", "Region Skåne")


def test_a_meeting_carries_its_agenda_decisions_and_files(world, oparl):
    meeting = world["published"][0]
    data = oparl.get(f"{OPARL}meeting/{meeting.pk}/")
    assert data["meetingState"] == "Publicerat"
    assert data["start"].startswith("2025-03-12T09:00:00+01:00")
    assert data["location"]["description"] == "Regionhuset, Kristianstad"
    assert data["agendaItem"][0]["resolutionText"] == "Rapporten godkänns."
    assert data["resultsProtocol"]["mimeType"] == "application/pdf"
    assert "Läget redovisades." in data["resultsProtocol"]["text"]


def test_the_rule_is_the_archives_rule(world):
    api = set(permissions.public_meetings(Meeting.objects.all()).values_list("pk", flat=True))
    archive = set(Publication.objects.public().values_list("meeting", flat=True))
    assert api == archive == {m.pk for m in world["published"]}


def test_oparl_objects_link_to_their_extension_data(world, oparl, client):
    cast = world["cast"]
    org = oparl.get(f"{OPARL}organization/{cast.public_body.pk}/")
    assert org["samverkan:assignments"].endswith(f"/api/assignments/?body={cast.public_body.pk}")
    meeting = oparl.get(f"{OPARL}meeting/{world['published'][0].pk}/")
    decisions = client.get(meeting["samverkan:decisions"].removeprefix("http://testserver"))
    assert [d["text"] for d in decisions.json()["items"]] == ["Rapporten godkänns."]
