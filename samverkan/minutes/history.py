"""The edit history of minutes: what members see, and purging an entry written by mistake."""

from django.db import transaction
from django.utils.translation import gettext as _

from samverkan.directory.models import PrivacyLog
from samverkan.minutes.models import Decision, Minutes, Note

# the kinds of history entries, as they appear in the purge address
HISTORIES = {"anteckning": Note.history, "beslut": Decision.history}


def changes(minutes: Minutes, limit: int = 30) -> list[tuple]:
    """Who changed the notes and decisions, and when: (when, who, what, where, text, kind, id)."""
    notes = Note.history.filter(minutes_id=minutes.pk).select_related("history_user", "item")
    decisions = Decision.history.filter(minutes_id=minutes.pk).select_related("history_user")
    found = [
        (
            h.history_date,
            h.history_user,
            _("anteckning"),
            h.item.title if h.item_id else "",
            h.text,
            "anteckning",
            h.history_id,
        )
        for h in notes
    ] + [
        (
            h.history_date,
            h.history_user,
            _("beslut"),
            h.get_history_type_display(),
            h.text,
            "beslut",
            h.history_id,
        )
        for h in decisions
    ]
    return sorted(found, key=lambda c: c[0], reverse=True)[:limit]


def entry(minutes: Minutes, kind: str, history_id: int):
    """One history entry of these minutes, or None."""
    history = HISTORIES.get(kind)
    if history is None:
        return None
    return history.filter(minutes_id=minutes.pk, history_id=history_id).first()


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
