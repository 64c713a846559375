"""Validation shared by every app's forms: a web address a link may point to."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WEB_SCHEMES = ("http", "https")


def is_web_address(value: str) -> bool:
    """True for an http(s) address; what was stored before validation may be anything."""
    return str(value).strip().lower().startswith(tuple(f"{s}://" for s in WEB_SCHEMES))


def web_address(value: str) -> None:
    if value and not is_web_address(value):
        raise ValidationError(
            _("Ange en webbadress som börjar med https:// eller http://."), code="scheme"
        )


class WebAddressField(forms.URLField):
    """A link given by a user: only http and https, so no `javascript:` ever becomes a link."""

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        kwargs["validators"] = [*kwargs.get("validators", ()), web_address]
        super().__init__(**kwargs)
