"""Private calendar feed addresses, one per person, that can be replaced."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from samverkan.directory.models import Person


def new_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kalenderflöde")
        verbose_name_plural = _("kalenderflöden")

    def __str__(self) -> str:
        return f"{self.person}"

    def regenerate(self) -> None:
        """A new address; the old one stops working at once."""
        self.token = new_token()
        self.save(update_fields=["token", "created_at"])
