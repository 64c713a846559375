"""OParl 1.1 at /oparl/v1/: the system, the one body (the collaboration) and its lists."""

from django.urls import path, re_path

from samverkan.oparl import views

app_name = "oparl"
urlpatterns = [
    path("", views.system, name="system"),
    path("bodies/", views.bodies, name="bodies"),
    path("body/", views.body, name="body"),
    path("body/organizations/", views.organizations, name="organizations"),
    path("body/home-organizations/", views.home_organizations, name="home_organizations"),
    path("body/people/", views.people, name="people"),
    path("body/memberships/", views.memberships, name="memberships"),
    path("body/meetings/", views.meetings, name="meetings"),
    path("body/agenda-items/", views.agenda_items, name="agenda_items"),
    path("body/files/", views.files, name="files"),
    path("body/papers/", views.papers, name="papers"),
    path("organization/<int:pk>/", views.organization, name="organization"),
    path(
        "organization/<int:pk>/meetings/",
        views.organization_meetings,
        name="organization_meetings",
    ),
    path("home-organization/<int:pk>/", views.home_organization, name="home_organization"),
    path("person/<int:pk>/", views.person, name="person"),
    path("membership/<int:pk>/", views.membership, name="membership"),
    path("meeting/<int:pk>/", views.meeting, name="meeting"),
    path("meeting/<int:pk>/location/", views.location, name="location"),
    re_path(r"^meeting/(?P<pk>\d+)/file/(?P<kind>invitation|minutes)/$", views.file, name="file"),
    re_path(
        r"^meeting/(?P<pk>\d+)/file/(?P<kind>invitation|minutes)\.pdf$",
        views.file_access,
        name="file_access",
    ),
    re_path(
        r"^meeting/(?P<pk>\d+)/file/(?P<kind>invitation|minutes)/download\.pdf$",
        views.file_download,
        name="file_download",
    ),
    path("agenda-item/<int:pk>/", views.agenda_item, name="agenda_item"),
    re_path(r"^(?P<rest>.*)$", views.not_found, name="not_found"),
]
