from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "samverkan.api"
    label = "samverkan_api"
    verbose_name = "API"
