"""Calendar feed addresses, distribution lists, and the log of what was e-mailed to whom."""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samverkan.directory import permissions
from samverkan.directory.audit import who
from samverkan.directory.models import Body, Person
from samverkan.meetings.models import Meeting


def new_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kalenderflöde")
        verbose_name_plural = _("kalenderflöden")

    def __str__(self) -> str:
        return f"{self.person}"

    def regenerate(self) -> None:
        """A new address; the old one stops working at once."""
        self.token = new_token()
        self.save(update_fields=["token", "created_at"])


class DistributionList(models.Model):
    """Named addresses outside the body that receive its approved minutes."""

    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="distribution_lists", verbose_name=_("organ")
    )
    name = models.CharField(_("namn"), max_length=120)
    addresses = models.TextField(_("e-postadresser"), help_text=_("En adress per rad."))

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("sändlista")
        verbose_name_plural = _("sändlistor")

    def __str__(self) -> str:
        return self.name

    def address_list(self) -> list[str]:
        return [line.strip() for line in self.addresses.splitlines() if line.strip()]

    def clean(self) -> None:
        wrong = []
        for address in self.address_list():
            try:
                validate_email(address)
            except ValidationError:
                wrong.append(address)
        if wrong:
            raise ValidationError(
                {"addresses": _("Inte giltiga e-postadresser: %s") % ", ".join(wrong)}
            )
        if not self.address_list():
            raise ValidationError({"addresses": _("Skriv minst en e-postadress.")})


# a delivery still waiting this long after its dispatch lost its worker and may be sent again
STALE_AFTER = datetime.timedelta(minutes=15)


class Dispatch(models.Model):
    """One sending of a mail (a meeting's kallelse or minutes, a notice, a reminder); each
    recipient has a Delivery."""

    class Kind(models.TextChoices):
        INVITATION = "kallelse", _("Kallelse")
        INVITATION_UPDATE = "uppdaterad kallelse", _("Uppdaterad kallelse")
        CALLED_IN = "ersättare kallad", _("Kallelse till ersättare")
        MOVED = "flyttat", _("Mötet är flyttat")
        CANCELLED = "inställt", _("Mötet är inställt")
        MINUTES = "minnesanteckningar", _("Minnesanteckningar")
        APPROVAL = "justering", _("Begäran om justering")
        ASSIGNMENT = "uppdrag", _("Uppdrag")
        REMINDER = "påminnelse", _("Påminnelse")
        FOLLOW = "bevakning", _("Bevakning")

    # the kinds that carry the kallelse with its agenda and answer links
    INVITING = (Kind.INVITATION, Kind.INVITATION_UPDATE, Kind.CALLED_IN)

    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="dispatches"
    )
    kind = models.CharField(_("typ"), max_length=30, choices=Kind.choices)
    subject = models.CharField(_("ämne"), max_length=300)
    # what the event said (what changed, whom an ersättare replaces, the digest), written when
    # it happened so a resend says the same
    text = models.TextField(_("text"), blank=True)
    # a kallelse's agenda as it was sent, to tell what changed since
    agenda = models.JSONField(_("dagordning som skickad"), default=list, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The worker sending this dispatch holds it until then and renews it before each message;
    # a lease that ran out means that worker died, and another one takes over.
    lease_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("utskick")
        verbose_name_plural = _("utskick")

    def __str__(self) -> str:
        return self.subject

    def sender_name(self) -> str:
        return who(self.sent_by) if self.sent_by else ""

    def failed_count(self) -> int:
        return self.deliveries.filter(status=Delivery.Status.FAILED).count()

    def resendable(self):
        """Failed deliveries with an address, and waiting ones the worker never finished."""
        failed = Q(status=Delivery.Status.FAILED) & ~Q(address="")
        stuck = Q(status=Delivery.Status.QUEUED) if self.is_stale() else Q(pk__in=[])
        return self.deliveries.filter(failed | stuck)

    def is_stale(self) -> bool:
        return self.created_at < timezone.now() - STALE_AFTER

    def can_resend(self) -> bool:
        return self.resendable().exists()


class Delivery(models.Model):
    """What happened to one recipient's message: waiting, sent, or failed with the reason."""

    class Status(models.TextChoices):
        QUEUED = "väntar", _("Väntar")
        SENDING = "skickas", _("Skickas")
        SENT = "skickat", _("Skickat")
        FAILED = "misslyckades", _("Misslyckades")

    dispatch = models.ForeignKey(Dispatch, on_delete=models.CASCADE, related_name="deliveries")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL)
    name = models.CharField(_("namn"), max_length=200, blank=True)
    address = models.CharField(_("e-postadress"), max_length=254, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    error = models.TextField(_("fel"), blank=True)
    attempts = models.PositiveIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name", "address"]
        verbose_name = _("leverans")
        verbose_name_plural = _("leveranser")

    def __str__(self) -> str:
        return f"{self.name} <{self.address}>"


class PublicationQuerySet(models.QuerySet):
    def public(self) -> "PublicationQuerySet":
        """What the archive shows: published minutes of public bodies only (the published
        version stays while a correction is written)."""
        return self.filter(
            permissions.meeting_rule(permissions.public_meeting_filter(), "meeting_id")
        )


class Publication(models.Model):
    """Approved minutes made public: they appear in the archive and its feed.

    `version` is the approved version the public sees; a correction replaces it only when
    the corrected version is approved and published.
    """

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="publication")
    version = models.PositiveIntegerField(_("publicerad version"), default=1)
    first_published_at = models.DateTimeField(_("först publicerat"), null=True, blank=True)
    published_at = models.DateTimeField(_("publicerat"), db_index=True)  # the latest first
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at"]
        verbose_name = _("publicering")
        verbose_name_plural = _("publiceringar")

    def __str__(self) -> str:
        return f"{self.meeting}"

    @property
    def is_corrected(self) -> bool:
        return self.version > 1

    def approved_version(self):
        """The approved snapshot the public sees (minutes.Version)."""
        return self.meeting.minutes.versions.filter(number=self.version).first()

    def earlier_versions(self):
        return self.meeting.minutes.versions.filter(number__lt=self.version).order_by("-number")


