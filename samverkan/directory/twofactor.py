"""Two-step sign-in with a code from an authenticator app (TOTP, django-otp).

Staff must use it (STAFF_TWO_FACTOR); anyone else may turn it on. Until the code of the
current sign-in is given, such a user reaches only these pages and the sign-out. A sign-in
through an identity provider that shows two factors (acr/amr, see `oidc`) needs no code.
"""

import base64

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from samverkan.directory import oidc

OPEN_PATHS = ("two_factor", "two_factor_verify", "logout", "set_language")


def required_for(user) -> bool:
    return settings.STAFF_TWO_FACTOR and (user.is_staff or user.is_superuser)


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def two_factor_middleware(get_response):
    open_paths = None

    def middleware(request):
        nonlocal open_paths
        user = request.user
        if user.is_authenticated and not user.is_verified() and not oidc.two_factor_done(request):
            has_device = confirmed_device(user) is not None
            if has_device or required_for(user):
                open_paths = open_paths or {reverse(name) for name in OPEN_PATHS}
                if request.path not in open_paths:
                    target = "two_factor_verify" if has_device else "two_factor"
                    query = urlencode({"next": request.get_full_path()})
                    return redirect(f"{reverse(target)}?{query}")
        return get_response(request)

    return middleware


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Kod från appen"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9 ]*"}
        ),
        help_text=gettext_lazy("Sex siffror som appen visar just nu."),
    )

    def clean_code(self) -> str:
        return self.cleaned_data["code"].replace(" ", "")


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse(settings.LOGIN_REDIRECT_URL)


def _check(form, device: TOTPDevice) -> bool:
    """The code is right; a wrong one, or one while tries are held back, is an error."""
    allowed, _detail = device.verify_is_allowed()
    if not allowed:
        form.add_error("code", _("För många felaktiga koder. Vänta en stund och försök igen."))
        return False
    if not device.verify_token(form.cleaned_data["code"]):
        form.add_error("code", _("Koden stämmer inte. Skriv koden som appen visar nu."))
        return False
    return True


@never_cache
@login_required
def verify(request):
    device = confirmed_device(request.user)
    if device is None:
        return redirect("two_factor")
    form = CodeForm(request.POST or None)
    if form.is_valid() and _check(form, device):
        otp_login(request, device)
        return redirect(_next(request))
    return render(
        request, "registration/two_factor_verify.html", {"form": form, "next": _next(request)}
    )


@never_cache
@login_required
def setup(request):
    """Turn on (scan the code, confirm with one code) or, for non-staff, turn off."""
    user = request.user
    device = confirmed_device(user)
    if device is not None:
        if not user.is_verified():
            return redirect("two_factor_verify")
        if request.method == "POST" and "turn_off" in request.POST and not required_for(user):
            TOTPDevice.objects.filter(user=user).delete()
            messages.success(request, _("Tvåstegsverifieringen är avstängd."))
            return redirect("two_factor")
        context = {"enabled": True, "required": required_for(user)}
        return render(request, "registration/two_factor.html", context)
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Autentiseringsapp"), confirmed=False)
    form = CodeForm(request.POST or None)
    if form.is_valid() and _check(form, device):
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, _("Tvåstegsverifieringen är påslagen."))
        return redirect(_next(request))
    context = {
        "form": form,
        "next": _next(request),
        "required": required_for(user),
        "secret": " ".join(_chunks(base64.b32encode(device.bin_key).decode())),
        "qr": segno.make(device.config_url, error="m").svg_data_uri(scale=5),
    }
    return render(request, "registration/two_factor.html", context)


def _chunks(text: str, size: int = 4) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]
