"""Signing in: wrong passwords lock the account and the address, reset mails are limited,
staff confirm with a code from an authenticator app."""

import base64
import re
import time

import pytest
from django.core import mail
from django.urls import reverse
from django_otp.oath import TOTP

from tests.factories import make_person

LOGIN = "/konto/login/"
LOCKED = "För många misslyckade inloggningar"


def attempt(client, username, password, address="10.1.1.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_wrong_passwords_lock_the_account_even_for_the_right_password(cast, client):
    for _ in range(4):
        assert attempt(client, "alice", "gissning").status_code == 200
    assert attempt(client, "alice", "gissning").status_code == 429  # the fifth locks
    response = attempt(client, "alice", "pw-alice")
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert not signed_in(client)
    # the account is locked whichever address the next try comes from
    assert attempt(client, "alice", "pw-alice", address="10.9.9.9").status_code == 429
    assert not signed_in(client)
    # others sign in as usual
    attempt(client, "bob", "pw-bob")
    assert signed_in(client)


def test_a_right_password_before_the_limit_clears_the_count(cast, client):
    for _ in range(4):
        attempt(client, "alice", "gissning")
    attempt(client, "alice", "pw-alice")
    assert signed_in(client)
    client.logout()
    for _ in range(4):
        attempt(client, "alice", "gissning")
    attempt(client, "alice", "pw-alice")
    assert signed_in(client)


def test_one_address_guessing_many_accounts_is_locked_out(cast, client, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 12
    for number in range(12):
        attempt(client, f"namn{number}", "gissning", address="10.6.6.6")
    response = attempt(client, "bob", "pw-bob", address="10.6.6.6")
    assert response.status_code == 429 and LOCKED in response.content.decode()
    assert not signed_in(client)
    attempt(client, "bob", "pw-bob", address="10.7.7.7")
    assert signed_in(client)


def test_password_reset_mails_are_limited(cast, client):
    cast.alice.user.email = "a@example.se"
    cast.alice.user.save()
    responses = [
        client.post(reverse("password_reset"), {"email": "a@example.se"}) for _ in range(10)
    ]
    assert len(mail.outbox) == 3
    assert responses[-1].status_code == 429
    assert "för många gånger" in responses[-1].content.decode()


@pytest.fixture
def staff(db):
    person = make_person("stina", name="Stina Staff", email="stina@example.se")
    person.user.is_staff = True
    person.user.save()
    return person.user


def code_for(page: str, drift: int = 0) -> str:
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    token = TOTP(base64.b32decode(secret), drift=drift).token()
    return f"{token:06d}"


def test_staff_must_set_up_and_then_give_a_code_at_every_sign_in(staff, client, settings):
    settings.STAFF_TWO_FACTOR = True
    attempt(client, "stina", "pw-stina")
    assert signed_in(client)
    # nothing but the set-up page until the app is added
    response = client.get("/organ/")
    assert response.status_code == 302 and response["Location"].startswith("/konto/tvastegs")
    setup = client.get(response["Location"], follow=True)
    page = setup.content.decode()
    assert "Administratörer måste använda tvåstegsverifiering" in page
    wrong = client.post(reverse("two_factor"), {"code": "000000"})
    assert "Koden stämmer inte" in wrong.content.decode()
    time.sleep(1.1)  # after a wrong code the next try waits a second (doubling each time)
    done = client.post(reverse("two_factor"), {"code": code_for(page), "next": "/organ/"})
    assert done.status_code == 302 and done["Location"] == "/organ/"
    assert client.get("/organ/").status_code == 200

    # the next sign-in asks for a new code
    client.logout()
    attempt(client, "stina", "pw-stina")
    response = client.get("/organ/")
    assert response["Location"].startswith(reverse("two_factor_verify"))
    assert client.get(reverse("two_factor")).status_code == 302  # cannot be turned off now
    wrong = client.post(reverse("two_factor_verify"), {"code": "123456"})
    assert "Koden stämmer inte" in wrong.content.decode()
    assert client.get("/organ/").status_code == 302
    time.sleep(1.1)
    # a code of the next 30 seconds (the app's clock may run ahead) is accepted
    right = client.post(
        reverse("two_factor_verify"), {"code": code_for(page, drift=1), "next": "/organ/"}
    )
    assert right["Location"] == "/organ/"
    assert client.get("/organ/").status_code == 200


def test_a_member_may_turn_on_two_factor_and_off_again(cast, client):
    attempt(client, "bob", "pw-bob")
    assert client.get("/organ/").status_code == 200  # not required for members
    page = client.get(reverse("two_factor")).content.decode()
    client.post(reverse("two_factor"), {"code": code_for(page)})
    client.logout()
    attempt(client, "bob", "pw-bob")
    assert client.get("/organ/").status_code == 302
    client.post(reverse("two_factor_verify"), {"code": code_for(page, drift=1)})
    assert client.get("/organ/").status_code == 200
    client.post(reverse("two_factor"), {"turn_off": "1"})
    client.logout()
    attempt(client, "bob", "pw-bob")
    assert client.get("/organ/").status_code == 200
