from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "samverkan.api"
    label = "samverkan_api"
    verbose_name = "API"

    def ready(self) -> None:
        from samverkan.api import signals  # noqa: F401
