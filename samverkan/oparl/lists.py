"""OParl object lists: bounded pages in a stable order, the date filters, next/prev links.

Pages are cut by id (`after`/`before`) rather than by page number, so rows added or hidden
while a client walks the list neither repeat an object nor skip one.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
FILTERS = {
    "created_since": ("created_at", "gte"),
    "created_until": ("created_at", "lte"),
    "modified_since": ("modified_at", "gte"),
    "modified_until": ("modified_at", "lte"),
}


class BadRequest(Exception):
    """A query parameter the list cannot use; the message is for the client's user."""


@dataclass
class Query:
    filters: dict
    after: int | None
    before: int | None
    limit: int
    omit_internal: bool

    @property
    def with_deleted(self) -> bool:
        """OParl 1.1: deleted objects are listed exactly when `modified_since` is given."""
        return "modified_since" in self.filters


def _integer(params, name: str) -> int | None:
    value = params.get(name)
    if value in (None, ""):
        return None
    if not value.isdigit():
        raise BadRequest(_("%(name)s ska vara ett heltal.") % {"name": name})
    return int(value)


def read_query(params) -> Query:
    filters = {}
    for name in FILTERS:
        if name in params:
            moment = parse_datetime(params[name])
            if moment is None:
                raise BadRequest(
                    _("%(name)s ska vara datum och tid, till exempel 2025-01-01T00:00:00+01:00.")
                    % {"name": name}
                )
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
            filters[name] = moment
    limit = _integer(params, "limit") or DEFAULT_LIMIT
    return Query(
        filters=filters,
        after=_integer(params, "after"),
        before=_integer(params, "before"),
        limit=max(1, min(limit, MAX_LIMIT)),
        omit_internal=params.get("omit_internal") == "true",
    )


def apply_filters(rows, query: Query, timed: bool):
    """The date filters; rows without recorded times are always kept (they may have changed)."""
    if not timed:
        return rows
    for name, moment in query.filters.items():
        field, op = FILTERS[name]
        rows = rows.filter(Q(**{f"{field}__{op}": moment}) | Q(**{f"{field}__isnull": True}))
    return rows


def _link(base: str, params, **cursor) -> str:
    kept = {k: v for k, v in params.items() if k not in ("after", "before") and v != ""}
    kept.update({k: str(v) for k, v in cursor.items()})
    return base + ("?" + urlencode(sorted(kept.items())) if kept else "")


def page(rows, query: Query, base: str, params, serialize, per_row: int = 1) -> dict:
    """One list page: `serialize(row)` gives a row's objects (a list of `per_row` objects)."""
    total = rows.count()
    if query.before is not None:
        picked = list(rows.filter(pk__lt=query.before).order_by("-pk")[: query.limit + 1])
        has_prev, has_next = len(picked) > query.limit, True
        picked = list(reversed(picked[: query.limit]))
    else:
        start = rows.filter(pk__gt=query.after) if query.after is not None else rows
        picked = list(start.order_by("pk")[: query.limit + 1])
        has_prev, has_next = query.after is not None, len(picked) > query.limit
        picked = picked[: query.limit]
    links = {"first": _link(base, params), "self": _link(base, params, **_cursor(query))}
    if picked and has_next:
        links["next"] = _link(base, params, after=picked[-1].pk)
    if picked and has_prev:
        links["prev"] = _link(base, params, before=picked[0].pk)
    elif not picked and query.after is not None:
        links["prev"] = _link(base, params, before=query.after + 1)
    data = [obj for row in picked for obj in serialize(row)]
    return {
        "data": data,
        "pagination": {"totalElements": total * per_row, "elementsPerPage": query.limit * per_row},
        "links": links,
    }


def _cursor(query: Query) -> dict:
    if query.before is not None:
        return {"before": query.before}
    return {"after": query.after} if query.after is not None else {}
