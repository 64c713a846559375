"""URLs of published documents."""

from django.urls import re_path

from samverkan.publishing import views

app_name = "publishing"
urlpatterns = [
    re_path(
        r"^moten/(?P<pk>\d+)/minnesanteckningar\.(?P<fmt>pdf|docx)$",
        views.minutes_document,
        name="minutes",
    ),
]
