"""Accounts follow memberships: a grace period after the last membership ends the account
loses its sessions, calendar address, API tokens and mail, logged; staff see it and restore."""

import datetime
import io

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from samverkan.api.models import ApiToken
from samverkan.directory.models import AccessLog, Person
from samverkan.publishing.models import CalendarFeed
from tests.factories import make_membership

pytestmark = pytest.mark.django_db

ENDED = datetime.date(2027, 3, 1)


def at(day: datetime.date, hour: int = 3):
    return time_machine.travel(
        datetime.datetime.combine(day, datetime.time(hour), tzinfo=timezone.get_current_timezone())
    )


def sync() -> str:
    """What the nightly command printed, less its review list."""
    out = io.StringIO()
    call_command("sync_access", stdout=out)
    return "".join(line for line in out.getvalue().splitlines(True) if "granska" not in line)


def review() -> str:
    out = io.StringIO()
    call_command("sync_access", stdout=out)
    return out.getvalue()


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def end_all(person: Person, day: datetime.date = ENDED) -> None:
    for membership in person.memberships.all():
        membership.end_on(day)


@pytest.fixture
def bob_leaves(cast):
    """Bob has a token and an ongoing session; both his memberships end on ENDED."""
    with at(ENDED - datetime.timedelta(days=10)):
        token, plain = ApiToken.issue(cast.bob.user, "Kommunens webbplats")
        end_all(cast.bob)
    return token, plain


def test_access_lasts_the_grace_period_then_everything_is_revoked(cast, bob_leaves):
    token, plain = bob_leaves
    user = cast.bob.user
    with at(ENDED + datetime.timedelta(days=30)):
        client = signed_in(user)
        assert sync() == ""
        assert client.get("/mina-uppdrag/").status_code == 200
        assert (
            client.get("/api/decisions/", HTTP_AUTHORIZATION=f"Bearer {plain}").status_code == 200
        )

    with at(ENDED + datetime.timedelta(days=31)):
        client = signed_in(user)
        CalendarFeed.objects.create(person=cast.bob)  # as if made during the grace period
        assert "avstängt: bob (slutade 2027-03-01)" in sync()
        response = client.get("/mina-uppdrag/")
        assert response.status_code == 302 and "/konto/login/" in response["Location"]
        live = Session.objects.filter(expire_date__gt=timezone.now())
        assert not [s for s in live if s.get_decoded().get("_auth_user_id")]
        assert (
            client.get("/api/decisions/", HTTP_AUTHORIZATION=f"Bearer {plain}").status_code == 401
        )
        assert not CalendarFeed.objects.filter(person=cast.bob).exists()
        assert not Person.objects.reachable().filter(pk=cast.bob.pk).exists()  # no mail

    user.refresh_from_db()
    token.refresh_from_db()
    assert not user.is_active
    assert token.revoked_at is not None
    entry = AccessLog.objects.get(user=user)
    assert entry.action == AccessLog.Action.DEACTIVATED and entry.by is None
    assert entry.reason == "Sista ledamotskapet slutade 2027-03-01"
    assert entry.at.date() == ENDED + datetime.timedelta(days=31)


def test_one_membership_still_going_keeps_the_account(cast):
    cast.bob.memberships.get(body=cast.internal_body).end_on(ENDED)
    with at(ENDED + datetime.timedelta(days=400)):
        assert sync() == ""
    cast.bob.user.refresh_from_db()
    assert cast.bob.user.is_active


def test_the_grace_period_is_configurable(cast, settings, bob_leaves):
    settings.ACCESS_GRACE_DAYS = 0
    with at(ENDED + datetime.timedelta(days=1)):
        assert "avstängt: bob" in sync()


def test_administrators_accounts_do_not_lapse(cast):
    user = get_user_model().objects.create_user("chief", password="pw-chief", is_staff=True)
    cast.carl.user = user
    cast.carl.save()
    make_membership(cast.carl, cast.public_body, end=ENDED)
    with at(ENDED + datetime.timedelta(days=100)):
        assert sync() == ""
    user.refresh_from_db()
    assert user.is_active


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user("staff", password="pw-staff", is_staff=True)


def test_staff_see_who_lost_access_and_restore_it(cast, bob_leaves, staff):
    token, _plain = bob_leaves
    with at(ENDED + datetime.timedelta(days=31)):
        sync()
        client = signed_in(staff)
        page = client.get("/konton/").content.decode()
        assert "Har förlorat åtkomst" in page and "Bob Berg" in page
        assert "Sista ledamotskapet slutade 2027-03-01" in page
        response = client.post("/konton/", {"action": "restore", "pk": cast.bob.user.pk})
        assert response.status_code == 302
        assert "Bob Berg kan logga in igen." in client.get("/konton/").content.decode()

    with at(ENDED + datetime.timedelta(days=60)):
        assert sync() == ""  # restored after the end: left alone
        assert signed_in(cast.bob.user).get("/mina-uppdrag/").status_code == 200
    cast.bob.user.refresh_from_db()
    token.refresh_from_db()
    assert cast.bob.user.is_active
    assert token.revoked_at is not None  # a restored account makes new tokens
    restored = AccessLog.objects.get(action=AccessLog.Action.RESTORED)
    assert restored.by == staff and restored.user == cast.bob.user

    # A later membership that ends takes the access away again, after its own grace period.
    later_end = ENDED + datetime.timedelta(days=200)
    make_membership(
        cast.bob, cast.public_body, start=ENDED + datetime.timedelta(days=61), end=later_end
    )
    with at(later_end + datetime.timedelta(days=31)):
        assert "avstängt: bob (slutade 2027-09-17)" in sync()


def test_a_restore_request_for_an_active_or_unknown_account_changes_nothing(cast, staff):
    client = signed_in(staff)
    for data in ({"action": "restore", "pk": cast.bob.user.pk}, {"action": "x", "pk": "1"}, {}):
        response = client.post("/konton/", data, follow=True)
        assert response.status_code in (200, 404)
    assert not AccessLog.objects.exists()
    assert "Ingenting ändrades" in client.post("/konton/", {}, follow=True).content.decode()


def test_accounts_unused_for_twelve_months_are_flagged_for_review(cast, staff):
    now = timezone.now()
    get_user_model().objects.filter(pk=cast.carl.user.pk).update(
        last_login=now - datetime.timedelta(days=380)
    )
    get_user_model().objects.filter(pk=cast.bob.user.pk).update(
        last_login=now - datetime.timedelta(days=300)
    )
    out = review()
    assert "granska: carl (senast inloggad" in out and "granska: bob" not in out
    page = signed_in(staff).get("/konton/").content.decode()
    flagged = page.split("Inte använda på 12 månader")[1].split("</section>")[0]
    assert "Carl Carlsson" in flagged and "Bob Berg" not in flagged


def test_deactivating_an_account_revokes_its_api_tokens(cast):
    token, _plain = ApiToken.issue(cast.bob.user, "test")
    cast.bob.user.is_active = False
    cast.bob.user.save()
    cast.bob.user.is_active = True
    cast.bob.user.save()
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert ApiToken.objects.active().count() == 0


def test_staff_confirm_the_organisation_the_sign_in_gave(cast, staff):
    cast.carl.organisation_from_login = cast.kommun
    cast.carl.save()
    client = signed_in(staff)
    assert "Organisation enligt inloggningen" in client.get("/konton/").content.decode()
    client.post("/konton/", {"action": "confirm_organisation", "pk": cast.carl.pk})
    cast.carl.refresh_from_db()
    assert cast.carl.organisation == cast.kommun and cast.carl.organisation_from_login is None
