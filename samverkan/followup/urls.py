"""URLs of the follow-up pages."""

from django.urls import path

from samverkan.followup import case_views, commission_views, plan_link_views, views

app_name = "followup"
urlpatterns = [
    path("oversikt/", views.overview, name="overview"),
    path("organ/<int:body_pk>/moten/nytt/", views.plan_meeting, name="plan_meeting"),
    path("organ/<int:body_pk>/uppdrag/", views.body_register, name="register"),
    path("moten/<int:meeting_pk>/uppdrag/", views.assignment_add, name="assignment_add"),
    path("uppdrag/<int:pk>/", views.assignment_detail, name="assignment"),
    path("uppdrag/<int:pk>/andra/", views.assignment_edit, name="assignment_edit"),
    path("uppdrag/<int:pk>/ta-bort/", views.assignment_delete, name="assignment_delete"),
    path("uppdrag/<int:pk>/aterrapportering/", views.report_back, name="report_back"),
    path("mina-uppdrag/", views.my_assignments, name="mine"),
    path("beslut/", views.decision_register, name="decisions"),
    path(
        "organ/<int:body_pk>/uppdrag-till-organ/",
        commission_views.commission_add,
        name="commission_add",
    ),
    path("handlingsplaner/<int:plan_pk>/koppla/", plan_link_views.plan_link_add, name="plan_link"),
    path("arenden/<int:item_pk>/", case_views.case, name="case"),
    path("uppdrag-till-organ/<int:pk>/", commission_views.commission_detail, name="commission"),
]
