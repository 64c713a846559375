"""Minutes of a meeting, their notes per agenda item, decisions and approved versions."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samverkan.directory import permissions
from samverkan.directory.models import Person
from samverkan.meetings.models import AgendaItem, Meeting


class Minutes(models.Model):
    class Approval(models.TextChoices):
        BY_PERSONS = "justerare", _("Av utsedda justerare")
        NEXT_MEETING = "nästa möte", _("Vid nästa möte")
        ON_PAPER = "papper", _("Justerat på papper")

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    version = models.PositiveIntegerField(_("version"), default=1)
    approval = models.CharField(
        _("justeras"), max_length=20, choices=Approval.choices, default=Approval.BY_PERSONS
    )
    approvers = models.ManyToManyField(Person, verbose_name=_("justerare"), blank=True)
    approved_at = models.DateTimeField(_("justerat"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("minnesanteckningar")
        verbose_name_plural = _("minnesanteckningar")

    def __str__(self) -> str:
        return f"{self.meeting} v{self.version}"

    def get_absolute_url(self) -> str:
        return reverse("minutes:editor", args=[self.meeting_id])

    @property
    def is_locked(self) -> bool:
        return self.approved_at is not None

    def current_signoffs(self):
        """The sign-offs of the open request (waiting or given) for this version."""
        return self.signoffs.filter(
            version=self.version, status__in=(SignOff.Status.WAITING, SignOff.Status.APPROVED)
        ).select_related("person")

    def signoff_for(self, user) -> "SignOff | None":
        if not user.is_authenticated:
            return None
        return self.current_signoffs().filter(person__user_id=user.pk).first()

    def sent_back(self):
        """What justerare sent back for this version, newest first."""
        return self.signoffs.filter(version=self.version, status=SignOff.Status.RETURNED)

    def approval_lines(self) -> list[str]:
        """How the minutes were or will be approved, as the documents say it."""
        if self.approval == self.Approval.NEXT_MEETING:
            return ["Justeras vid nästa möte"]
        if self.is_locked and self.approval == self.Approval.BY_PERSONS:
            signed = self.signoffs.filter(version=self.version, status=SignOff.Status.APPROVED)
            return [
                f"Justerat av {s.person.name} {when(s.approved_at)}"
                for s in signed.select_related("person").order_by("approved_at")
            ]
        names = ", ".join(p.name for p in self.approvers.all())
        if self.is_locked and self.approval == self.Approval.ON_PAPER:
            text = f"Justerat på papper av {names}" if names else "Justerat på papper"
            return [f"{text} (registrerat {when(self.approved_at)})"]
        return [f"Justerare: {names}"] if names else []


def when(moment) -> str:
    """ "3 december 2026 kl. 10.14" in the local time."""
    local = timezone.localtime(moment)
    return f"{formats.date_format(local, 'j F Y')} kl. {local:%H.%M}"


class SignOff(models.Model):
    """One named justerare's approval of one version, asked for by e-mail and given in person."""

    class Status(models.TextChoices):
        WAITING = "väntar", _("Väntar på justering")
        APPROVED = "justerat", _("Justerat")
        RETURNED = "tillbakaskickat", _("Skickat tillbaka")
        WITHDRAWN = "återtaget", _("Begäran återtagen")

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="signoffs")
    version = models.PositiveIntegerField(_("version"))
    person = models.ForeignKey(
        Person, verbose_name=_("justerare"), on_delete=models.PROTECT, related_name="signoffs"
    )
    status = models.CharField(
        _("läge"), max_length=20, choices=Status.choices, default=Status.WAITING
    )
    requested_at = models.DateTimeField(_("begärt"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("justerat"), null=True, blank=True)
    answered_at = models.DateTimeField(_("svarat"), null=True, blank=True)
    comment = models.TextField(_("kommentar"), max_length=4000, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["minutes", "-requested_at", "person__name"]
        verbose_name = _("justering")
        verbose_name_plural = _("justeringar")

    def __str__(self) -> str:
        return f"{self.person} v{self.version}: {self.get_status_display()}"

    @property
    def is_waiting(self) -> bool:
        return self.status == self.Status.WAITING


class Note(models.Model):
    """What was said under one agenda item; `revision` guards against overwriting."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="notes")
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("anteckningar"), max_length=20000, blank=True)
    revision = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["minutes", "item"], name="one_note_per_item")
        ]
        verbose_name = _("anteckning")
        verbose_name_plural = _("anteckningar")

    def __str__(self) -> str:
        return f"{self.item}: {self.text[:40]}"

    def last_writer(self):
        """The user who saved the text as it stands (shown to a writer who met a conflict)."""
        record = self.history.select_related("history_user__person").first()
        return record.history_user if record else None


class DecisionQuerySet(models.QuerySet):
    def visible_to(self, user) -> "DecisionQuerySet":
        """Decisions in approved minutes the user may read."""
        return self.filter(
            permissions.meeting_rule(permissions.minutes_filter(user), "minutes__meeting_id")
        )


class Decision(models.Model):
    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="decisions")
    item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    text = models.TextField(_("beslut"), max_length=4000)
    history = HistoricalRecords()

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["minutes", "item__position", "pk"]
        verbose_name = _("beslut")
        verbose_name_plural = _("beslut")

    def __str__(self) -> str:
        return self.text[:80]


class Version(models.Model):
    """An approved version, kept readable after corrections."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    approved_at = models.DateTimeField()
    content = models.JSONField()

    class Meta:
        ordering = ["minutes", "number"]
        constraints = [models.UniqueConstraint(fields=["minutes", "number"], name="one_version")]

    def __str__(self) -> str:
        return f"{self.minutes.meeting} v{self.number}"
