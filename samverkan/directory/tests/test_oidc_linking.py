"""Who a provider's verified claims are in the directory, and when they show two factors.
(The whole sign-in against a real provider is in tests/browser/test_oidc.py.)"""

import pytest

from samverkan.directory import oidc
from samverkan.directory.models import Person


def provider(**kw) -> oidc.Provider:
    conf = {
        "key": "region",
        "issuer": "http://127.0.0.1:8117",
        "client_id": "samverkan",
        "client_secret": "s",
        "scopes": "openid email",
        "label": "Logga in med Region Skåne",
        "match_claim": "email",
        "organisation_claim": "organisation",
        "two_factor_acr": (),
    }
    return oidc.Provider(**{**conf, **kw})


def test_a_configured_claim_finds_the_person_by_login_id_never_by_name(cast):
    cast.bob.login_id = "E1234"
    cast.bob.save()
    by_employee = provider(match_claim="employeeId")
    assert oidc.person_for(by_employee, {"sub": "x", "employeeId": "E1234"}) == cast.bob
    with pytest.raises(oidc.Refused) as refused:
        oidc.person_for(by_employee, {"sub": "y", "employeeId": "E9", "name": "Bob Berg"})
    assert refused.value.unknown
    with pytest.raises(oidc.Refused):
        oidc.person_for(by_employee, {"sub": "z", "name": "Bob Berg"})


def test_two_people_with_the_same_address_are_not_guessed_between(cast):
    for person in (cast.alice, cast.carl):
        person.email = "delad@example.se"
        person.save()
    with pytest.raises(oidc.Refused) as refused:
        oidc.person_for(provider(), {"email": "delad@example.se", "email_verified": True})
    assert "Flera personer" in refused.value.message


def test_self_registration_makes_a_person_and_proposes_the_organisation(cast, settings):
    settings.OIDC_SELF_REGISTRATION = True
    claims = {
        "email": "ny@sjobo.se",
        "email_verified": True,
        "name": "Nina Ny",
        "organisation": "sjöbo kommun",
    }
    person = oidc.person_for(provider(), claims)
    assert (person.name, person.email, person.organisation) == ("Nina Ny", "ny@sjobo.se", None)
    assert person.organisation_from_login == cast.kommun
    assert person.user.username == "ny" and not person.user.has_usable_password()
    assert not person.memberships.exists()
    assert oidc.person_for(provider(), claims) == person  # the same person next time
    assert Person.objects.filter(email="ny@sjobo.se").count() == 1


def test_a_deactivated_account_is_refused(cast):
    cast.bob.email = "bob@example.se"
    cast.bob.save()
    cast.bob.user.is_active = False
    cast.bob.user.save()
    with pytest.raises(oidc.Refused) as refused:
        oidc.person_for(provider(), {"email": "bob@example.se", "email_verified": True})
    assert refused.value.message == "Ditt konto i Samverkan är avstängt – kontakta sekreteraren."


@pytest.mark.parametrize(
    ("claims", "two"),
    [
        ({"amr": ["pwd"]}, False),
        ({"amr": ["pwd", "pin"]}, False),  # two things one knows are one factor
        ({"amr": ["pwd", "otp"]}, True),
        ({"amr": ["mfa"]}, True),
        ({"amr": ["hwk", "fpt"]}, True),
        ({"acr": "http://id.elegnamnden.se/loa/1.0/loa3"}, True),
        ({"acr": "1"}, False),
        ({}, False),
    ],
)
def test_two_factors_are_read_from_amr_or_a_configured_acr(claims, two):
    configured = provider(two_factor_acr=("http://id.elegnamnden.se/loa/1.0/loa3",))
    assert configured.shows_two_factors(claims) is two


def test_password_sign_in_turned_off_refuses_the_right_password(cast, client, settings):
    settings.PASSWORD_LOGIN = False
    response = client.post("/konto/login/", {"username": "bob", "password": "pw-bob"})
    assert response.status_code == 403
    assert client.get("/mina-uppdrag/").status_code == 302
    assert client.get("/konto/password_reset/").status_code == 404


def test_only_administrators_set_the_login_id(cast, login, client):
    from django.contrib.auth import get_user_model

    page = login("alice").get(f"/personer/{cast.bob.pk}/andra/").content.decode()
    assert "Inloggnings-id" not in page
    client.post(f"/personer/{cast.bob.pk}/andra/", {"name": "Bob Berg", "login_id": "E1"})
    cast.bob.refresh_from_db()
    assert cast.bob.login_id == ""
    client.force_login(get_user_model().objects.create_user("staff", is_staff=True))
    assert "Inloggnings-id" in client.get(f"/personer/{cast.bob.pk}/andra/").content.decode()
