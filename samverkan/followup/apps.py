"""App configuration for follow-up."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "samverkan.followup"
    verbose_name = _("Uppföljning")

    def ready(self) -> None:
        from samverkan.followup import signals  # noqa: F401  (connects the report-back rule)
