"""Personal API tokens: created on one's own page, shown once, stored hashed, revocable."""

import hashlib

import pytest

from samverkan.api.models import ApiToken

pytestmark = pytest.mark.django_db


def test_a_token_is_shown_once_and_stored_only_as_its_hash(cast, login):
    client = login("bob")
    response = client.post("/konto/api-nycklar/", {"name": "Kommunens webbplats"}, follow=True)
    plain = response.context["shown"]
    assert plain in response.content.decode()
    token = ApiToken.objects.get(user=cast.bob.user)
    assert token.name == "Kommunens webbplats"
    assert token.key_hash == hashlib.sha256(plain.encode()).hexdigest()
    assert plain not in [getattr(token, f.attname) for f in ApiToken._meta.fields]
    again = client.get("/konto/api-nycklar/").content.decode()
    assert plain not in again and token.hint in again


def test_a_token_acts_as_its_owner_and_records_its_use(cast, client):
    token, plain = ApiToken.issue(cast.bob.user, "test")
    response = client.get("/api/search/?q=hemsjukvård", HTTP_AUTHORIZATION=f"Bearer {plain}")
    assert response.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_revoked_or_wrong_token_is_refused(cast, login):
    token, plain = ApiToken.issue(cast.bob.user, "test")
    client = login("bob")
    client.post(f"/konto/api-nycklar/{token.pk}/aterkalla/")
    token.refresh_from_db()
    assert token.revoked_at is not None
    client.logout()
    for key in (plain, "sv_nonsense"):
        response = client.get("/api/decisions/", HTTP_AUTHORIZATION=f"Bearer {key}")
        assert response.status_code == 401
        assert response.json()["detail"] == "Ogiltig eller återkallad API-nyckel."


def test_one_cannot_revoke_someone_elses_token(cast, login):
    token, _ = ApiToken.issue(cast.alice.user, "hers")
    response = login("bob").post(f"/konto/api-nycklar/{token.pk}/aterkalla/")
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_the_token_page_needs_sign_in(client):
    response = client.get("/konto/api-nycklar/")
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_staff_create_a_token_for_a_service_account_in_the_admin(cast, client, django_user_model):
    staff = django_user_model.objects.create_user("admin", password="pw-admin", is_staff=True)
    staff.is_superuser = True
    staff.save()
    service = django_user_model.objects.create_user("diariet")
    client.login(username="admin", password="pw-admin")
    response = client.post(
        "/admin/samverkan_api/apitoken/add/",
        {"user": service.pk, "name": "Diariesystemet"},
        follow=True,
    )
    token = ApiToken.objects.get(user=service)
    shown = [str(m) for m in response.context["messages"]]
    plain = shown[0].rsplit(" ", 1)[-1]
    assert ApiToken.objects.matching(plain) == token
    assert ApiToken.objects.count() == 1
