"""URLs of plans and inventories."""

from django.urls import path

from samverkan.plans import views

app_name = "plans"
urlpatterns = [
    path("organ/<int:body_pk>/handlingsplaner/", views.body_plans, name="body_plans"),
    path("handlingsplaner/<int:pk>/", views.plan_detail, name="plan"),
    path("handlingsplaner/<int:pk>/mal/nytt/", views.goal_add, name="goal_add"),
    path(
        "handlingsplaner/<int:pk>/mal/<int:goal_pk>/indikator/",
        views.indicator_add,
        name="indicator_add",
    ),
    path(
        "handlingsplaner/<int:pk>/mal/<int:goal_pk>/aktivitet/",
        views.activity_add,
        name="activity_add",
    ),
    path("handlingsplaner/<int:pk>/varden/", views.values_enter, name="values"),
    path("handlingsplaner/<int:pk>/varden/fil/", views.values_import, name="values_import"),
    path(
        "handlingsplaner/<int:pk>/varden/<int:value_pk>/ratta/",
        views.value_edit,
        name="value_edit",
    ),
    path("inventering/", views.rounds, name="rounds"),
    path("inventering/<int:pk>/", views.round_overview, name="round"),
    path("inventering/<int:pk>/organ/<int:body_pk>/", views.round_answer, name="answer"),
    path("inventering/<int:pk>/xlsx/", views.round_export, name="export"),
    path("inventering/<int:pk>/pdf/", views.round_pdf, name="pdf"),
]
