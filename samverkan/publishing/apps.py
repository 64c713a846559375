"""App configuration for publishing."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    name = "samverkan.publishing"
    verbose_name = _("Publicering")

    def ready(self) -> None:
        from samverkan.publishing import notices, signals  # noqa: F401  (connects the receivers)
