"""Meeting, AgendaItem, Attachment and Attendance."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samverkan.directory import permissions
from samverkan.directory.models import Body, Person


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user) -> "MeetingQuerySet":
        """Meetings the user may read: public ones (every body public) and their own."""
        return self.filter(permissions.meeting_filter(user))

    def taken_part_by(self, user) -> "MeetingQuerySet":
        """Meetings of bodies the user sits in or edits."""
        return self.filter(permissions.taking_part_filter(user))

    def minutes_readable_by(self, user) -> "MeetingQuerySet":
        """Meetings whose approved minutes the user may read (published, or their own)."""
        return self.filter(permissions.minutes_filter(user))

    def upcoming(self) -> "MeetingQuerySet":
        return self.filter(date__gte=timezone.localdate()).order_by("date", "start")

    def past(self) -> "MeetingQuerySet":
        return self.filter(date__lt=timezone.localdate()).order_by("-date", "-start")

    def with_revisions(self) -> "MeetingQuerySet":
        """Each meeting with `revisions`: how many times it has been saved, in one query."""
        saves = (
            self.model.history.model.objects.filter(id=OuterRef("pk"))
            .order_by()
            .values("id")
            .annotate(n=Count("history_id"))
            .values("n")
        )
        return self.annotate(revisions=Coalesce(Subquery(saves), 0))


class Meeting(models.Model):
    class Kind(models.TextChoices):
        REGULAR = "ordinarie", _("Ordinarie")
        PREPARATORY = "tjänstemannaförberedande", _("Tjänstemannaförberedande")
        WORKSHOP = "workshop", _("Workshop")
        EXTRA = "extra", _("Extra")

    class State(models.TextChoices):
        PLANNED = "planerat", _("Planerat")
        INVITED = "kallelse skickad", _("Kallelse skickad")
        HELD = "genomfört", _("Genomfört")
        APPROVED = "protokoll justerat", _("Protokoll justerat")
        PUBLISHED = "publicerat", _("Publicerat")
        CANCELLED = "inställt", _("Inställt")

    bodies = models.ManyToManyField(Body, verbose_name=_("organ"), related_name="meetings")
    kind = models.CharField(_("typ"), max_length=30, choices=Kind.choices, default=Kind.REGULAR)
    date = models.DateField(_("datum"))
    start = models.TimeField(_("börjar"), null=True, blank=True)
    end = models.TimeField(_("slutar"), null=True, blank=True)
    place = models.CharField(_("plats"), max_length=200, blank=True)
    link = models.URLField(_("länk till digitalt möte"), max_length=500, blank=True)
    state = models.CharField(_("läge"), max_length=30, choices=State.choices, default=State.PLANNED)
    cancel_reason = models.CharField(
        _("skäl till att mötet ställdes in"), max_length=300, blank=True
    )
    moved_from = models.DateField(_("flyttat från"), null=True, blank=True)
    history = HistoricalRecords()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-start"]
        verbose_name = _("möte")
        verbose_name_plural = _("möten")

    def __str__(self) -> str:
        return f"{self.title} {self.date:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting", args=[self.pk])

    def clean(self) -> None:
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("Mötet måste sluta efter att det börjar.")})

    @property
    def title(self) -> str:
        names = [b.short_name or b.name for b in self.bodies.all()]
        return " och ".join(names) if names else str(_("Möte"))

    @property
    def is_cancelled(self) -> bool:
        return self.state == self.State.CANCELLED

    @property
    def is_held(self) -> bool:
        if self.state in (self.State.HELD, self.State.APPROVED, self.State.PUBLISHED):
            return True
        return not self.is_cancelled and self.date < timezone.localdate()

    def starts_at(self) -> datetime.datetime | None:
        if not self.start:
            return None
        return timezone.make_aware(datetime.datetime.combine(self.date, self.start))


class AgendaItem(models.Model):
    class Kind(models.TextChoices):
        INFORMATION = "information", _("Information")
        DECISION = "beslut", _("Beslut")
        DISCUSSION = "diskussion", _("Diskussion")
        REPORT_BACK = "återrapportering", _("Återrapportering")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(_("ordning"), default=0)
    title = models.CharField(_("rubrik"), max_length=300)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, default=Kind.INFORMATION)
    responsible = models.ManyToManyField(
        Person, verbose_name=_("ansvariga"), blank=True, related_name="agenda_items"
    )
    description = models.TextField(_("beskrivning"), max_length=4000, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position", "pk"]
        verbose_name = _("dagordningspunkt")
        verbose_name_plural = _("dagordningspunkter")

    def __str__(self) -> str:
        return self.title


class Attachment(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("fil"), upload_to="bilagor/%Y/")
    name = models.CharField(_("namn"), max_length=200)

    class Meta:
        verbose_name = _("bilaga")
        verbose_name_plural = _("bilagor")

    def __str__(self) -> str:
        return self.name


class Attendance(models.Model):
    class Status(models.TextChoices):
        UNKNOWN = "okänt", _("Inte svarat")
        PRESENT = "närvarande", _("Närvarande")
        ABSENT = "frånvarande", _("Frånvarande")
        SUBSTITUTE = "skickar ersättare", _("Skickar ersättare")
        GUEST = "gäst", _("Gäst")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendance")
    status = models.CharField(
        _("närvaro"), max_length=20, choices=Status.choices, default=Status.UNKNOWN
    )
    substitute = models.ForeignKey(
        Person,
        verbose_name=_("ersättare"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="substituting",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["person__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_attendance_per_person")
        ]
        verbose_name = _("närvaro")
        verbose_name_plural = _("närvaro")

    def __str__(self) -> str:
        return f"{self.person}: {self.get_status_display()}"
