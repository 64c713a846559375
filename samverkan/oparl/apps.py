from django.apps import AppConfig


class OparlConfig(AppConfig):
    name = "samverkan.oparl"
    verbose_name = "OParl"
