"""Sign-in with the organisation's own account, through a real OpenID provider on loopback
(oidc-provider, started by tests/oidc): in and out at both ends, and every refusal in Swedish."""

import copy
import datetime
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model

from tests.oidc import provider_settings, running_provider

pytestmark = pytest.mark.django_db(transaction=True)

PORT, WRONG_KEYS_PORT = 8115, 8116
LABEL = "Logga in med Region Skåne"
ACCOUNTS = {
    "bob": {
        "claims": {"email": "Bob@Example.se", "email_verified": True, "name": "Bob B"},
        "amr": ["pwd"],
    },
    "unverified": {"claims": {"email": "bob@example.se", "email_verified": False}},
    "stranger": {"claims": {"email": "okand@example.se", "email_verified": True}},
    "chief": {
        "claims": {"email": "chief@example.se", "email_verified": True},
        "amr": ["pwd", "otp"],
    },
    "chief-pwd": {"claims": {"email": "chief@example.se", "email_verified": True}, "amr": ["pwd"]},
}


@pytest.fixture(scope="session")
def identity_provider(live_server):
    with running_provider(PORT, site=live_server.url, name="region", accounts=ACCOUNTS) as issuer:
        yield issuer


@pytest.fixture(scope="session")
def provider_with_wrong_keys(live_server):
    with running_provider(
        WRONG_KEYS_PORT, site=live_server.url, name="region", accounts=ACCOUNTS, wrong_keys=True
    ) as issuer:
        yield issuer


def use_provider(settings, issuer: str) -> None:
    settings.OIDC_PROVIDERS = {"region": provider_settings(issuer)}
    policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
    policy["DIRECTIVES"]["form-action"] = ["'self'", issuer]
    settings.CONTENT_SECURITY_POLICY = policy


@pytest.fixture
def region(settings, identity_provider, cast):
    use_provider(settings, identity_provider)
    cast.bob.email = "bob@example.se"
    cast.bob.save()
    return identity_provider


def to_provider(page, login: str) -> None:
    page.goto("/konto/login/")
    page.get_by_role("link", name=LABEL).click()
    page.get_by_label("Login").fill(login)


def sign_in_at_provider(page, login: str) -> None:
    to_provider(page, login)
    page.get_by_role("button", name="Sign in").click()


def refusal(page) -> str:
    page.wait_for_selector(".error-summary")
    return page.locator("main").inner_text()


def test_signs_in_as_the_matching_person_and_out_at_both_ends(page, region, cast):
    sign_in_at_provider(page, "bob")
    page.wait_for_url(re.compile(r"/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Hej Bob"
    menu = page.locator(".account-menu summary")
    assert menu.inner_text() == "Bob Berg"
    cast.bob.refresh_from_db()
    assert cast.bob.user.username == "bob"  # the person's own account, not a new one

    menu.click()
    page.get_by_role("button", name="Logga ut").click()
    page.get_by_role("button", name="Yes, sign me out").click()
    # back on the start page, signed out (the provider adds the state it was given)
    page.wait_for_url(re.compile(r"^http://localhost:\d+/(\?state=[\w-]+)?$"))
    assert page.locator(".account").get_by_role("link", name="Logga in").is_visible()

    # Signed out at the provider too: signing in again asks for the login there.
    to_provider(page, "bob")
    assert page.get_by_role("heading", name="Test provider sign-in").is_visible()


def test_a_person_without_an_account_gets_one_linked(page, region, cast):
    cast.carl.user.delete()
    cast.carl.refresh_from_db()
    cast.carl.email = "okand@example.se"
    cast.carl.save()
    sign_in_at_provider(page, "stranger")
    page.wait_for_url(re.compile(r"/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Hej Carl"
    cast.carl.refresh_from_db()
    assert cast.carl.user is not None and not cast.carl.user.has_usable_password()


def test_an_unknown_person_is_told_to_contact_the_secretary(page, region):
    accounts = get_user_model().objects.count()
    sign_in_at_provider(page, "stranger")
    text = refusal(page)
    assert "Ditt konto finns inte i Samverkan – kontakta sekreteraren." in text
    assert get_user_model().objects.count() == accounts
    page.goto("/mina-uppdrag/")
    assert "/konto/login/" in page.url


def test_an_unverified_email_is_refused(page, region):
    sign_in_at_provider(page, "unverified")
    assert "bob@example.se är inte bekräftad hos Logga in med Region Skåne" in refusal(page)
    page.goto("/mina-uppdrag/")
    assert "/konto/login/" in page.url


def test_an_answer_with_the_wrong_state_is_refused(page, region, browser, live_server):
    """The provider's answer to this browser, replayed in another one or with a forged state."""
    answers = []
    page.on("request", lambda r: answers.append(r.url) if "/oidc/region/svar/" in r.url else None)
    sign_in_at_provider(page, "bob")
    page.wait_for_url(re.compile(r"/$"))
    other = browser.new_context(base_url=live_server.url, locale="sv-SE").new_page()
    other.goto(answers[0])
    assert "hör inte till den här webbläsaren" in refusal(other)
    other.goto("/mina-uppdrag/")
    assert "/konto/login/" in other.url
    other.context.close()

    page.goto(re.sub(r"state=[^&]+", "state=forged", answers[0]))
    assert "hör inte till den här webbläsaren" in refusal(page)


def test_an_expired_id_token_is_refused(page, region):
    to_provider(page, "bob")
    # The provider's ID tokens live five minutes; Samverkan's clock is now ten minutes on.
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=10)
    with time_machine.travel(later, tick=True):
        page.get_by_role("button", name="Sign in").click()
        assert "Inloggningsbeviset har gått ut." in refusal(page)
        page.goto("/mina-uppdrag/")
        assert "/konto/login/" in page.url


def test_an_id_token_not_signed_by_the_provider_is_refused(
    page, settings, provider_with_wrong_keys, cast
):
    use_provider(settings, provider_with_wrong_keys)
    cast.bob.email = "bob@example.se"
    cast.bob.save()
    sign_in_at_provider(page, "bob")
    assert "Inloggningsbeviset kunde inte kontrolleras" in refusal(page)
    page.goto("/mina-uppdrag/")
    assert "/konto/login/" in page.url


@pytest.fixture
def chief(settings, region):
    from tests.factories import make_person

    settings.STAFF_TWO_FACTOR = True
    person = make_person("chief", name="Cecilia Chef", email="chief@example.se")
    person.user.is_staff = True
    person.user.save()
    return person


def test_staff_signed_in_with_two_factors_need_no_code(page, chief):
    sign_in_at_provider(page, "chief")
    page.wait_for_url(re.compile(r"/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Hej Cecilia"


def test_staff_signed_in_with_a_password_alone_must_give_a_code(page, chief):
    sign_in_at_provider(page, "chief-pwd")
    page.wait_for_url(re.compile(r"/konto/tvastegsverifiering/"))
    page.goto("/")
    assert "/konto/tvastegsverifiering/" in page.url


def test_password_sign_in_can_be_turned_off(page, region, settings):
    settings.PASSWORD_LOGIN = False
    page.goto("/konto/login/")
    assert page.get_by_role("link", name=LABEL).is_visible()
    assert page.get_by_label("Lösenord").count() == 0
