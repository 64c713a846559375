"""A deactivated account's API tokens are revoked, so restoring it does not bring them back."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from samverkan.api.models import ApiToken


@receiver(post_save, sender=get_user_model())
def account_changed(sender, instance, **kwargs) -> None:
    if not instance.is_active:
        ApiToken.objects.filter(user=instance, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
