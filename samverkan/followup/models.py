"""Assignments (uppdrag) with owners, due date or next meeting, status and a dated log."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samverkan.directory import permissions
from samverkan.directory.audit import who
from samverkan.directory.models import Body, Membership, Person
from samverkan.meetings.models import AgendaItem, Meeting
from samverkan.minutes.models import Decision
from samverkan.plans.models import Activity, Goal, Indicator


class AssignmentQuerySet(models.QuerySet):
    def open(self) -> "AssignmentQuerySet":
        return self.filter(status__in=Assignment.OPEN_STATES)

    def shown(self) -> "AssignmentQuerySet":
        """Not given in a meeting an import is still writing (`permissions.shown_meetings`)."""
        return self.filter(Q(meeting=None) | permissions.shown_meetings(via="meeting__"))

    def overdue(self) -> "AssignmentQuerySet":
        return self.open().filter(due_date__lt=timezone.localdate())

    def for_person(self, person: Person) -> "AssignmentQuerySet":
        """The person's own assignments and those of the bodies they sit in now."""
        bodies = person.memberships.current().values("body")
        own = Assignment.owner_people.through.objects.filter(person=person)
        of_bodies = Assignment.owner_bodies.through.objects.filter(body__in=bodies)
        return self.filter(
            Q(pk__in=own.values("assignment")) | Q(pk__in=of_bodies.values("assignment"))
        )

    def visible_to(self, user) -> "AssignmentQuerySet":
        """Of bodies the user reads, given where they took part or in minutes they may read."""
        meetings = permissions.minutes_filter(user) | permissions.taking_part_filter(user)
        return self.filter(body__in=Body.objects.visible_to(user)).filter(
            Q(meeting=None) | permissions.meeting_rule(meetings, "meeting_id")
        )

    def overdue_first(self) -> "AssignmentQuerySet":
        return self.order_by(models.F("due_date").asc(nulls_last=True), "pk")


class Commission(models.Model):
    """An assignment one body gives to several others ("varje delregional organisation"): each
    receiving body gets an `Assignment` of its own, reports back on its own, and the giver reads
    the answers side by side."""

    giver = models.ForeignKey(
        Body, verbose_name=_("givet av"), on_delete=models.PROTECT, related_name="commissions"
    )
    text = models.TextField(_("uppdrag"), max_length=4000)
    due_date = models.DateField(
        _("förfallodag"),
        null=True,
        blank=True,
        help_text=_("Lämna tomt för att återrapportera vid varje organs nästa möte."),
    )
    created_at = models.DateTimeField(_("givet"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("uppdrag till flera organ")
        verbose_name_plural = _("uppdrag till flera organ")

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("followup:commission", args=[self.pk])


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
    commission = models.ForeignKey(
        Commission,
        verbose_name=_("del av uppdrag till flera organ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assignments",
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

    def people_to_tell(self):
        """Who hears of it: the owners who are persons, and for an owner body its chair and
        secretary; only people still taking part."""
        leads = Membership.objects.current().filter(
            body__in=self.owner_bodies.all(), role__in=Membership.EDITOR_ROLES
        )
        return (
            Person.objects.reachable()
            .filter(Q(pk__in=self.owner_people.values("pk")) | Q(pk__in=leads.values("person")))
            .distinct()
        )


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


class PlanLink(models.Model):
    """A decision or an assignment behind a plan's goal, indicator or activity.

    It lives here, with what may import plans; the plan reads it as `goal.links`,
    `indicator.links` and `activity.links`."""

    decision = models.ForeignKey(
        Decision,
        verbose_name=_("beslut"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="plan_links",
    )
    assignment = models.ForeignKey(
        Assignment,
        verbose_name=_("uppdrag"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="plan_links",
    )
    goal = models.ForeignKey(
        Goal, null=True, blank=True, on_delete=models.CASCADE, related_name="links"
    )
    indicator = models.ForeignKey(
        Indicator, null=True, blank=True, on_delete=models.CASCADE, related_name="links"
    )
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.CASCADE, related_name="links"
    )

    class Meta:
        verbose_name = _("koppling till handlingsplan")
        verbose_name_plural = _("kopplingar till handlingsplan")
        constraints = [
            models.CheckConstraint(
                condition=Q(decision__isnull=False, assignment=None)
                | Q(decision=None, assignment__isnull=False),
                name="plan_link_one_source",
            ),
            models.CheckConstraint(
                condition=Q(goal__isnull=False, indicator=None, activity=None)
                | Q(goal=None, indicator__isnull=False, activity=None)
                | Q(goal=None, indicator=None, activity__isnull=False),
                name="plan_link_one_target",
            ),
        ]

    def __str__(self) -> str:
        return str(self.decision or self.assignment)

    @property
    def target(self) -> Goal | Indicator | Activity:
        return self.goal or self.indicator or self.activity

    @property
    def plan(self):
        target = self.target
        return target.plan if isinstance(target, Goal) else target.goal.plan

    @property
    def meeting(self) -> Meeting | None:
        """The meeting that decided it: its date is marked on the indicator's chart."""
        if self.decision_id:
            return self.decision.minutes.meeting
        return self.assignment.meeting
