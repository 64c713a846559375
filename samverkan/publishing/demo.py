"""Demo content for publishing: the demo's approved minutes in the archive, a distribution list."""

from samverkan.directory.models import Body
from samverkan.meetings.models import Meeting
from samverkan.publishing.archive import publish
from samverkan.publishing.models import DistributionList


def publish_demo() -> int:
    """Publish approved minutes of public bodies that are not yet published; no e-mail."""
    waiting = Meeting.objects.filter(
        minutes__approved_at__isnull=False, publication__isnull=True
    ).exclude(bodies__is_public=False)
    for meeting in waiting:
        publish(meeting, by=None)
    body = Body.objects.filter(short_name="DOT Nordost").first()
    if body:
        DistributionList.objects.get_or_create(
            body=body,
            name="Regionens representanter",
            defaults={"addresses": "vardsamverkan.nordost@example.se\nregistrator@example.se"},
        )
    return len(waiting)
