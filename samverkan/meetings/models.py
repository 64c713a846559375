"""Meeting, AgendaItem, Attachment and Attendance."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samverkan.directory import permissions
from samverkan.directory.models import Body, Person
from samverkan.directory.revisions import Revised
from samverkan.meetings.events import meeting_cancelled, meeting_moved


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

    def shown(self) -> "MeetingQuerySet":
        """Meetings that may be shown at all: not one whose import is still being written."""
        return self.filter(permissions.shown_meetings())

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
        AWAITING_APPROVAL = "justering begärd", _("Justering begärd")
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
    state = models.CharField(
        _("status"), max_length=30, choices=State.choices, default=State.PLANNED
    )
    cancel_reason = models.CharField(
        _("skäl till att mötet ställdes in"), max_length=300, blank=True
    )
    moved_from = models.DateField(_("flyttat från"), null=True, blank=True)
    # set while an import writes the meeting, in short transactions, and renewed with each:
    # nobody is shown the meeting until it is whole (permissions.shown_meetings)
    importing_until = models.DateTimeField(null=True, blank=True, editable=False)
    history = HistoricalRecords()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-start"]
        # coming and past meetings, a year of the archive: ranges of dates, whatever the history
        indexes = [models.Index(fields=["date"], name="meeting_date")]
        verbose_name = _("möte")
        verbose_name_plural = _("möten")

    def __str__(self) -> str:
        return f"{self.title} {self.date:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting", args=[self.pk])

    def clean(self) -> None:
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("Mötet måste sluta efter att det börjar.")})

    def called(self):
        """The people called to the meeting (those with an attendance row), by name."""
        return (
            Person.objects.filter(attendance__meeting=self)
            .select_related("user", "organisation")
            .order_by("name")
        )

    @property
    def title(self) -> str:
        names = [b.short_name or b.name for b in self.bodies.all()]
        return " och ".join(names) if names else str(_("Möte"))

    # The lifecycle: planerat → kallelse skickad → genomfört → (justering begärd) →
    # protokoll justerat → publicerat; "Rätta (ny version)" goes back to genomfört, and a
    # meeting that is not held yet may be inställt. Only these methods write `state`.

    @property
    def is_cancelled(self) -> bool:
        return self.state == self.State.CANCELLED

    @property
    def is_held(self) -> bool:
        """Held when its date has passed or the secretary said so; never by someone typing."""
        if self.state not in (self.State.PLANNED, self.State.INVITED, self.State.CANCELLED):
            return True
        return not self.is_cancelled and self.date < timezone.localdate()

    @property
    def shown_state(self) -> "Meeting.State":
        """The state as people read it: a meeting whose date has passed is genomfört."""
        if self.is_held and self.state in (self.State.PLANNED, self.State.INVITED):
            return self.State.HELD
        return self.State(self.state)

    @property
    def awaits_approval(self) -> bool:
        return self.state == self.State.AWAITING_APPROVAL

    @property
    def is_locked(self) -> bool:
        """Justerade: nothing the record shows may change until a correction is opened."""
        return self.state in (self.State.APPROVED, self.State.PUBLISHED)

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED

    @property
    def is_open_for_edits(self) -> bool:
        return not (self.is_cancelled or self.is_locked or self.awaits_approval)

    @property
    def can_be_invited(self) -> bool:
        return self.state == self.State.PLANNED and not self.is_held

    @property
    def can_be_answered(self) -> bool:
        """Members say whether they come until the meeting is held; never to a cancelled one."""
        return not (self.is_held or self.is_cancelled)

    @property
    def can_be_moved(self) -> bool:
        return not (self.is_held or self.is_cancelled)

    can_be_cancelled = can_be_moved
    can_be_marked_held = can_be_moved

    def check_open_for_edits(self) -> None:
        """Raise the Swedish refusal every edit of the record gives once it is frozen."""
        if self.is_cancelled:
            raise ValidationError(_("Mötet är inställt."))
        if self.is_locked:
            raise ValidationError(
                _(
                    "Minnesanteckningarna är justerade och låsta. "
                    "Välj Rätta (ny version) för att ändra."
                )
            )
        if self.awaits_approval:
            raise ValidationError(
                _(
                    "Minnesanteckningarna väntar på justering. Ta tillbaka begäran om "
                    "justering, eller vänta tills en justerare skickar tillbaka dem."
                )
            )

    def _become(self, state: str, *fields: str) -> None:
        self.state = state
        self.save(update_fields=["state", *fields])

    def mark_invited(self) -> None:
        """The kallelse went out; sending it again changes nothing."""
        if self.is_cancelled:
            raise ValidationError(_("Mötet är inställt."))
        if self.state == self.State.PLANNED:
            self._become(self.State.INVITED)

    def mark_held(self) -> None:
        """The secretary says the meeting took place (before its date has passed)."""
        if self.is_cancelled:
            raise ValidationError(_("Ett inställt möte kan inte ha genomförts."))
        if self.state in (self.State.PLANNED, self.State.INVITED):
            self._become(self.State.HELD)

    def check_not_ahead(self) -> None:
        """Minutes are justerade on or after the meeting's day, never before it."""
        if self.date > timezone.localdate():
            raise ValidationError(
                _("Mötet har inte hållits ännu. Justering görs på mötesdagen eller efter den.")
            )

    def mark_awaiting_approval(self) -> None:
        self.check_open_for_edits()
        self.check_not_ahead()
        self._become(self.State.AWAITING_APPROVAL)

    def mark_sent_back(self) -> None:
        """A justerare sent the minutes back, or the request was taken back: open again."""
        if self.awaits_approval:
            self._become(self.State.HELD)

    def mark_approved(self) -> None:
        if self.is_cancelled:
            raise ValidationError(_("Ett inställt möte har inga minnesanteckningar."))
        if self.is_locked:
            raise ValidationError(_("Minnesanteckningarna är redan justerade."))
        self.check_not_ahead()
        self._become(self.State.APPROVED)

    def mark_published(self) -> None:
        if not self.is_locked:
            raise ValidationError(_("Bara justerade minnesanteckningar kan publiceras."))
        if not self.is_published:
            self._become(self.State.PUBLISHED)

    def reopen_for_correction(self) -> None:
        """A new version is opened; the approved one stays as it was (and public if it was)."""
        if not self.is_locked:
            raise ValidationError(_("Minnesanteckningarna är inte justerade ännu."))
        self._become(self.State.HELD)

    def cancel(self, reason: str) -> None:
        if not self.can_be_cancelled:
            raise ValidationError(
                _("Mötet är redan inställt.")
                if self.is_cancelled
                else _("Ett genomfört möte kan inte ställas in.")
            )
        self.cancel_reason = reason
        self._become(self.State.CANCELLED, "cancel_reason")
        meeting_cancelled.send(sender=Meeting, meeting=self)

    def move(self, date: datetime.date, start=None, end=None) -> None:
        if not self.can_be_moved:
            raise ValidationError(_("Bara kommande möten kan flyttas."))
        before = (self.date, self.start, self.end)
        self.moved_from = self.moved_from or self.date
        self.date = date
        self.start = start or self.start
        self.end = end or self.end
        self.full_clean()
        self.save()
        if before != (self.date, self.start, self.end):
            meeting_moved.send(sender=Meeting, meeting=self, moved_from=before)

    @cached_property
    def item_labels(self) -> dict[int, str]:
        """Each agenda item's number as every page and document shows it."""
        from samverkan.meetings import paragraphs

        return paragraphs.labels(self, list(self.items.all()))

    def starts_at(self) -> datetime.datetime | None:
        if not self.start:
            return None
        return timezone.make_aware(datetime.datetime.combine(self.date, self.start))


