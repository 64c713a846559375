import datetime
from urllib.parse import urlsplit

import pytest

from samverkan.minutes.services import add_decision, approve, minutes_for, save_note
from samverkan.oparl.tests.oparl import validate, validate_list
from samverkan.publishing.archive import publish
from tests.factories import make_body, make_meeting


@pytest.fixture(autouse=True)
def site(settings):
    settings.SITE_URL = "http://testserver"


def held(*bodies, day, decision="Rapporten godkänns.", note="Läget redovisades.", by=None):
    meeting = make_meeting(*bodies, date=day, place="Regionhuset, Kristianstad")
    minutes = minutes_for(meeting)
    item = meeting.items.first()
    save_note(minutes, item, text=note, revision=0)
    add_decision(minutes, text=decision, item=item)
    approve(minutes, by=by, approvers=[])
    return meeting


@pytest.fixture
def world(cast, django_capture_on_commit_callbacks):
    """Published public minutes and everything the API must not show beside them."""
    central = make_body(name="Centralt samverkansorgan", short_name="CS", level="central")
    cast.public_body.parent = central
    cast.public_body.save()
    by = cast.alice.user
    with django_capture_on_commit_callbacks(execute=True):
        published = held(cast.public_body, day=datetime.date(2025, 3, 12), by=by)
        publish(published, by=by)
        older = held(central, day=datetime.date(2024, 5, 2), decision="Planen antas.", by=by)
        publish(older, by=by)
        waiting = held(cast.public_body, day=datetime.date(2025, 9, 1), by=by)
        internal = held(cast.internal_body, day=datetime.date(2025, 4, 1), by=by)
        publish(internal, by=by)
        joint = held(cast.public_body, cast.internal_body, day=datetime.date(2025, 5, 1), by=by)
        publish(joint, by=by)
        planned = make_meeting(cast.public_body, days_ahead=20)
    return {
        "cast": cast,
        "central": central,
        "published": [published, older],
        "hidden": [waiting, internal, joint, planned],
    }


class OParlClient:
    """GETs like an OParl client: absolute URLs, JSON, CORS; every answer is validated."""

    def __init__(self, client):
        self.client = client

    def get(self, url, **params):
        parts = urlsplit(url)
        response = self.client.get(parts.path + ("?" + parts.query if parts.query else ""), params)
        assert response.status_code == 200, (url, response.content[:300])
        assert response["Access-Control-Allow-Origin"] == "*"
        data = response.json()
        if "data" in data:
            validate_list(data)
        else:
            validate(data)
        return data

    def walk(self, url):
        """Every object in a list, page by page through `links.next`."""
        seen = []
        while url:
            page = self.get(url)
            seen.extend(page["data"])
            url = page["links"].get("next")
        return seen


@pytest.fixture
def oparl(client):
    return OParlClient(client)
