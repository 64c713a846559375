"""URLs of published documents and calendar feeds."""

from django.urls import path, re_path

from samverkan.publishing import (
    archive_views,
    feeds,
    following_views,
    mail_views,
    privacy_views,
    reminder_views,
    views,
)

app_name = "publishing"
urlpatterns = [
    re_path(
        r"^moten/(?P<pk>\d+)/minnesanteckningar\.(?P<fmt>pdf|docx)$",
        views.minutes_document,
        name="minutes",
    ),
    re_path(
        r"^moten/(?P<pk>\d+)/kallelse\.(?P<fmt>pdf|docx)$",
        views.invitation_document,
        name="invitation",
    ),
    path("moten/<int:pk>/skicka-kallelse/", mail_views.send_invitation, name="send_invitation"),
    path("moten/<int:pk>/uppdaterad-kallelse/", mail_views.send_update, name="send_update"),
    path("moten/<int:pk>/publicera/", mail_views.publish_minutes, name="publish"),
    path("moten/<int:pk>/begar-justering/", mail_views.request_approval, name="request_approval"),
    path("moten/<int:pk>/utskick/", mail_views.dispatches, name="dispatches"),
    path(
        "moten/<int:pk>/utskick/<int:dispatch_pk>/skicka-igen/",
        mail_views.resend,
        name="resend",
    ),
    path("organ/<int:pk>/sandlistor/", mail_views.distribution_lists, name="lists"),
    path("sandlistor/<int:pk>/", mail_views.distribution_list_edit, name="list_edit"),
    path(
        "sandlistor/<int:pk>/ta-bort/",
        mail_views.distribution_list_delete,
        name="list_delete",
    ),
    path("organ/<int:pk>/bevaka/", following_views.follow, name="follow"),
    re_path(
        r"^bevaka/(?P<token>[\w-]{20,64})/$", following_views.follow_confirm, name="follow_confirm"
    ),
    re_path(
        r"^bevaka/(?P<token>[\w-]{20,64})/avsluta/$", following_views.unfollow, name="unfollow"
    ),
    path("arkiv/", archive_views.archive, name="archive"),
    path("arkiv/organ/<int:pk>/", archive_views.archive_body, name="archive_body"),
    path("arkiv/moten/<int:pk>/", archive_views.archive_minutes, name="archive_minutes"),
    path(
        "arkiv/moten/<int:pk>/minnesanteckningar.pdf",
        archive_views.archive_pdf,
        name="archive_pdf",
    ),
    path(
        "arkiv/moten/<int:pk>/version/<int:number>/",
        archive_views.archive_minutes,
        name="archive_version",
    ),
    path(
        "arkiv/moten/<int:pk>/version/<int:number>/minnesanteckningar.pdf",
        archive_views.archive_pdf,
        name="archive_version_pdf",
    ),
    path("arkiv/nya.atom", archive_views.PublishedMinutesFeed(), name="archive_feed"),
    path("arkiv/sok/", archive_views.search_page, name="search"),
    path("kalender/", feeds.my_calendar, name="my_calendar"),
    path("paminnelser/", reminder_views.reminders, name="reminders"),
    re_path(r"^kalender/(?P<token>[\w-]{20,64})\.ics$", feeds.person_feed, name="person_feed"),
    path("organ/<int:pk>/kalender.ics", feeds.body_feed, name="body_feed"),
    path("personer/<int:pk>/export.json", privacy_views.person_export, name="person_export"),
    path("personer/<int:pk>/radera/", privacy_views.person_erase, name="person_erase"),
]
