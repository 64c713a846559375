"""Brute-force protection of the sign-in, on top of django-axes.

Axes counts wrong passwords per account in the database and locks the account after
LOGIN_FAILURE_LIMIT; this backend also locks a network address after
LOGIN_ADDRESS_FAILURE_LIMIT wrong passwords for any accounts within the same cool-off time.
"""

from axes.attempts import get_cool_off_threshold
from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render


def client_address(request) -> str | None:
    """The visitor's address: behind a trusted proxy, the last one it added."""
    if settings.TRUSTED_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR")


def address_failures(request) -> int:
    attempts = AccessAttempt.objects.filter(
        ip_address=request.axes_ip_address,
        attempt_time__gte=get_cool_off_threshold(request),
    )
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LockoutBackend(AxesStandaloneBackend):
    """Refuses a locked account or address before any password is checked."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            # Only code calls authenticate() without a request (the test client, scripts);
            # every sign-in over the web passes one and is counted.
            return None
        super().authenticate(request, username=username, password=password, **kwargs)
        if address_failures(request) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            request.axes_locked_out = True
            raise AxesBackendPermissionDenied("too many failures from this address")
        return None


def locked_out(request, response=None, credentials=None):
    """The Swedish page a locked account or address gets instead of signing in."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"cooloff_minutes": minutes}
    return render(request, "registration/locked_out.html", context, status=429)
