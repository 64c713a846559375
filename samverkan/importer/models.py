"""An imported document (its file, text, extracted minutes, where it ended up) and the upload
the worker reads it from."""

from pathlib import Path

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from samverkan.directory import permissions
from samverkan.directory.models import Body
from samverkan.meetings.models import Meeting


class DocumentQuerySet(models.QuerySet):
    def drafts_for(self, user) -> "DocumentQuerySet":
        """Documents waiting for review that the user may see (the rule is in permissions)."""
        return self.filter(permissions.import_draft_filter(user), state=Document.State.REVIEW)


class Document(models.Model):
    class State(models.TextChoices):
        REVIEW = "granskas", _("Granskas")
        IMPORTED = "importerad", _("Importerad")

    sha256 = models.CharField(max_length=64, unique=True)
    name = models.CharField(_("filnamn"), max_length=300)
    file = models.FileField(_("originalfil"), upload_to="import/%Y/")
    text = models.TextField(_("text"))
    data = models.JSONField(_("utläst"))
    body = models.ForeignKey(
        Body,
        verbose_name=_("organ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="documents",
    )
    state = models.CharField(_("läge"), max_length=20, choices=State.choices, default=State.REVIEW)
    meeting = models.OneToOneField(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="source"
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("troligen samma möte som"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("importerat"), null=True, blank=True)
    date = models.DateField(
        _("mötets datum enligt dokumentet"), null=True, blank=True, db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("importerat dokument")
        verbose_name_plural = _("importerade dokument")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("importer:review", args=[self.pk])

    @property
    def provenance(self) -> str:
        """How minutes that name no justering came to be: "importerad från originalet …"."""
        day = formats.date_format(timezone.localtime(self.imported_at or self.created_at), "j F Y")
        return _("importerad från originalet %(name)s, %(day)s") % {
            "name": Path(self.name).name,
            "day": day,
        }


class UploadQuerySet(models.QuerySet):
    def of(self, user) -> "UploadQuerySet":
        """The user's own uploads: the results name files only the uploader chose to send."""
        return self.filter(created_by=user) if user.is_authenticated else self.none()


class Upload(models.Model):
    """One uploaded file (a document or a zip of them) that the worker reads, file by file."""

    class State(models.TextChoices):
        WAITING = "väntar", _("Väntar på att läsas in")
        READING = "läses", _("Läses in")
        DONE = "klar", _("Inläst")

    name = models.CharField(_("filnamn"), max_length=300)
    file = models.FileField(_("uppladdad fil"), upload_to="import/uppladdat/%Y/")
    body = models.ForeignKey(
        Body, verbose_name=_("organ"), null=True, blank=True, on_delete=models.SET_NULL
    )
    state = models.CharField(_("läge"), max_length=20, choices=State.choices, default=State.WAITING)
    total = models.PositiveIntegerField(_("filer"), default=0)
    done = models.PositiveIntegerField(_("lästa filer"), default=0)
    # one {"name", "status", "reason", "document"} per file read, in order
    results = models.JSONField(_("resultat"), default=list)
    # the worker reading it holds a lease, renewed after each file; a lease that ran out
    # means that worker died, and a starting worker takes the upload up again
    lease_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("försök med nästa fil"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE, related_name="+"
    )

    objects = UploadQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("uppladdning")
        verbose_name_plural = _("uppladdningar")

    def __str__(self) -> str:
        return self.name

    @property
    def is_done(self) -> bool:
        return self.state == self.State.DONE
