"""URLs of the import pages."""

from django.urls import path

from samverkan.importer import views

app_name = "importer"
urlpatterns = [
    path("import/", views.upload, name="upload"),
    path("import/<int:pk>/", views.review, name="review"),
    path("import/<int:pk>/ta-bort/", views.discard, name="discard"),
    path("import/<int:pk>/original/", views.original, name="original"),
]
