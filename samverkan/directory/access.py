"""Accounts follow memberships: access ends a grace period after the last membership ends.

`sync()` (the `sync-access` command, run nightly) deactivates each account whose person's
last membership ended more than ACCESS_GRACE_DAYS ago: its sessions end, and the account's
save lets the other apps drop its calendar address and revoke its API tokens; mail already
stops for people without a current membership. Every change is in `AccessLog`. An
administrator may restore an account; it then keeps its access until a later membership of
the person ends. Administrators' own accounts never lapse this way.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.directory.models import AccessLog, Membership

User = get_user_model()


@dataclass(frozen=True)
class Lapse:
    """An account whose person has no current membership, and when its access ends."""

    user: object
    last_end: datetime.date
    ends_on: datetime.date


def _grace() -> datetime.timedelta:
    return datetime.timedelta(days=settings.ACCESS_GRACE_DAYS)


def lapsing(today: datetime.date | None = None) -> list[Lapse]:
    """Active member accounts with no current or coming membership, oldest end first.

    An account restored after the last membership ended is left alone.
    """
    today = today or timezone.localdate()
    memberships = Membership.objects.filter(person__user=OuterRef("pk"))
    going_on = memberships.filter(Q(end__isnull=True) | Q(end__gte=today))
    restored = AccessLog.objects.filter(user=OuterRef("pk"), action=AccessLog.Action.RESTORED)
    users = (
        User.objects.filter(is_active=True, is_staff=False, is_superuser=False)
        .filter(Exists(memberships), ~Exists(going_on))
        .annotate(
            last_end=Max("person__memberships__end"),
            restored_at=Subquery(restored.order_by("-at").values("at")[:1]),
        )
        .select_related("person")
        .order_by("last_end", "pk")
    )
    return [
        Lapse(user, user.last_end, user.last_end + _grace())
        for user in users
        if user.restored_at is None or timezone.localdate(user.restored_at) <= user.last_end
    ]


def end_sessions(user) -> int:
    """Sign the account out everywhere; the number of sessions ended."""
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()
            ended += 1
    return ended


@transaction.atomic
def deactivate(user, *, reason: str, by=None) -> None:
    user.is_active = False
    user.save(update_fields=["is_active"])
    end_sessions(user)
    AccessLog.objects.create(user=user, action=AccessLog.Action.DEACTIVATED, reason=reason, by=by)


@transaction.atomic
def restore(user, *, by) -> None:
    user.is_active = True
    user.save(update_fields=["is_active"])
    AccessLog.objects.create(
        user=user, action=AccessLog.Action.RESTORED, reason=_("Återställd av administratör"), by=by
    )


def sync(today: datetime.date | None = None) -> list[Lapse]:
    """Deactivate every account whose grace period is over; those deactivated."""
    today = today or timezone.localdate()
    due = [lapse for lapse in lapsing(today) if lapse.ends_on < today]
    for lapse in due:
        reason = _("Sista ledamotskapet slutade %(day)s") % {"day": lapse.last_end.isoformat()}
        deactivate(lapse.user, reason=reason)
    return due


def lost_access() -> list[AccessLog]:
    """Deactivated accounts, each by its latest deactivation, newest first."""
    entries = AccessLog.objects.filter(
        action=AccessLog.Action.DEACTIVATED, user__is_active=False
    ).select_related("user__person", "by")
    latest: dict[int, AccessLog] = {}
    for entry in entries:
        latest.setdefault(entry.user_id, entry)
    return list(latest.values())


def for_review(now: datetime.datetime | None = None) -> QuerySet:
    """Active accounts not used for ACCOUNT_REVIEW_MONTHS (never used: since they were made)."""
    since = (now or timezone.now()) - datetime.timedelta(
        days=30.44 * settings.ACCOUNT_REVIEW_MONTHS
    )
    return (
        User.objects.filter(is_active=True)
        .filter(Q(last_login__lt=since) | Q(last_login__isnull=True, date_joined__lt=since))
        .select_related("person")
        .order_by("last_login", "username")
    )
