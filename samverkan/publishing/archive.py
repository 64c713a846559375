"""Publishing approved minutes: the public archive shows them from then on."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.meetings.models import Meeting
from samverkan.publishing import following, mailing
from samverkan.publishing.models import DistributionList, Publication


@transaction.atomic
def publish(
    meeting: Meeting, *, by, to_members: bool = False, lists: list[DistributionList] = ()
) -> Publication:
    """Approved minutes become published and, if asked, are e-mailed in the same step.

    Publishing a corrected version replaces the public one and updates the date; the earlier
    versions stay readable in the archive.
    """
    minutes = getattr(meeting, "minutes", None)
    if minutes is None or not minutes.is_locked:
        raise ValidationError(_("Bara justerade minnesanteckningar kan publiceras."))
    now = timezone.now()
    publication, _created = Publication.objects.update_or_create(
        meeting=meeting,
        defaults={"published_at": now, "published_by": by, "version": minutes.version},
        create_defaults={
            "published_at": now,
            "published_by": by,
            "version": minutes.version,
            "first_published_at": now,
        },
    )
    meeting.mark_published()
    if to_members or lists:
        mailing.send_minutes(meeting, by=by, to_members=to_members, lists=lists)
    following.tell_followers(meeting)
    return publication
