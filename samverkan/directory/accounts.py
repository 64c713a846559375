"""Account pages beyond Django's own: a password reset that cannot be used to flood a mailbox."""

import datetime
import hashlib

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.directory.lockout import client_address
from samverkan.directory.models import PasswordResetRequest

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
