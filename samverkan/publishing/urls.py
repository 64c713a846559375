"""URLs of published documents and calendar feeds."""

from django.urls import path, re_path

from samverkan.publishing import feeds, views

app_name = "publishing"
urlpatterns = [
    re_path(
        r"^moten/(?P<pk>\d+)/minnesanteckningar\.(?P<fmt>pdf|docx)$",
        views.minutes_document,
        name="minutes",
    ),
    path("kalender/", feeds.my_calendar, name="my_calendar"),
    re_path(r"^kalender/(?P<token>[\w-]{20,64})\.ics$", feeds.person_feed, name="person_feed"),
    path("organ/<int:pk>/kalender.ics", feeds.body_feed, name="body_feed"),
]