class AgendaItem(Revised):
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
    paragraph = models.PositiveIntegerField(_("paragraf"), null=True, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["revision"])

    class Meta:
        ordering = ["meeting", "position", "pk"]
        verbose_name = _("dagordningspunkt")
        verbose_name_plural = _("dagordningspunkter")

    def __str__(self) -> str:
        return self.title

    @property
    def number(self) -> str:
        """ "§ 12" in a body that numbers its paragraphs, else "3." by position."""
        return self.meeting.item_labels.get(self.pk, "")


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


class ProposalQuerySet(models.QuerySet):
    def pending(self) -> "ProposalQuerySet":
        return self.filter(status=Proposal.Status.PROPOSED)

    def reported_at(self, meeting: Meeting) -> "ProposalQuerySet":
        """What the proposing body hears back at `meeting`: the proposals made at its previous
        meeting, and any made earlier that still wait for an answer."""
        earlier = Meeting.objects.filter(
            bodies__in=meeting.bodies.all(), date__lt=meeting.date
        ).exclude(state=Meeting.State.CANCELLED)
        previous = earlier.order_by("-date", "-start", "-pk").first()
        if previous is None:
            return self.none()
        return self.filter(
            models.Q(from_meeting=previous)
            | models.Q(from_meeting__in=earlier, status=Proposal.Status.PROPOSED)
        ).distinct()


