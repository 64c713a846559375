"""Sign-in through the organisations' own identity providers (OpenID Connect, with Authlib).

Authorization code flow with PKCE (S256); Authlib checks `state` against the session and the
ID token's signature (the provider's published keys), issuer, audience, expiry and `nonce`.
The person is then found by a verified e-mail claim or by the configured claim against
`Person.login_id`, never by name. Anything refused raises `Refused` with a Swedish reason.
"""

import functools
from dataclasses import dataclass

import requests
from authlib.integrations.base_client import MismatchingStateError, OAuthError
from authlib.integrations.django_client import OAuth
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from joserfc.errors import ExpiredTokenError, JoseError

from samverkan.directory.models import Organisation, Person

SESSION_KEY = "oidc"
# RFC 8176 methods, by kind of factor: something one knows, has, or is.
FACTORS = {
    "pwd": "know", "pin": "know", "kba": "know",
    "otp": "have", "hwk": "have", "swk": "have", "sms": "have", "tel": "have", "sc": "have",
    "pop": "have",
    "fpt": "are", "face": "are", "iris": "are", "retina": "are", "vbm": "are",
}  # fmt: skip


@dataclass(frozen=True)
class Provider:
    key: str
    issuer: str
    client_id: str
    client_secret: str
    scopes: str
    label: str
    match_claim: str
    organisation_claim: str
    two_factor_acr: tuple[str, ...]

    def shows_two_factors(self, claims) -> bool:
        """The provider says the sign-in used two factors: amr "mfa", two kinds of factor
        in amr, or an acr configured as two-factor (e.g. an e-legitimation's level)."""
        amr = claims.get("amr") or []
        kinds = {FACTORS[method] for method in amr if method in FACTORS}
        return "mfa" in amr or len(kinds) >= 2 or claims.get("acr") in self.two_factor_acr


class Refused(Exception):
    """A sign-in that must not go through; `message` is shown to the person."""

    def __init__(self, message: str, *, unknown: bool = False):
        super().__init__(message)
        self.message = message
        self.unknown = unknown


def providers() -> list[Provider]:
    return [
        Provider(key=key, **{**conf, "two_factor_acr": tuple(conf["two_factor_acr"])})
        for key, conf in settings.OIDC_PROVIDERS.items()
    ]


def provider(key: str) -> Provider | None:
    return next((p for p in providers() if p.key == key), None)


@functools.cache
def client(provider: Provider):
    """The Authlib client; it keeps the provider's metadata and keys once fetched."""
    return OAuth().register(
        name=provider.key,
        client_id=provider.client_id,
        client_secret=provider.client_secret,
        server_metadata_url=f"{provider.issuer}/.well-known/openid-configuration",
        client_kwargs={
            "scope": provider.scopes,
            "code_challenge_method": "S256",
            "default_timeout": 10,
        },
    )


def start(request, provider: Provider, redirect_uri: str):
    """The redirect to the provider; state, nonce and the PKCE verifier stay in the session."""
    try:
        return client(provider).authorize_redirect(request, redirect_uri)
    except requests.RequestException as error:
        raise Refused(_unreachable(provider)) from error


def _unreachable(provider: Provider) -> str:
    return _("%(name)s svarar inte just nu. Försök igen om en stund.") % {"name": provider.label}


def verified_claims(request, provider: Provider) -> tuple[dict, str]:
    """The checked ID token's claims and the token itself, from the provider's answer."""
    try:
        token = client(provider).authorize_access_token(request)
    except MismatchingStateError as error:
        raise Refused(
            _(
                "Svaret från inloggningen hör inte till den här webbläsaren eller har redan "
                "använts. Börja om från inloggningssidan."
            )
        ) from error
    except OAuthError as error:
        raise Refused(_("Inloggningen avbröts eller nekades. Försök igen.")) from error
    except ExpiredTokenError as error:
        raise Refused(
            _("Inloggningsbeviset har gått ut. Börja om från inloggningssidan.")
        ) from error
    except JoseError as error:
        raise Refused(
            _(
                "Inloggningsbeviset kunde inte kontrolleras: det är inte utfärdat och signerat "
                "av %(name)s. Du är inte inloggad."
            )
            % {"name": provider.label}
        ) from error
    except requests.RequestException as error:
        raise Refused(_unreachable(provider)) from error
    if not token.get("userinfo"):
        raise Refused(_("Inloggningen gav inget ID-bevis. Du är inte inloggad."))
    claims = dict(token["userinfo"])
    if provider.match_claim not in claims or "email_verified" not in claims:
        claims = _with_userinfo(provider, token, claims)
    return claims, token["id_token"]


