"""API tokens, the open data page and the register downloads (the API itself: `endpoints`)."""

from django.urls import path, re_path

from samverkan.api import views

app_name = "api_pages"
FORMATS = r"(?P<fmt>csv|xlsx|json)"
urlpatterns = [
    path("konto/api-nycklar/", views.tokens, name="tokens"),
    path("konto/api-nycklar/<int:pk>/aterkalla/", views.revoke, name="revoke"),
    path("oppna-data/", views.open_data, name="open_data"),
    re_path(rf"^beslut\.{FORMATS}$", views.decisions, name="decisions_export"),
    re_path(
        rf"^organ/(?P<body_pk>\d+)/uppdrag\.{FORMATS}$",
        views.assignments,
        name="assignments_export",
    ),
]
