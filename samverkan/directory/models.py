"""Organisations, people, bodies (samverkansorgan) and memberships with their history."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samverkan.directory.revisions import Revised


class Organisation(models.Model):
    class Kind(models.TextChoices):
        REGION = "region", _("Region")
        MUNICIPALITY = "kommun", _("Kommun")
        FEDERATION = "förbund", _("Förbund")
        CARE_PROVIDER = "vårdgivare", _("Vårdgivare")
        OTHER = "annan", _("Annan")

    name = models.CharField(_("namn"), max_length=200, unique=True)
    short_name = models.CharField(_("kortnamn"), max_length=60, blank=True)
    kind = models.CharField(_("typ"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("ingår i"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    area = models.CharField(_("delregionalt område"), max_length=60, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")

    def __str__(self) -> str:
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:organisation", args=[self.pk])


class PersonQuerySet(models.QuerySet):
    def reachable(self, on: datetime.date | None = None) -> "PersonQuerySet":
        """People still taking part: no deactivated account, and not every membership ended
        (someone who never had one, e.g. a guest, still counts)."""
        on = on or timezone.localdate()
        memberships = Membership.objects.filter(person=OuterRef("pk"))
        ongoing = memberships.filter(Q(end__isnull=True) | Q(end__gte=on))
        return self.exclude(user__is_active=False).filter(Exists(ongoing) | ~Exists(memberships))


class Person(models.Model):
    name = models.CharField(_("namn"), max_length=200)
    email = models.EmailField(_("e-post"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    title = models.CharField(_("titel"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("användarkonto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    login_id = models.CharField(
        _("inloggnings-id"),
        max_length=200,
        blank=True,
        db_index=True,
        help_text=_(
            "Värdet som organisationens inloggning skickar om personen, t.ex. anställningsnummer. "
            "Behövs bara när inloggningen inte kopplas med e-post."
        ),
    )
    organisation_from_login = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation enligt inloggningen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Föreslagen av organisationens inloggning; en administratör bekräftar."),
    )

    objects = PersonQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("personer")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:person", args=[self.pk])

    def is_reachable(self) -> bool:
        return Person.objects.reachable().filter(pk=self.pk).exists()

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.strip() else ""

    @property
    def can_sign_in(self) -> bool:
        """Has an active account, so can act in Samverkan themselves (e.g. justera)."""
        return self.user is not None and self.user.is_active


# The Swedish order of business; "…" is where each meeting's own items go
STANDARD_AGENDA = "\n".join(
    [
        "Mötets öppnande",
        "Val av justerare",
        "Godkännande av dagordning",
        "Föregående mötesanteckningar",
        "Återrapportering",
        "…",
        "Övriga frågor",
        "Nästa möte",
        "Mötets avslutande",
    ]
)


class BodyQuerySet(models.QuerySet):
    def visible_to(self, user) -> "BodyQuerySet":
        """Bodies the user may read; the rule itself lives in permissions."""
        from samverkan.directory.permissions import visible_body_filter

        return self.filter(visible_body_filter(user))

    def editable_by(self, user) -> "BodyQuerySet":
        from samverkan.directory.permissions import editable_body_filter

        return self.filter(editable_body_filter(user))


class Body(Revised):
    class Level(models.TextChoices):
        CENTRAL = "central", _("Central")
        SUBREGIONAL = "delregional", _("Delregional")
        LOCAL = "lokal", _("Lokal")
        FOCUS_GROUP = "fokusgrupp", _("Fokusgrupp")
        WORKING_GROUP = "arbetsgrupp", _("Arbetsgrupp")

    name = models.CharField(_("namn"), max_length=200, unique=True)
    short_name = models.CharField(_("kortnamn"), max_length=60, unique=True)
    level = models.CharField(_("nivå"), max_length=20, choices=Level.choices)
    area = models.CharField(_("område"), max_length=60, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("rapporterar till"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    description = models.TextField(_("beskrivning"), max_length=4000, blank=True)
    is_public = models.BooleanField(
        _("offentligt"),
        default=True,
        help_text=_("Offentliga organ syns för alla; interna bara för sina ledamöter."),
    )
    standard_agenda = models.TextField(
        _("standarddagordning"),
        max_length=4000,
        blank=True,
        default=STANDARD_AGENDA,
        help_text=_(
            "En punkt per rad; varje nytt möte får dem. Raden … visar var mötets egna "
            "punkter hamnar."
        ),
    )
    numbers_paragraphs = models.BooleanField(
        _("numrera paragrafer (§)"),
        default=False,
        help_text=_("Punkterna numreras i en löpande serie per år: § 1, § 2, …"),
    )

    objects = BodyQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["revision"])

    class Meta:
        ordering = ["name"]
        verbose_name = _("organ")
        verbose_name_plural = _("organ")

    def __str__(self) -> str:
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:body", args=[self.pk])

    def clean(self) -> None:
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError(
                    {
                        "parent": _(
                            "Ett organ kan inte rapportera till sig självt eller sina underorgan."
                        )
                    }
                )
            ancestor = ancestor.parent

    def ancestors(self) -> list["Body"]:
        chain, node = [], self.parent
        while node is not None:
            chain.insert(0, node)
            node = node.parent
        return chain


class MembershipQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None) -> "MembershipQuerySet":
        on = on or timezone.localdate()
        return self.filter(Q(start__isnull=True) | Q(start__lte=on)).filter(
            Q(end__isnull=True) | Q(end__gte=on)
        )

    def past(self, on: datetime.date | None = None) -> "MembershipQuerySet":
        return self.filter(end__lt=on or timezone.localdate())

    def for_user(self, user) -> "MembershipQuerySet":
        return self.filter(person__user=user) if user.is_authenticated else self.none()

    def overlapping(self, start, end) -> "MembershipQuerySet":
        """Memberships whose period meets [start, end]; an open end runs forever."""
        qs = self
        if end is not None:
            qs = qs.filter(Q(start__isnull=True) | Q(start__lte=end))
        if start is not None:
            qs = qs.filter(Q(end__isnull=True) | Q(end__gte=start))
        return qs


class Membership(models.Model):
    class Role(models.TextChoices):
        CHAIR = "ordförande", _("Ordförande")
        VICE_CHAIR = "vice ordförande", _("Vice ordförande")
        SECRETARY = "sekreterare", _("Sekreterare")
        MEMBER = "ledamot", _("Ledamot")
        CO_OPTED = "adjungerad", _("Adjungerad")

    class Seat(models.TextChoices):
        REGULAR = "ordinarie", _("Ordinarie")
        SUBSTITUTE = "ersättare", _("Ersättare")

    EDITOR_ROLES = (Role.CHAIR, Role.SECRETARY)

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="memberships"
    )
    body = models.ForeignKey(
        Body, verbose_name=_("organ"), on_delete=models.PROTECT, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("representerar"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    seat = models.CharField(_("plats"), max_length=20, choices=Seat.choices, default=Seat.REGULAR)
    substitute_for = models.ForeignKey(
        Person,
        verbose_name=_("ersättare för"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="substituted_by",
    )
    start = models.DateField(_("från"), null=True, blank=True)
    end = models.DateField(_("till"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["body__name", "organisation__name", "person__name"]
        verbose_name = _("ledamotskap")
        verbose_name_plural = _("ledamotskap")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True)
                | Q(start__isnull=True)
                | Q(end__gte=models.F("start")),
                name="membership_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display().lower()} i {self.body}"

    def clean(self) -> None:
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Slutdatum kan inte vara före startdatum.")})
        if self.substitute_for_id and self.substitute_for_id == self.person_id:
            raise ValidationError(
                {"substitute_for": _("En person kan inte vara ersättare för sig själv.")}
            )
        if self.person_id and self.body_id:
            clash = Membership.objects.filter(person_id=self.person_id, body_id=self.body_id)
            if clash.exclude(pk=self.pk).overlapping(self.start, self.end).exists():
                raise ValidationError(_("Personen är redan ledamot i organet under samma period."))

    def end_on(self, day: datetime.date) -> None:
        """Close the membership; it is kept so the history has an answer."""
        if self.start and day < self.start:
            raise ValidationError(_("Slutdatum kan inte vara före startdatum."))
        self.end = day
        self.save(update_fields=["end"])

    @property
    def is_current(self) -> bool:
        today = timezone.localdate()
        return (self.start is None or self.start <= today) and (
            self.end is None or self.end >= today
        )


class PrivacyLog(models.Model):
    """What administrators did with personal data: purged history, exports and erasures."""

    class Action(models.TextChoices):
        PURGE = "rensning", _("Rensad ändring")
        EXPORT = "export", _("Export av personuppgifter")
        ERASE = "radering", _("Radering av personuppgifter")

    action = models.CharField(_("åtgärd"), max_length=20, choices=Action.choices)
    subject = models.CharField(_("gäller"), max_length=300)
    reason = models.TextField(_("skäl"), max_length=2000, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("av"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("när"), auto_now_add=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("dataskyddslogg")
        verbose_name_plural = _("dataskyddslogg")

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.subject}"


class AccessLog(models.Model):
    """Each time an account lost its access or got it back, with the reason."""

    class Action(models.TextChoices):
        DEACTIVATED = "avstängt", _("Åtkomst borttagen")
        RESTORED = "återställt", _("Åtkomst återställd")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("konto"),
        on_delete=models.CASCADE,
        related_name="access_log",
    )
    action = models.CharField(_("åtgärd"), max_length=20, choices=Action.choices)
    reason = models.CharField(_("skäl"), max_length=300)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Tomt när Samverkan gjorde det själv."),
    )
    at = models.DateTimeField(_("när"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("åtkomstlogg")
        verbose_name_plural = _("åtkomstlogg")

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.user}"


class PasswordResetRequest(models.Model):
    """One request for a password reset link, kept for an hour to limit how many are mailed."""

    email_digest = models.CharField(max_length=64, db_index=True)
    client_address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    requested_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("begäran om nytt lösenord")
        verbose_name_plural = _("begäranden om nytt lösenord")

    def __str__(self) -> str:
        return f"{self.requested_at:%Y-%m-%d %H:%M} {self.client_address or ''}"
