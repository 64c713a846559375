"""The edit history of minutes: what members see, and purging an entry written by mistake."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samverkan.directory.audit import who
from samverkan.directory.models import PrivacyLog
from samverkan.minutes.models import Decision, Minutes, Note

# what each kind of history row says, for an added (+), changed (~) and removed (-) row
CHANGES = {
    "anteckning": {
        "+": gettext_lazy("anteckning skriven"),
        "~": gettext_lazy("anteckning ändrad"),
        "-": gettext_lazy("anteckning borttagen"),
    },
    "beslut": {
        "+": gettext_lazy("beslut tillagt"),
        "~": gettext_lazy("beslut ändrat"),
        "-": gettext_lazy("beslut borttaget"),
    },
    "uppdrag": {
        "+": gettext_lazy("uppdrag tillagt"),
        "~": gettext_lazy("uppdrag ändrat"),
        "-": gettext_lazy("uppdrag borttaget"),
    },
}


def _histories(minutes: Minutes) -> dict:
    """The history of each kind that belongs to these minutes, by the name used in addresses."""
    # assignments belong to the follow-up, which this app does not import; the meeting's
    # reverse relation leads to their history
    assignments = minutes.meeting.assignments.model.history
    return {
        "anteckning": Note.history.filter(minutes_id=minutes.pk).select_related("item"),
        "beslut": Decision.history.filter(minutes_id=minutes.pk),
        "uppdrag": assignments.filter(meeting_id=minutes.meeting_id),
    }


def changes(minutes: Minutes, limit: int = 30) -> list[tuple]:
    """Who changed the notes, decisions and assignments, and when:
    (when, who, what, where, text, kind, id), newest first."""
    found = []
    for kind, history in _histories(minutes).items():
        for h in history.select_related("history_user__person").order_by("-history_date")[:limit]:
            where = h.item.title if kind == "anteckning" and h.item_id else ""
            found.append(
                (
                    h.history_date,
                    who(h.history_user),
                    str(CHANGES[kind][h.history_type]),
                    where,
                    h.text,
                    kind,
                    h.history_id,
                )
            )
    return sorted(found, key=lambda c: c[0], reverse=True)[:limit]


def entry(minutes: Minutes, kind: str, history_id: int):
    """One history entry of these minutes, or None."""
    history = _histories(minutes).get(kind)
    if history is None:
        return None
    return history.filter(history_id=history_id).first()


@transaction.atomic
def purge(minutes: Minutes, found, *, reason: str, by) -> None:
    """Remove one history entry for good; the log keeps who did it and why, not the text."""
    subject = _("%(kind)s i %(minutes)s, ändring %(id)d av %(date)s") % {
        "kind": found._meta.model._meta.verbose_name,
        "minutes": minutes,
        "id": found.history_id,
        "date": f"{found.history_date:%Y-%m-%d %H:%M}",
    }
    found.delete()
    PrivacyLog.objects.create(
        action=PrivacyLog.Action.PURGE, subject=subject[:300], reason=reason, by=by
    )
