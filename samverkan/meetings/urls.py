"""URLs of meeting pages."""

from django.urls import path, re_path

from samverkan.meetings import answer_views, proposal_views, views

app_name = "meetings"
urlpatterns = [
    path("moten/<int:pk>/", views.meeting_detail, name="meeting"),
    path("moten/<int:pk>/kallelse/", views.invitation, name="invitation"),
    path("moten/<int:pk>/stall-in/", views.meeting_cancel, name="cancel"),
    path("moten/<int:pk>/flytta/", views.meeting_move, name="move"),
    path("moten/<int:pk>/genomfort/", views.mark_held, name="mark_held"),
    path("moten/<int:pk>/punkter/ny/", views.item_add, name="item_add"),
    path("moten/<int:pk>/punkter/<int:item_pk>/flytta/", views.item_move, name="item_move"),
    path("moten/<int:pk>/punkter/<int:item_pk>/andra/", views.item_edit, name="item_edit"),
    path("moten/<int:pk>/punkter/<int:item_pk>/ta-bort/", views.item_remove, name="item_remove"),
    path("moten/<int:pk>/bilagor/<int:attachment_pk>/", views.attachment, name="attachment"),
    path("moten/<int:pk>/svar/", views.answer, name="answer"),
    path("moten/<int:pk>/narvaro/", views.attendance, name="attendance"),
    path("moten/<int:pk>/foresla/", proposal_views.proposal_add, name="proposal_add"),
    path(
        "moten/<int:pk>/forslag/<int:proposal_pk>/",
        proposal_views.proposal_answer,
        name="proposal_answer",
    ),
    re_path(
        r"^moten/(?P<pk>\d+)/svara/(?P<token>[\w:-]{10,200})/(?P<choice>kommer|kan-inte|ersattare)/$",
        answer_views.answer_link,
        name="answer_link",
    ),
]
