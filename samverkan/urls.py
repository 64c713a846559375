"""Top-level URLs: the apps, accounts, language switch and the admin."""

from django.contrib import admin
from django.urls import include, path

from samverkan import accessibility
from samverkan.api.endpoints import api
from samverkan.directory import accounts, twofactor
from samverkan.followup.views import overview

urlpatterns = [
    path("", overview, name="home"),
    path("tillganglighet/", accessibility.statement, name="accessibility"),
    path("", include("samverkan.directory.urls")),
    path("", include("samverkan.meetings.urls")),
    path("", include("samverkan.minutes.urls")),
    path("", include("samverkan.followup.urls")),
    path("", include("samverkan.importer.urls")),
    path("", include("samverkan.plans.urls")),
    path("", include("samverkan.publishing.urls")),
    path("konto/login/", accounts.LoginView.as_view(), name="login"),
    path("konto/logout/", accounts.logout, name="logout"),
    path("konto/oidc/<slug:provider>/", accounts.oidc_start, name="oidc_login"),
    path("konto/oidc/<slug:provider>/svar/", accounts.oidc_callback, name="oidc_callback"),
    path("konto/password_reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path("konto/tvastegsverifiering/", twofactor.setup, name="two_factor"),
    path("konto/tvastegsverifiering/kod/", twofactor.verify, name="two_factor_verify"),
    path("oparl/v1/", include("samverkan.oparl.urls")),
    path("api/", api.urls),
    path("", include("samverkan.api.urls")),
    path("konto/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