class SearchDocument(models.Model):
    """One searchable text of approved minutes: the minutes, a decision or an assignment.

    The full-text index lives beside it: an FTS5 table on SQLite, a generated `tsvector`
    column with a GIN index on PostgreSQL (migration 0003); `search.py` queries both.
    """

    class Kind(models.TextChoices):
        MINUTES = "minnesanteckningar", _("Minnesanteckningar")
        DECISION = "beslut", _("Beslut")
        ASSIGNMENT = "uppdrag", _("Uppdrag")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="search_documents")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    date = models.DateField(db_index=True)
    title = models.CharField(max_length=300)
    text = models.TextField()
    public = models.BooleanField(default=False)  # published, and all its bodies public

    class Meta:
        # who may read what, by date, without touching the texts
        indexes = [models.Index(fields=["public", "date", "meeting"], name="search_scope")]
        verbose_name = _("sökbar text")
        verbose_name_plural = _("sökbara texter")

    def __str__(self) -> str:
        return self.title


class SentReminder(models.Model):
    """A reminder that went out once: the schedule never sends the same key again."""

    key = models.CharField(max_length=200, unique=True)  # e.g. "uppdrag:12:2026-W49"
    dispatch = models.ForeignKey(Dispatch, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("skickad påminnelse")
        verbose_name_plural = _("skickade påminnelser")

    def __str__(self) -> str:
        return self.key


class ReminderChoice(models.Model):
    """What a person wants reminding of; without a row, everything (the default)."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="reminder_choice")
    reminders = models.BooleanField(
        _("påminnelser"),
        default=True,
        help_text=_("Veckobrev om uppdrag och påminnelser om kallelse och justering."),
    )

    class Meta:
        verbose_name = _("val av påminnelser")
        verbose_name_plural = _("val av påminnelser")

    def __str__(self) -> str:
        return f"{self.person}: {'på' if self.reminders else 'av'}"


class Follower(models.Model):
    """An address that follows a public body's published minutes (bevakning): it counts only
    once confirmed from the mail (double opt-in), and every mail has a link that ends it."""

    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="followers", verbose_name=_("organ")
    )
    email = models.EmailField(_("e-postadress"))
    token = models.CharField(max_length=64, unique=True, default=new_token)
    asked_at = models.DateTimeField(_("bekräftelse begärd"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("bekräftad"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["body", "email"], name="one_follower_per_address")
        ]
        verbose_name = _("bevakning")
        verbose_name_plural = _("bevakningar")

    def __str__(self) -> str:
        return f"{self.email}: {self.body}"
