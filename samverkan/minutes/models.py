"""Minutes of a meeting, their notes per agenda item, decisions and approved versions."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samverkan.directory.models import Person
from samverkan.meetings.models import AgendaItem, Meeting


class Minutes(models.Model):
    class Approval(models.TextChoices):
        BY_PERSONS = "justerare", _("Av utsedda justerare")
        NEXT_MEETING = "nästa möte", _("Vid nästa möte")

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


class DecisionQuerySet(models.QuerySet):
    def visible_to(self, user) -> "DecisionQuerySet":
        """Decisions in approved minutes the user may read."""
        return self.filter(minutes__meeting__in=Meeting.objects.minutes_readable_by(user))


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
