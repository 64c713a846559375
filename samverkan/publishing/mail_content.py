"""What each kind of mail says and carries: its text for one recipient, and its attachments."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from samverkan.directory import permissions
from samverkan.meetings.answer_links import CHOICES, answer_url
from samverkan.publishing.calendar import invitation_for
from samverkan.publishing.documents import invitation_pdf, minutes_pdf
from samverkan.publishing.models import Delivery, Dispatch, Follower

Kind = Dispatch.Kind
TEMPLATES = {
    Kind.INVITATION: "publishing/mail/invitation.txt",
    Kind.INVITATION_UPDATE: "publishing/mail/invitation.txt",
    Kind.CALLED_IN: "publishing/mail/invitation.txt",
    Kind.MOVED: "publishing/mail/meeting_moved.txt",
    Kind.CANCELLED: "publishing/mail/meeting_cancelled.txt",
    Kind.APPROVAL: "publishing/mail/approval_request.txt",
    Kind.MINUTES: "publishing/mail/minutes.txt",
}
# "Jag kommer" / "Jag kan inte" / "En ersättare går", in that order
LINK_LABELS = {
    "kommer": "Jag kommer",
    "kan-inte": "Jag kan inte komma",
    "ersattare": "Jag kan inte, en ersättare går",
}


def site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def body_for(dispatch: Dispatch, delivery: Delivery) -> str:
    """The text part for one recipient: a kallelse carries their own answer links, a
    followed body's minutes the link that ends the bevakning."""
    if dispatch.kind not in TEMPLATES:  # notices and reminders were written when they happened
        unfollow = unfollow_url(dispatch, delivery)
        if unfollow:
            return dispatch.text + "\n\n" + _("Sluta bevaka med ett klick:") + "\n" + unfollow
        return dispatch.text
    meeting = dispatch.meeting
    url = site_url(meeting.get_absolute_url())
    if dispatch.kind == Kind.APPROVAL:
        url = site_url(reverse("minutes:sign_off", args=[meeting.pk]))
    context = {
        "meeting": meeting,
        "url": url,
        "items": meeting.items.all(),
        "intro": dispatch.text,
        "links": _answer_links(meeting, delivery),
    }
    return render_to_string(TEMPLATES[dispatch.kind], context)


def _answer_links(meeting, delivery: Delivery) -> list[tuple[str, str]]:
    person = delivery.person
    if person is None or not permissions.can_answer_by_link(person, meeting):
        return []
    return [(LINK_LABELS[c], site_url(answer_url(meeting, person, c))) for c in CHOICES]


def shared_attachments(dispatch: Dispatch) -> list[tuple]:
    """Made once per dispatch: the kallelse or minutes PDF and the agenda's attachments."""
    meeting = dispatch.meeting
    if dispatch.kind in Dispatch.INVITING:
        day = f"{meeting.date:%Y-%m-%d}"
        attachments = [(f"kallelse-{day}.pdf", invitation_pdf(meeting), "application/pdf")]
        for item in meeting.items.prefetch_related("attachments"):
            for attachment in item.attachments.all():
                try:
                    with attachment.file.open("rb") as file:
                        attachments.append((attachment.name, file.read(), None))
                except FileNotFoundError:  # a lost file must not stop the kallelse
                    continue
        return attachments
    if dispatch.kind == Kind.MINUTES:
        day = f"{meeting.date:%Y-%m-%d}"
        return [(f"minnesanteckningar-{day}.pdf", minutes_pdf(meeting), "application/pdf")]
    return []


def calendar_attachment(dispatch: Dispatch, delivery: Delivery) -> list[tuple]:
    """The recipient's calendar entry: added or updated (REQUEST), or removed (CANCEL)."""
    if dispatch.kind in (*Dispatch.INVITING, Kind.MOVED):
        method, name = "REQUEST", "inbjudan.ics"
    elif dispatch.kind == Kind.CANCELLED:
        method, name = "CANCEL", "installt.ics"
    else:
        return []
    ical = invitation_for(dispatch.meeting, method=method, attendee=delivery.address)
    return [(name, ical, f"text/calendar; method={method}")]


def unfollow_url(dispatch: Dispatch, delivery: Delivery) -> str:
    """For a followed body's published minutes: the recipient's one-click unsubscribe."""
    if dispatch.kind != Kind.FOLLOW or dispatch.meeting is None:
        return ""
    follower = (
        Follower.objects.filter(body__in=dispatch.meeting.bodies.all(), email=delivery.address)
        .order_by("pk")
        .first()
    )
    return site_url(reverse("publishing:unfollow", args=[follower.token])) if follower else ""


def headers_for(dispatch: Dispatch, delivery: Delivery) -> dict[str, str]:
    """RFC 8058 one-click unsubscribe, so mail programs offer it beside the sender."""
    unfollow = unfollow_url(dispatch, delivery)
    if not unfollow:
        return {}
    return {
        "List-Unsubscribe": f"<{unfollow}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
