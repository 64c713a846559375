"""App configuration for the directory."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "samverkan.directory"
    verbose_name = _("Katalog")

    def ready(self) -> None:
        from samverkan.directory import checks  # noqa: F401  (registers the system checks)
