"""The search index follows the minutes once a change is saved: approving, correcting,
publishing, and a body turning internal or public. An approved version keeps its document.
People who leave lose their calendar feed."""

from functools import partial

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from samverkan.directory.models import Body, Membership, Person
from samverkan.minutes.models import Minutes, Version
from samverkan.minutes.signals import version_approved
from samverkan.publishing.documents import freeze, gather_live
from samverkan.publishing.models import CalendarFeed, Publication, SearchDocument
from samverkan.publishing.search import index_when_committed


@receiver(post_save, sender=Minutes)
@receiver(post_delete, sender=Minutes)
@receiver(post_save, sender=Publication)
@receiver(post_delete, sender=Publication)
def minutes_changed(sender, instance, **kwargs) -> None:
    index_when_committed(instance.meeting_id)


@receiver(version_approved, sender=Version)
def keep_approved_document(sender, version: Version, **kwargs) -> None:
    """The approved version keeps everything its PDF and public page show."""
    version.content.update(freeze(gather_live(version.minutes.meeting)))
    version.save(update_fields=["content"])


@receiver(post_save, sender=Body)
def body_changed(sender, instance: Body, created: bool, **kwargs) -> None:
    if not created:
        transaction.on_commit(partial(_refresh_public, instance.pk))


def _refresh_public(body_id: int) -> None:
    published = Publication.objects.public().values("meeting")
    SearchDocument.objects.filter(meeting__bodies=body_id).update(
        public=ExpressionWrapper(Q(meeting__in=published), output_field=BooleanField())
    )


@receiver(post_save, sender=get_user_model())
def account_changed(sender, instance, **kwargs) -> None:
    if not instance.is_active:
        _revoke_departed(Person.objects.filter(user=instance))


@receiver(post_save, sender=Membership)
def membership_changed(sender, instance: Membership, **kwargs) -> None:
    _revoke_departed(Person.objects.filter(pk=instance.person_id))


def _revoke_departed(people) -> None:
    """A deactivated account or an ended last membership loses its calendar address."""
    departed = people.exclude(pk__in=Person.objects.reachable().values("pk"))
    CalendarFeed.objects.filter(person__in=departed).delete()
