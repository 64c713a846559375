"""URLs of the directory pages (Swedish paths)."""

from django.urls import path

from samverkan.directory import views

app_name = "directory"
urlpatterns = [
    path("organ/", views.body_list, name="body_list"),
    path("organ/nytt/", views.body_create, name="body_create"),
    path("organ/<int:pk>/", views.body_detail, name="body"),
    path("organ/<int:pk>/andra/", views.body_edit, name="body_edit"),
    path("organ/<int:pk>/ledamoter/ny/", views.membership_add, name="membership_add"),
    path("ledamotskap/<int:pk>/avsluta/", views.membership_end, name="membership_end"),
    path("personer/ny/", views.person_create, name="person_create"),
    path("personer/<int:pk>/", views.person_detail, name="person"),
    path("personer/<int:pk>/andra/", views.person_edit, name="person_edit"),
    path("organisationer/", views.organisation_list, name="organisation_list"),
    path("organisationer/ny/", views.organisation_edit, name="organisation_create"),
    path("organisationer/<int:pk>/", views.organisation_detail, name="organisation"),
    path("organisationer/<int:pk>/andra/", views.organisation_edit, name="organisation_edit"),
    path("sok/", views.search, name="search"),
    path("konton/", views.accounts, name="accounts"),
]
