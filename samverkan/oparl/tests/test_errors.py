"""Errors in OParl's form, CORS on every JSON answer, and a read-only interface."""

import pytest

pytestmark = pytest.mark.django_db
ERROR = "https://schema.oparl.org/1.1/Error"


@pytest.mark.parametrize(
    "path",
    ["/oparl/v1/meeting/999/", "/oparl/v1/person/999/", "/oparl/v1/no-such-list/"],
)
def test_a_missing_object_is_a_404_error_object(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert body["type"] == ERROR and body["message"] == "Det finns inget sådant objekt."


def test_internal_bodies_and_people_outside_public_bodies_are_not_found(cast, client):
    assert client.get(f"/oparl/v1/organization/{cast.internal_body.pk}/").status_code == 404
    assert client.get(f"/oparl/v1/person/{cast.carl.pk}/").status_code == 404
    assert client.get(f"/oparl/v1/person/{cast.bob.pk}/").status_code == 200


def test_a_bad_date_filter_is_a_400_with_a_swedish_message(client):
    response = client.get("/oparl/v1/body/meetings/", {"modified_since": "igår"})
    assert response.status_code == 400
    assert response.json()["type"] == ERROR
    assert "modified_since ska vara datum och tid" in response.json()["message"]


def test_the_interface_is_read_only(cast, client):
    response = client.post("/oparl/v1/body/meetings/")
    assert response.status_code == 405
    assert response.json()["type"] == ERROR


def test_signed_in_visitors_see_the_same_public_data(cast, login):
    client = login("bob")  # member of the internal body
    assert client.get(f"/oparl/v1/organization/{cast.internal_body.pk}/").status_code == 404
