"""System checks that keep an unsafe configuration from starting."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security)
def secret_key_is_set(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """With DEBUG off, the public development SECRET_KEY would let anyone forge sessions."""
    if settings.DEBUG or settings.SECRET_KEY != settings.DEVELOPMENT_SECRET_KEY:
        return []
    return [
        checks.Error(
            "SECRET_KEY is not set: the built-in development key is public.",
            hint="Set SECRET_KEY to a long random value, e.g. the output of "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'` (see README).",
            id="samverkan.E001",
        )
    ]
