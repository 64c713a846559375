"""Who calls the API: a bearer token acts as its owner; a browser session may read; else anonymous.

Writes need a token, so a session cookie alone never writes (no CSRF hole). Rate limits are per
token, per signed-in user, or per address for anonymous callers; over the limit is a 429.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from ninja.errors import AuthenticationError
from ninja.throttling import SimpleRateThrottle

from samverkan.api.models import ApiToken

SAFE = ("GET", "HEAD", "OPTIONS")


@dataclass
class Caller:
    user: object
    token: ApiToken | None = None

    def __str__(self) -> str:  # the throttle's key
        if self.token:
            return f"token:{self.token.pk}"
        return f"user:{self.user.pk}" if self.user.is_authenticated else "anonymous"


def authenticate(request) -> Caller:
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _, plain = header.partition(" ")
        token = ApiToken.objects.matching(plain.strip()) if scheme.lower() == "bearer" else None
        if token is None:
            raise AuthenticationError(401, "Ogiltig eller återkallad API-nyckel.")
        token.touch()
        request.user = token.user
        return Caller(token.user, token)
    if request.method in SAFE and request.user.is_authenticated:
        return Caller(request.user)
    request.user = AnonymousUser()
    return Caller(request.user)


class CallerThrottle(SimpleRateThrottle):
    """A token's or a user's own budget; anonymous callers share one per address."""

    def __init__(self, scope: str):
        self.scope = scope
        super().__init__(settings.API_RATES[scope])

    def allow_request(self, request) -> bool:
        self.rate = settings.API_RATES[self.scope]  # read on each call: settings may change
        self.num_requests, self.duration = self.parse_rate(self.rate)
        caller = getattr(request, "auth", None)
        known = caller is not None and str(caller) != "anonymous"
        if known != (self.scope == "known"):
            return True
        return super().allow_request(request)

    def get_cache_key(self, request) -> str:
        caller = request.auth
        ident = str(caller) if str(caller) != "anonymous" else self.get_ident(request)
        return f"api-throttle:{self.scope}:{ident}"
