"""Account pages beyond Django's own: sign-in with a password or an organisation's account
(OpenID Connect), sign-out at both ends, and a password reset that cannot flood a mailbox."""

import datetime
import hashlib

from django.conf import settings
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import views as auth_views
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from samverkan.directory import oidc
from samverkan.directory.lockout import client_address
from samverkan.directory.models import PasswordResetRequest

NEXT_KEY = "oidc_next"

WINDOW = datetime.timedelta(hours=1)


def _digest(email: str) -> str:
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


def reset_allowed(email: str, address: str | None) -> bool:
    """Record the request; False when the address or the sender asked too often this hour."""
    since = timezone.now() - WINDOW
    PasswordResetRequest.objects.filter(requested_at__lt=since).delete()
    recent = PasswordResetRequest.objects.filter(requested_at__gte=since)
    digest = _digest(email)
    too_many = recent.filter(email_digest=digest).count() >= settings.PASSWORD_RESET_LIMIT or (
        address is not None
        and recent.filter(client_address=address).count() >= settings.PASSWORD_RESET_ADDRESS_LIMIT
    )
    if not too_many:
        PasswordResetRequest.objects.create(email_digest=digest, client_address=address)
    return not too_many


class PasswordResetView(auth_views.PasswordResetView):
    def dispatch(self, request, *args, **kwargs):
        if not settings.PASSWORD_LOGIN:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        if not reset_allowed(form.cleaned_data["email"], client_address(self.request)):
            form.add_error(
                None,
                _(
                    "Du har bett om en ny länk för många gånger. Kolla din e-post efter den "
                    "du redan fått, eller försök igen om en timme."
                ),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class LoginView(auth_views.LoginView):
    """The password form (unless PASSWORD_LOGIN is off) and a button per identity provider."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["providers"] = oidc.providers()
        context["password_login"] = settings.PASSWORD_LOGIN
        return context

    def post(self, request, *args, **kwargs):
        if not settings.PASSWORD_LOGIN:
            return self.render_to_response(self.get_context_data(), status=403)
        return super().post(request, *args, **kwargs)


def _refused(request, error: oidc.Refused):
    context = {"message": error.message, "unknown": error.unknown}
    return render(request, "registration/oidc_refused.html", context, status=403)


def _provider_or_404(key: str) -> oidc.Provider:
    found = oidc.provider(key)
    if found is None:
        raise Http404
    return found


@never_cache
def oidc_start(request, provider):
    found = _provider_or_404(provider)
    target = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        request.session[NEXT_KEY] = target
    redirect_uri = request.build_absolute_uri(reverse("oidc_callback", args=[found.key]))
    try:
        return oidc.start(request, found, redirect_uri)
    except oidc.Refused as error:
        return _refused(request, error)


@never_cache
def oidc_callback(request, provider):
    found = _provider_or_404(provider)
    try:
        claims, id_token = oidc.verified_claims(request, found)
        person = oidc.person_for(found, claims)
    except oidc.Refused as error:
        return _refused(request, error)
    target = request.session.pop(NEXT_KEY, "") or reverse(settings.LOGIN_REDIRECT_URL)
    auth_login(request, person.user, backend="django.contrib.auth.backends.ModelBackend")
    request.session[oidc.SESSION_KEY] = {
        "provider": found.key,
        "id_token": id_token,
        "two_factor": found.shows_two_factors(claims),
    }
    return redirect(target)


@require_POST
def logout(request):
    """Sign out here, then at the provider the person signed in with, if it offers that."""
    session_data = request.session.get(oidc.SESSION_KEY)
    auth_logout(request)
    home = request.build_absolute_uri(reverse(settings.LOGOUT_REDIRECT_URL))
    return redirect(oidc.logout_url(session_data, home) or home)
