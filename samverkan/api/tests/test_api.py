"""The API as another system uses it: documented, permission-bound, bounded, with two writes."""

import datetime

import pytest

from samverkan.api.models import ApiToken
from samverkan.followup.models import Assignment
from samverkan.followup.services import create_assignment
from samverkan.plans.models import Goal, Indicator, Plan
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def bearer(user):
    return {"HTTP_AUTHORIZATION": "Bearer " + ApiToken.issue(user, "test")[1]}


@pytest.fixture
def work(cast):
    public = Assignment.objects.create(text="Ta fram en rutin", body=cast.public_body)
    public.owner_people.add(cast.bob)
    internal = Assignment.objects.create(text="Intern översyn", body=cast.internal_body)
    plan = Plan.objects.create(body=cast.public_body, title="Handlingsplan 2025")
    goal = Goal.objects.create(plan=plan, title="Färre återinskrivningar")
    indicator = Indicator.objects.create(goal=goal, name="Återinskrivningar")
    return {"public": public, "internal": internal, "plan": plan, "indicator": indicator}


def test_the_openapi_document_and_its_docs_page_are_served(client):
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert {"/api/decisions/", "/api/assignments/{pk}/status", "/api/search/"} <= set(
        schema["paths"]
    )
    assert client.get("/api/docs").status_code == 200


def test_anonymous_callers_see_public_bodies_only(work, client):
    texts = [a["text"] for a in client.get("/api/assignments/").json()["items"]]
    assert texts == ["Ta fram en rutin"]
    assert client.get(f"/api/assignments/{work['internal'].pk}").status_code == 404


def test_a_members_token_sees_their_internal_body(cast, work, client):
    response = client.get("/api/assignments/", **bearer(cast.bob.user))
    assert {a["text"] for a in response.json()["items"]} == {"Ta fram en rutin", "Intern översyn"}


def test_an_owner_updates_an_assignments_status_with_a_comment(cast, work, client):
    url = f"/api/assignments/{work['public'].pk}/status"
    response = client.post(
        url,
        {"status": "pågående", "comment": "Arbetet har börjat."},
        content_type="application/json",
        **bearer(cast.bob.user),
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "pågående"
    assert response.json()["log"][0]["comment"] == "Arbetet har börjat."
    work["public"].refresh_from_db()
    assert work["public"].status == "pågående"


def test_others_and_sessions_cannot_write(cast, work, client, login):
    url = f"/api/assignments/{work['public'].pk}/status"
    payload = {"status": "klar", "comment": ""}
    refused = client.post(url, payload, content_type="application/json", **bearer(cast.carl.user))
    assert refused.status_code == 403
    assert refused.json()["detail"] == "Du får inte uppdatera det här uppdraget."
    session = login("bob").post(url, payload, content_type="application/json")
    assert session.status_code == 403  # a cookie alone never writes
    work["public"].refresh_from_db()
    assert work["public"].status == "öppen"


def test_a_bad_status_changes_nothing(cast, work, client):
    response = client.post(
        f"/api/assignments/{work['public'].pk}/status",
        {"status": "kanske"},
        content_type="application/json",
        **bearer(cast.bob.user),
    )
    assert response.status_code == 400 and response.json()["detail"] == "Okänd status."
    assert not work["public"].updates.exists()


def test_the_secretary_adds_a_measurement_once_per_period(cast, work, client):
    url = f"/api/plans/indicators/{work['indicator'].pk}/measurements"
    auth = bearer(cast.alice.user)
    added = client.post(
        url, {"period": "2025-03", "value": "12,5"}, content_type="application/json", **auth
    )
    assert added.status_code == 201, added.content
    assert added.json()["measurements"] == [{"period": "2025-03-01", "value": "12.50"}]
    twice = client.post(
        url, {"period": "2025-03", "value": "13"}, content_type="application/json", **auth
    )
    assert twice.status_code == 400 and "har redan ett värde" in twice.json()["detail"]
    member = client.post(
        url,
        {"period": "2025-04", "value": "1"},
        content_type="application/json",
        **bearer(cast.bob.user),
    )
    assert member.status_code == 403


def test_a_plan_lists_goals_indicators_and_measurements(work, client):
    data = client.get(f"/api/plans/{work['plan'].pk}").json()
    assert data["goals"][0]["indicators"][0]["name"] == "Återinskrivningar"


def test_inventory_rounds_are_for_signed_in_callers(cast, client):
    assert client.get("/api/inventory-rounds/").status_code == 403
    assert client.get("/api/inventory-rounds/", **bearer(cast.carl.user)).status_code == 200


def test_a_burst_over_the_limit_gets_a_clear_429(cast, client, settings):
    settings.API_RATES = {"anonymous": "5/min", "known": "8/min"}
    answers = [client.get("/api/decisions/").status_code for _ in range(7)]
    assert answers == [200] * 5 + [429] * 2
    last = client.get("/api/decisions/")
    assert int(last["Retry-After"]) > 0
    # a token has its own budget, apart from the address's
    auth = bearer(cast.bob.user)
    assert [client.get("/api/decisions/", **auth).status_code for _ in range(9)] == [200] * 8 + [
        429
    ]


def test_pages_are_bounded(cast, client):
    for i in range(3):
        create_assignment(
            minutes=None, text=f"Uppdrag {i}", body=cast.public_body, people=[cast.bob]
        )
    page = client.get("/api/assignments/", {"limit": 2, "offset": 1}).json()
    assert page["count"] == 3 and len(page["items"]) == 2
    too_many = client.get("/api/assignments/", {"limit": 5000})
    assert too_many.status_code == 422 and too_many.json()["detail"] == "Ogiltigt värde i: limit."


def test_decisions_follow_the_register(cast, client):
    from samverkan.minutes.services import add_decision, approve, minutes_for
    from samverkan.publishing.archive import publish

    meeting = make_meeting(cast.public_body, date=datetime.date(2025, 2, 3))
    minutes = minutes_for(meeting)
    add_decision(minutes, text="Rutinen antas.", item=meeting.items.first())
    assert client.get("/api/decisions/").json()["count"] == 0  # not approved yet
    approve(minutes, by=None, approvers=[])
    assert client.get("/api/decisions/").json()["count"] == 0  # approved, not yet published
    publish(meeting, by=None)
    data = client.get("/api/decisions/", {"q": "rutinen"}).json()
    assert [d["text"] for d in data["items"]] == ["Rutinen antas."]
