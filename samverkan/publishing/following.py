"""Following a public body (bevakning): ask by e-mail, confirm from the mail, then each
published minutes arrives with a link that ends it in one click."""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from samverkan.directory.models import Body
from samverkan.meetings.models import Meeting
from samverkan.publishing.mail_content import site_url
from samverkan.publishing.mailing import Recipient, queue
from samverkan.publishing.models import Dispatch, Follower

ASK_AGAIN_AFTER = datetime.timedelta(hours=1)  # no flood of confirmations to one address


@transaction.atomic
def ask_to_follow(body: Body, email: str) -> None:
    """Mail a confirmation link; an address already following, or asked within the hour, gets
    none (and the page says the same either way)."""
    follower, created = Follower.objects.get_or_create(body=body, email=email.strip().lower())
    if follower.confirmed_at or (
        not created and follower.asked_at > timezone.now() - ASK_AGAIN_AFTER
    ):
        return
    follower.asked_at = timezone.now()
    follower.save(update_fields=["asked_at"])
    confirm = site_url(reverse("publishing:follow_confirm", args=[follower.token]))
    text = _(
        "Någon, förhoppningsvis du, vill få minnesanteckningarna från %(body)s när de "
        "publiceras.\n\nBekräfta bevakningen här:\n%(url)s\n\nHar du inte bett om det "
        "behöver du inte göra något; då får du inga fler e-brev."
    ) % {"body": body.name, "url": confirm}
    subject = _("Bekräfta bevakning av %(body)s") % {"body": body.name}
    queue(None, Dispatch.Kind.FOLLOW, subject, [Recipient(email, follower.email)], text=text)


def confirm(follower: Follower) -> None:
    if follower.confirmed_at is None:
        follower.confirmed_at = timezone.now()
        follower.save(update_fields=["confirmed_at"])


def tell_followers(meeting: Meeting) -> Dispatch | None:
    """Published minutes of public bodies: to each confirmed follower of its bodies, once."""
    bodies = list(meeting.bodies.all())
    if not bodies or not all(body.is_public for body in bodies):
        return None
    followers = Follower.objects.filter(body__in=bodies, confirmed_at__isnull=False)
    recipients = {f.email: Recipient(f.email, f.email) for f in followers.order_by("pk")}
    if not recipients:
        return None
    url = site_url(reverse("publishing:archive_minutes", args=[meeting.pk]))
    text = _("Nya minnesanteckningar från %(title)s %(day)s är publicerade:\n%(url)s") % {
        "title": meeting.title,
        "day": formats.date_format(meeting.date, "j F Y"),
        "url": url,
    }
    subject = _("Publicerat: %(title)s %(day)s") % {
        "title": meeting.title,
        "day": formats.date_format(meeting.date, "j F Y"),
    }
    return queue(meeting, Dispatch.Kind.FOLLOW, subject, list(recipients.values()), text=text)
