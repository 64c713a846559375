"""App configuration for minutes."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MinutesConfig(AppConfig):
    name = "samverkan.minutes"
    verbose_name = _("Minnesanteckningar")
