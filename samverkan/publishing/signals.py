"""Approving, correcting or deleting minutes updates the search index once the change is saved."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from samverkan.minutes.models import Minutes
from samverkan.publishing.search import index_meeting


@receiver(post_save, sender=Minutes)
@receiver(post_delete, sender=Minutes)
def minutes_changed(sender, instance: Minutes, **kwargs) -> None:
    transaction.on_commit(partial(index_meeting, instance.meeting_id))
