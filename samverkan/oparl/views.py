"""The OParl 1.1 endpoint: read-only JSON for anyone, the same for every visitor (stateless).

Each view picks its rows from `queries` (which asks `directory.permissions` what is public)
and turns them into objects with `objects`; lists go through `lists.page`.
"""

import functools
import hashlib

from django.http import Http404, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from samverkan.meetings.models import Meeting
from samverkan.oparl import lists, objects, queries
from samverkan.publishing.documents import invitation_pdf, minutes_pdf

ERROR = objects.SCHEMA + "Error"
RENDER = {"invitation": invitation_pdf, "minutes": minutes_pdf}


def _json(data, status: int = 200) -> JsonResponse:
    response = JsonResponse(
        data, status=status, json_dumps_params={"ensure_ascii": False, "indent": None}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _error(status: int, message: str, debug: str = "") -> JsonResponse:
    return _json({"type": ERROR, "message": message, "debug": debug}, status=status)


def endpoint(view):
    """GET only, in Swedish, with CORS, and errors in the form OParl gives them."""

    @csrf_exempt  # nothing is written; a POST gets its 405 in OParl's form
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            return response
        if request.method not in ("GET", "HEAD"):
            return _error(405, _("Gränssnittet går bara att läsa (GET)."), request.method)
        with translation.override("sv"):
            try:
                return view(request, *args, **kwargs)
            except Http404:
                return _error(404, _("Det finns inget sådant objekt."), request.path)
            except lists.BadRequest as problem:
                return _error(400, str(problem), request.get_full_path())

    return wrapper


def _list(request, rows, serialize, *, timed: bool = True, per_row: int = 1):
    query = lists.read_query(request.GET)
    rows = lists.apply_filters(rows, query, timed)
    base = objects.absolute(request.path)
    return _json(lists.page(rows, query, base, request.GET, serialize, per_row=per_row))


def _one(rows, pk):
    row = rows.filter(pk=pk).first()
    if row is None:
        raise Http404
    return row


@endpoint
def system(request):
    return _json(objects.system())


@endpoint
def bodies(request):
    return _json(
        {
            "data": [objects.body()],
            "pagination": {"totalElements": 1, "elementsPerPage": 1},
            "links": {"first": objects.url("bodies"), "self": objects.url("bodies")},
        }
    )


@endpoint
def body(request):
    return _json(objects.body())


@endpoint
def organizations(request):
    public_ids = queries.public_body_ids()
    return _list(
        request,
        queries.organizations(),
        lambda row: [objects.organization(row, public_ids)],
        timed=False,
    )


@endpoint
def organization(request, pk):
    return _json(objects.organization(_one(queries.organizations(), pk), queries.public_body_ids()))


@endpoint
def home_organizations(request):
    return _list(
        request,
        queries.home_organizations(),
        lambda row: [objects.home_organization(row)],
        timed=False,
    )


@endpoint
def home_organization(request, pk):
    return _json(objects.home_organization(_one(queries.home_organizations(), pk)))


@endpoint
def people(request):
    omit = lists.read_query(request.GET).omit_internal
    return _list(request, queries.people(), lambda row: [objects.person(row, omit)], timed=False)


@endpoint
def person(request, pk):
    return _json(objects.person(_one(queries.people(), pk)))


@endpoint
def memberships(request):
    return _list(request, queries.memberships(), lambda row: [objects.membership(row)], timed=False)


@endpoint
def membership(request, pk):
    return _json(objects.membership(_one(queries.memberships(), pk)))


def _meeting_object(row, omit_internal: bool = False) -> dict:
    if not row.live:
        return objects.deleted("Meeting", objects.url("meeting", row.pk), row)
    return objects.meeting(row, omit_internal)


def _meetings(request, rows):
    query = lists.read_query(request.GET)
    return _list(
        request, queries.with_items(rows), lambda row: [_meeting_object(row, query.omit_internal)]
    )


@endpoint
def meetings(request):
    query = lists.read_query(request.GET)
    return _meetings(request, queries.meetings(with_deleted=query.with_deleted))


@endpoint
def organization_meetings(request, pk):
    body_ = _one(queries.organizations(), pk)
    query = lists.read_query(request.GET)
    return _meetings(
        request, queries.meetings(with_deleted=query.with_deleted).filter(bodies=body_)
    )


def _meeting(pk) -> Meeting:
    return _one(queries.with_items(queries.meetings(with_deleted=True)), pk)


@endpoint
def meeting(request, pk):
    return _json(_meeting_object(_meeting(pk)))


def _item_object(row) -> dict:
    if not row.live:
        return objects.deleted(
            "AgendaItem", objects.url("agenda_item", row.pk), row, order=row.position
        )
    return objects.agenda_item(row)


@endpoint
def agenda_items(request):
    query = lists.read_query(request.GET)
    rows = queries.agenda_items(with_deleted=query.with_deleted).prefetch_related(
        queries.decisions()
    )
    return _list(request, rows, lambda row: [_item_object(row)])


@endpoint
def agenda_item(request, pk):
    rows = queries.agenda_items(with_deleted=True).prefetch_related(queries.decisions())
    return _json(_item_object(_one(rows, pk)))


def _deleted_file(row, kind: str) -> dict:
    """A file no longer public keeps its access URL, which answers 410 Gone."""
    return objects.deleted(
        "File",
        objects.url("file", row.pk, kind),
        row,
        accessUrl=objects.url("file_access", row.pk, kind),
    )


def _files_of(row) -> list[dict]:
    if not row.live:
        return [_deleted_file(row, kind) for kind in objects.KINDS]
    return [objects.file(row, kind) for kind in objects.KINDS]


@endpoint
def files(request):
    query = lists.read_query(request.GET)
    rows = queries.with_items(queries.meetings(with_deleted=query.with_deleted))
    return _list(request, rows, _files_of, per_row=len(objects.KINDS))


def _content(row, kind: str) -> bytes:
    return RENDER[kind](row)


@endpoint
def file(request, pk, kind):
    row = _meeting(pk)
    if not row.live:
        return _json(_deleted_file(row, kind))
    content = _content(row, kind)
    checksum = hashlib.sha512(content).hexdigest()
    return _json(objects.file(row, kind, size=len(content), checksum=checksum))


def _file_response(request, pk, kind, disposition: str) -> HttpResponse:
    row = _meeting(pk)
    if not row.live:
        return _error(410, _("Filen är inte längre publicerad."), request.path)
    data = objects.file(row, kind)
    response = HttpResponse(_content(row, kind), content_type="application/pdf")
    response["Content-Disposition"] = f'{disposition}; filename="{data["fileName"]}"'
    return response


@endpoint
def file_access(request, pk, kind):
    return _file_response(request, pk, kind, "inline")


@endpoint
def file_download(request, pk, kind):
    return _file_response(request, pk, kind, "attachment")


@endpoint
def location(request, pk):
    row = _meeting(pk)
    place = objects.location(row) if row.live else None
    if place is None:
        raise Http404
    return _json(place)


@endpoint
def papers(request):
    """Samverkan keeps no papers (ärenden) of their own: decisions are in the agenda items."""
    return _json(
        {
            "data": [],
            "pagination": {"totalElements": 0, "elementsPerPage": lists.DEFAULT_LIMIT},
            "links": {"first": objects.url("papers"), "self": objects.url("papers")},
        }
    )


@endpoint
def not_found(request, rest=""):
    raise Http404
