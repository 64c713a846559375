"""Plan → Goal → Indicator (with Measurements) and Activity; agreement goals and inventories."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.directory.models import Body, Person


class CatalogueIndicator(models.Model):
    """A national indicator (SKR, Socialstyrelsen) a group can follow."""

    name = models.CharField(_("namn"), max_length=300, unique=True)
    definition = models.TextField(_("definition"), blank=True)
    source_url = models.URLField(_("källa"), max_length=500, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("katalogindikator")
        verbose_name_plural = _("katalogindikatorer")

    def __str__(self) -> str:
        return self.name


class Plan(models.Model):
    body = models.ForeignKey(
        Body, verbose_name=_("organ"), on_delete=models.PROTECT, related_name="plans"
    )
    title = models.CharField(_("namn"), max_length=200)
    start = models.DateField(_("från"), null=True, blank=True)
    end = models.DateField(_("till"), null=True, blank=True)

    class Meta:
        ordering = ["body", "-start"]
        verbose_name = _("handlingsplan")
        verbose_name_plural = _("handlingsplaner")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:plan", args=[self.pk])

    def value_years(self) -> list[int]:
        """The years the plan's indicators have values for, newest first."""
        measured = Measurement.objects.filter(indicator__goal__plan=self)
        return [d.year for d in measured.dates("period", "year", order="DESC")]


class GoalQuerySet(models.QuerySet):
    def for_page(self, shown_links: models.Q) -> list["Goal"]:
        """The goals with indicators and their values, activities and their owners, and on
        each goal, indicator and activity `shown_links`: the decisions and assignments behind
        it that match `shown_links` (followup's links, the reverse relation `links`), read in
        one query for them all."""
        goals = list(self.prefetch_related("indicators__values", "activities__owners"))
        link_model = self.model._meta.get_field("links").related_model
        links = (
            link_model._default_manager.filter(shown_links)
            .filter(
                models.Q(goal__in=goals)
                | models.Q(indicator__goal__in=goals)
                | models.Q(activity__goal__in=goals)
            )
            .select_related("decision__minutes__meeting", "assignment__meeting")
            .order_by("pk")
        )
        found: dict[tuple[str, int], list] = {}
        for link in links:
            for name in ("goal", "indicator", "activity"):
                if pk := getattr(link, f"{name}_id"):
                    found.setdefault((name, pk), []).append(link)
        for goal in goals:
            for part in [goal, *goal.indicators.all(), *goal.activities.all()]:
                part.shown_links = found.get((part._meta.model_name, part.pk), [])
        return goals


class Goal(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(_("mål"), max_length=300)
    description = models.TextField(_("beskrivning"), max_length=4000, blank=True)
    position = models.PositiveIntegerField(default=0)

    objects = GoalQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "position", "pk"]
        verbose_name = _("mål")
        verbose_name_plural = _("mål")

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    class Unit(models.TextChoices):
        COUNT = "antal", _("antal")
        PERCENT = "andel %", _("andel %")
        DAYS = "dagar", _("dagar")
        INDEX = "index", _("index")
        PER_100K = "per 100 000", _("per 100 000 invånare")

    class Direction(models.TextChoices):
        HIGHER = "högre", _("Högre är bättre")
        LOWER = "lägre", _("Lägre är bättre")

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("namn"), max_length=300)
    catalogue = models.ForeignKey(
        CatalogueIndicator,
        verbose_name=_("från katalogen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    unit = models.CharField(_("enhet"), max_length=20, choices=Unit.choices, default=Unit.COUNT)
    direction = models.CharField(
        _("riktning"), max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    baseline = models.DecimalField(
        _("utgångsvärde"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(
        _("målvärde"), max_digits=12, decimal_places=2, null=True, blank=True
    )

    class Meta:
        ordering = ["goal", "pk"]
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorer")

    def __str__(self) -> str:
        return self.name

    def reached(self, value) -> bool | None:
        if self.target is None or value is None:
            return None
        return (
            value >= self.target
            if self.direction == self.Direction.HIGHER
            else value <= self.target
        )


class Measurement(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    period = models.DateField(_("period"), help_text=_("Periodens första dag."))
    value = models.DecimalField(_("värde"), max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["indicator", "period"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period"], name="one_value_per_period")
        ]
        verbose_name = _("mätvärde")
        verbose_name_plural = _("mätvärden")

    def __str__(self) -> str:
        return f"{self.indicator} {self.period}: {self.value}"


class Activity(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planerad", _("Planerad")
        ONGOING = "pågående", _("Pågående")
        DONE = "klar", _("Klar")
        STOPPED = "avbruten", _("Avbruten")

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("aktivitet"), max_length=300)
    owners = models.ManyToManyField(Person, verbose_name=_("ansvariga"), blank=True)
    start = models.DateField(_("från"), null=True, blank=True)
    end = models.DateField(_("till"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    origin = models.CharField(
        _("kommer från"),
        max_length=300,
        blank=True,
        help_text=_("Beslut eller uppdrag aktiviteten kommer från."),
    )
    origin_url = models.CharField(_("länk till ursprunget"), max_length=300, blank=True)

    class Meta:
        ordering = ["goal", "start", "pk"]
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktiviteter")

    def __str__(self) -> str:
        return self.title


class AgreementGoal(models.Model):
    """A goal of the HS-avtal that the central level follows up."""

    area = models.CharField(_("område"), max_length=300)
    text = models.TextField(_("mål"))
    period = models.CharField(_("avtalsperiod"), max_length=100, blank=True)
    source_url = models.URLField(_("källa"), max_length=500, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("avtalsmål")
        verbose_name_plural = _("avtalsmål")

    def __str__(self) -> str:
        return self.area


class InventoryRound(models.Model):
    title = models.CharField(_("namn"), max_length=200)
    opened = models.DateField(_("öppnad"))
    deadline = models.DateField(_("svar senast"), null=True, blank=True)
    goals = models.ManyToManyField(AgreementGoal, verbose_name=_("mål"))
    bodies = models.ManyToManyField(Body, verbose_name=_("organ som svarar"))
    previous = models.ForeignKey(
        "self",
        verbose_name=_("föregående omgång"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )

    class Meta:
        ordering = ["-opened", "-pk"]
        verbose_name = _("inventering")
        verbose_name_plural = _("inventeringar")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:round", args=[self.pk])

    def answered_count(self) -> int:
        """How many of the bodies asked have answered."""
        return self.answers.values("body").distinct().count()

    @property
    def is_past_deadline(self) -> bool:
        return self.deadline is not None and self.deadline < timezone.localdate()


class InventoryAnswer(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "ej påbörjat", _("Ej påbörjat")
        STARTED = "påbörjat", _("Påbörjat")
        ONGOING = "pågår", _("Pågår")
        REACHED = "uppnått", _("Uppnått")

    round = models.ForeignKey(InventoryRound, on_delete=models.CASCADE, related_name="answers")
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="inventory_answers")
    goal = models.ForeignKey(AgreementGoal, on_delete=models.PROTECT, related_name="answers")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    comment = models.TextField(_("kommentar"), max_length=4000, blank=True)
    evidence = models.TextField(_("underlag (länkar)"), max_length=2000, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "body", "goal"], name="one_answer_per_goal")
        ]
        verbose_name = _("svar")
        verbose_name_plural = _("svar")

    def __str__(self) -> str:
        return f"{self.body} – {self.goal}: {self.status}"