class Proposal(models.Model):
    """An item one body proposes for another body's meeting (förslag till dagordning)."""

    class Status(models.TextChoices):
        PROPOSED = "föreslagen", _("Väntar på svar")
        ACCEPTED = "antagen", _("Tas upp")
        DECLINED = "avböjd", _("Avböjd")

    from_meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("från möte"),
        on_delete=models.CASCADE,
        related_name="proposals_made",
    )
    to_meeting = models.ForeignKey(
        Meeting, verbose_name=_("till möte"), on_delete=models.CASCADE, related_name="proposals"
    )
    moved_from = models.ForeignKey(
        Meeting,
        verbose_name=_("flyttad från möte"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("rubrik"), max_length=300)
    kind = models.CharField(
        _("typ"),
        max_length=20,
        choices=AgendaItem.Kind.choices,
        default=AgendaItem.Kind.INFORMATION,
    )
    responsible = models.ManyToManyField(
        Person, verbose_name=_("ansvariga"), blank=True, related_name="proposals"
    )
    note = models.TextField(_("kommentar till mottagaren"), max_length=4000, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    answer = models.CharField(_("svar"), max_length=1000, blank=True)
    item = models.OneToOneField(
        AgendaItem,
        verbose_name=_("punkt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal",
    )
    created_at = models.DateTimeField(_("föreslagen"), default=timezone.now)
    answered_at = models.DateTimeField(_("besvarad"), null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("förslag till dagordning")
        verbose_name_plural = _("förslag till dagordning")

    def __str__(self) -> str:
        return self.title

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PROPOSED

    def from_bodies(self) -> str:
        return ", ".join(b.short_name for b in self.from_meeting.bodies.all())

    def to_bodies(self) -> str:
        return ", ".join(b.short_name for b in self.to_meeting.bodies.all())


class SubstituteCallQuerySet(models.QuerySet):
    def with_answers(self) -> "SubstituteCallQuerySet":
        """Each call with `answer`: what the ersättare said (their attendance status)."""
        said = Attendance.objects.filter(
            meeting=OuterRef("meeting"), person=OuterRef("substitute")
        ).values("status")[:1]
        return self.annotate(answer=Subquery(said)).select_related("member", "substitute")


class SubstituteCall(models.Model):
    """An ersättare called in because a member said they cannot come; the record stays."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="substitute_calls")
    member = models.ForeignKey(
        Person, verbose_name=_("i stället för"), on_delete=models.PROTECT, related_name="+"
    )
    substitute = models.ForeignKey(
        Person, verbose_name=_("ersättare"), on_delete=models.PROTECT, related_name="calls"
    )
    called_at = models.DateTimeField(_("kallad"), auto_now_add=True)
    # the member comes after all, or sends someone they chose: the call is no longer needed
    withdrawn = models.BooleanField(_("återkallad"), default=False)

    objects = SubstituteCallQuerySet.as_manager()

    class Meta:
        ordering = ["called_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "substitute"], name="one_call_per_substitute"
            )
        ]
        verbose_name = _("inkallad ersättare")
        verbose_name_plural = _("inkallade ersättare")

    def __str__(self) -> str:
        return f"{self.substitute} i stället för {self.member}"

    def answer_display(self) -> str:
        status = getattr(self, "answer", None) or Attendance.Status.UNKNOWN
        return Attendance.Status(status).label