def _with_userinfo(provider: Provider, token: dict, claims: dict) -> dict:
    """Claims the ID token left to the userinfo endpoint, which must speak of the same `sub`;
    the ID token's own claims win."""
    if not client(provider).load_server_metadata().get("userinfo_endpoint"):
        return claims
    try:
        extra = client(provider).userinfo(token=token)
    except requests.RequestException as error:
        raise Refused(_unreachable(provider)) from error
    if extra.get("sub") != claims.get("sub"):
        raise Refused(_("Inloggningen gav motstridiga uppgifter. Du är inte inloggad."))
    return {**extra, **claims}


def _claimed_organisation(provider: Provider, claims) -> Organisation | None:
    name = claims.get(provider.organisation_claim) if provider.organisation_claim else None
    if not isinstance(name, str) or not name.strip():
        return None
    name = name.strip()
    return Organisation.objects.filter(Q(name__iexact=name) | Q(short_name__iexact=name)).first()


def _match(provider: Provider, claims) -> tuple[Q, dict]:
    """How to find the person, and what a self-registered person would be given."""
    if provider.match_claim == "email":
        email = claims.get("email")
        if not isinstance(email, str) or "@" not in email:
            raise Refused(_("Inloggningen skickade ingen e-postadress. Kontakta sekreteraren."))
        if claims.get("email_verified") is not True:
            raise Refused(
                _(
                    "E-postadressen %(email)s är inte bekräftad hos %(name)s, så den kan inte "
                    "kopplas till någon i Samverkan. Kontakta sekreteraren."
                )
                % {"email": email, "name": provider.label}
            )
        return Q(email__iexact=email), {"email": email}
    value = claims.get(provider.match_claim)
    if value in (None, ""):
        raise Refused(
            _("Inloggningen skickade inget %(claim)s. Kontakta sekreteraren.")
            % {"claim": provider.match_claim}
        )
    return Q(login_id=str(value)), {"login_id": str(value), "email": claims.get("email") or ""}


@transaction.atomic
def person_for(provider: Provider, claims) -> Person:
    """The directory's person for these claims (or, if allowed, a new one), with an account."""
    found, fields = _match(provider, claims)
    people = list(Person.objects.filter(found).select_related("user")[:2])
    organisation = _claimed_organisation(provider, claims)
    if len(people) > 1:
        raise Refused(
            _("Flera personer i Samverkan har samma uppgifter. Kontakta sekreteraren."),
            unknown=True,
        )
    if not people:
        if not settings.OIDC_SELF_REGISTRATION:
            raise Refused(
                _("Ditt konto finns inte i Samverkan – kontakta sekreteraren."), unknown=True
            )
        name = claims.get("name") or fields.get("email") or fields.get("login_id")
        people = [Person.objects.create(name=str(name)[:200], **fields)]
    person = people[0]
    if organisation is not None and organisation.pk not in (
        person.organisation_id,
        person.organisation_from_login_id,
    ):
        person.organisation_from_login = organisation
        person.save(update_fields=["organisation_from_login"])
    if person.user is None:
        person.user = _new_account(person)
        person.save(update_fields=["user"])
    elif not person.user.is_active:
        raise Refused(_("Ditt konto i Samverkan är avstängt – kontakta sekreteraren."))
    return person


def _new_account(person: Person):
    users = get_user_model().objects
    base = (person.email.split("@")[0] if person.email else "") or f"person{person.pk}"
    username = base[:140]
    while users.filter(username=username).exists():
        username = f"{base[:140]}-{get_random_string(4).lower()}"
    return users.create_user(username=username, email=person.email)


def logout_url(session_data: dict | None, post_logout_redirect_uri: str) -> str | None:
    """Where to send the browser to sign out at the provider too, if it offers that."""
    found = provider(session_data["provider"]) if session_data else None
    if found is None:
        return None
    app = client(found)
    try:
        if not app.load_server_metadata().get("end_session_endpoint"):
            return None
    except requests.RequestException:
        return None
    return app.create_logout_url(
        post_logout_redirect_uri=post_logout_redirect_uri,
        id_token_hint=session_data["id_token"],
        client_id=found.client_id,
    )["url"]


def two_factor_done(request) -> bool:
    return bool(request.session.get(SESSION_KEY, {}).get("two_factor"))
