"""Assignments (uppdrag) with owners, due date or next meeting, status and a dated log."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samverkan.directory.audit import who
from samverkan.directory.models import Body, Person
from samverkan.meetings.models import AgendaItem, Meeting
from samverkan.minutes.models import Decision


class AssignmentQuerySet(models.QuerySet):
    def open(self) -> "AssignmentQuerySet":
        return self.filter(status__in=Assignment.OPEN_STATES)

    def overdue(self) -> "AssignmentQuerySet":
        return self.open().filter(due_date__lt=timezone.localdate())

    def for_person(self, person: Person) -> "AssignmentQuerySet":
        """The person's own assignments and those of the bodies they sit in now."""
        bodies = person.memberships.current().values("body")
        return self.filter(Q(owner_people=person) | Q(owner_bodies__in=bodies)).distinct()

    def visible_to(self, user) -> "AssignmentQuerySet":
        """Of bodies the user reads, given where they took part or in minutes they may read."""
        meetings = Meeting.objects.minutes_readable_by(user) | Meeting.objects.taken_part_by(user)
        return self.filter(body__in=Body.objects.visible_to(user)).filter(
            Q(meeting=None) | Q(meeting__in=meetings)
        )

    def overdue_first(self) -> "AssignmentQuerySet":
        return self.order_by(models.F("due_date").asc(nulls_last=True), "pk")


class Assignment(models.Model):
    class Status(models.TextChoices):
        OPEN = "öppen", _("Öppen")
        IN_PROGRESS = "pågående", _("Pågående")
        DONE = "klar", _("Klar")
        REPORTED = "återrapporterad", _("Återrapporterad")
        DROPPED = "avskriven", _("Avskriven")

    OPEN_STATES = (Status.OPEN, Status.IN_PROGRESS)

    text = models.TextField(_("uppdrag"), max_length=4000)
    body = models.ForeignKey(
        Body, verbose_name=_("organ"), on_delete=models.PROTECT, related_name="assignments"
    )
    owner_people = models.ManyToManyField(
        Person, verbose_name=_("ansvariga personer"), blank=True, related_name="assignments"
    )
    owner_bodies = models.ManyToManyField(
        Body, verbose_name=_("ansvariga organ"), blank=True, related_name="owned_assignments"
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("från möte"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assignments",
    )
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("från beslut"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assignments",
    )
    origin = models.CharField(
        _("ursprung"),
        max_length=300,
        blank=True,
        help_text=_("T.ex. ”uppdrag från Centralt samverkansorgan”."),
    )
    due_date = models.DateField(_("förfallodag"), null=True, blank=True)
    due_body = models.ForeignKey(
        Body,
        verbose_name=_("till nästa möte i"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    report_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="report_backs"
    )
    history = HistoricalRecords()

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("uppdrag")
        verbose_name_plural = _("uppdrag")

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("followup:assignment", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_date is not None and self.due_date < timezone.localdate()

    def owners(self) -> list[str]:
        return [p.name for p in self.owner_people.all()] + [
            b.short_name for b in self.owner_bodies.all()
        ]


class Update(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="updates")
    at = models.DateTimeField(_("tid"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=20, choices=Assignment.Status.choices)
    text = models.CharField(_("kommentar"), max_length=1000, blank=True)

    class Meta:
        ordering = ["assignment", "-at"]
        verbose_name = _("uppdatering")
        verbose_name_plural = _("uppdateringar")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d} {self.status}"

    @property
    def by_name(self) -> str:
        return who(self.by) if self.by else ""
