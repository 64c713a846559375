"""The rows the public API shows, each with `created_at` and `modified_at` from the audit history.

What is public comes from `directory.permissions`; this module only adds times, ordering and
the objects that were public once and are not any more (shown as deleted).
"""

from django.db.models import DateTimeField, Exists, Max, Min, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce, Greatest

from samverkan.directory import permissions
from samverkan.directory.models import Body, Membership, Organisation
from samverkan.meetings.models import AgendaItem, Meeting
from samverkan.minutes.models import Decision
from samverkan.publishing.models import SearchDocument


def _history_time(history_model, key: str, aggregate, outer: str = "pk") -> Subquery:
    """The first (Min) or last (Max) time a row, or the rows of its `key`, was saved."""
    rows = (
        history_model.objects.filter(**{key: OuterRef(outer)})
        .order_by()
        .values(key)
        .annotate(at=aggregate("history_date"))
        .values("at")
    )
    return Subquery(rows, output_field=DateTimeField())


def _latest(a, b):
    """The later of two times where either may be missing (Greatest alone gives NULL on SQLite)."""
    return Greatest(Coalesce(a, b), Coalesce(b, a))


def _public_meeting_ids():
    return permissions.public_meetings(Meeting.objects.all()).values("pk")


def _once_published_ids():
    """Meetings of public bodies that were published once: shown as deleted when hidden since.

    A meeting of an internal body never leaves a trace, not even its id.
    """
    published = Meeting.history.filter(state=Meeting.State.PUBLISHED).values("id")
    return permissions.of_public_bodies(Meeting.objects.filter(pk__in=published)).values("pk")


def meetings(*, with_deleted: bool):
    """Public meetings; with `with_deleted` also those published once and hidden since."""
    history = Meeting.history.model
    rows = Meeting.objects.annotate(
        live=Exists(_public_meeting_ids().filter(pk=OuterRef("pk"))),
        created_at=_history_time(history, "id", Min),
        modified_at=_latest(
            _history_time(history, "id", Max),
            _history_time(AgendaItem.history.model, "meeting_id", Max),
        ),
    )
    if with_deleted:
        return rows.filter(Q(pk__in=_public_meeting_ids()) | Q(pk__in=_once_published_ids()))
    return rows.filter(pk__in=_public_meeting_ids())


def _items_with_times():
    """An item changes when it or its meeting does (being unpublished with it, say)."""
    history = AgendaItem.history.model
    return AgendaItem.objects.annotate(
        created_at=Coalesce(
            _history_time(history, "id", Min),
            _history_time(Meeting.history.model, "id", Min, outer="meeting_id"),
        ),
        modified_at=_latest(
            _history_time(history, "id", Max),
            _history_time(Meeting.history.model, "id", Max, outer="meeting_id"),
        ),
    )


def agenda_items(*, with_deleted: bool):
    """Agenda items of public meetings; deleted ones belong to meetings hidden since."""
    rows = _items_with_times().annotate(
        live=Exists(_public_meeting_ids().filter(pk=OuterRef("meeting_id")))
    )
    if with_deleted:
        return rows.filter(
            Q(meeting__in=_public_meeting_ids()) | Q(meeting__in=_once_published_ids())
        )
    return rows.filter(meeting__in=_public_meeting_ids())


def decisions():
    """An agenda item's decisions in order, as the list `ordered_decisions` (a list, not a
    queryset per item: a page of meetings has a few hundred items)."""
    return Prefetch(
        "decisions", queryset=Decision.objects.order_by("pk"), to_attr="ordered_decisions"
    )


def with_items(meeting_rows):
    """Prefetch what a Meeting object embeds: bodies, agenda items with decisions, minutes text."""
    items = _items_with_times().prefetch_related(decisions())
    return meeting_rows.select_related("minutes", "publication").prefetch_related(
        "bodies",
        Prefetch("items", queryset=items),
        Prefetch(
            "search_documents",
            queryset=SearchDocument.objects.filter(kind=SearchDocument.Kind.MINUTES, public=True),
            to_attr="public_texts",
        ),
    )


def organizations():
    """The public bodies (samverkansorgan), each with its public memberships prefetched."""
    return permissions.public_bodies().prefetch_related(
        Prefetch("memberships", queryset=permissions.public_memberships().order_by("pk"))
    )


def public_body_ids() -> set[int]:
    return set(permissions.public_bodies().values_list("pk", flat=True))


def home_organizations():
    """Region, municipalities and others that public members sit for."""
    return Organisation.objects.filter(
        pk__in=permissions.public_memberships().values("organisation")
    )


def people():
    return permissions.public_people().prefetch_related(
        Prefetch("memberships", queryset=permissions.public_memberships().order_by("pk"))
    )


def memberships():
    return permissions.public_memberships()


def body_of(pk: int) -> Body | None:
    return permissions.public_bodies().filter(pk=pk).first()


def membership_of(pk: int) -> Membership | None:
    return permissions.public_memberships().filter(pk=pk).first()
