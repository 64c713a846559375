"""URLs of the minutes editor."""

from django.urls import path

from samverkan.minutes import history_views, views

app_name = "minutes"
urlpatterns = [
    path("moten/<int:meeting_pk>/anteckningar/", views.editor, name="editor"),
    path("moten/<int:meeting_pk>/anteckningar/<int:item_pk>/text/", views.note_save, name="note"),
    path(
        "moten/<int:meeting_pk>/anteckningar/<int:item_pk>/beslut/",
        views.decision_add,
        name="decision_add",
    ),
    path(
        "moten/<int:meeting_pk>/beslut/<int:pk>/andra/",
        views.decision_edit,
        name="decision_edit",
    ),
    path(
        "moten/<int:meeting_pk>/beslut/<int:pk>/ta-bort/",
        views.decision_delete,
        name="decision_delete",
    ),
    path("moten/<int:meeting_pk>/justera/", views.approve, name="approve"),
    path("moten/<int:meeting_pk>/rätta/", views.correct, name="correct"),
    path(
        "moten/<int:meeting_pk>/justering/aterta/",
        views.withdraw_request,
        name="withdraw_request",
    ),
    path("moten/<int:meeting_pk>/justering/", views.sign_off, name="sign_off"),
    path(
        "moten/<int:meeting_pk>/justering/skicka-tillbaka/",
        views.send_back,
        name="send_back",
    ),
    path("moten/<int:meeting_pk>/versioner/<int:number>/", views.version, name="version"),
    path(
        "moten/<int:meeting_pk>/historik/<str:kind>/<int:history_id>/ta-bort/",
        history_views.purge,
        name="purge",
    ),
]
