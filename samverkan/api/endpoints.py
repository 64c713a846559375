"""Samverkan's own API at /api/ (django-ninja, OpenAPI 3 at /api/openapi.json, docs at /api/docs).

For what OParl has no object for: decisions, assignments with their log, action plans,
inventory rounds and search, with two writes other systems need. Every query goes through the
same `visible_to` QuerySets and `permissions.can_*` rules as the pages.
"""

from typing import Annotated

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Query, Router, Schema, Status
from ninja.errors import Throttled
from ninja.errors import ValidationError as InvalidInput

from samverkan.api import schemas
from samverkan.api.auth import CallerThrottle, authenticate
from samverkan.directory import permissions
from samverkan.directory.models import Body
from samverkan.followup import services as followup
from samverkan.followup.models import Assignment
from samverkan.minutes.models import Decision
from samverkan.plans import values
from samverkan.plans.models import Goal, Indicator, InventoryAnswer, InventoryRound, Plan
from samverkan.publishing import search as searching

api = NinjaAPI(
    title="Samverkan API",
    version="1",
    description=(
        "Beslut, uppdrag, handlingsplaner, inventeringar och sökning. Möten, organ, ledamöter "
        "och publicerade minnesanteckningar finns i OParl 1.1 på /oparl/v1/. Utan nyckel ser "
        "du det offentliga; med en personlig API-nyckel (Authorization: Bearer …) det som "
        "nyckelns ägare får se. Ändringar kräver en nyckel."
    ),
    urls_namespace="api",
    auth=authenticate,
    throttle=[CallerThrottle("anonymous"), CallerThrottle("known")],
)


# every operation may answer these, in Swedish
COMMON = {
    401: schemas.Problem,
    403: schemas.Problem,
    404: schemas.Problem,
    422: schemas.Problem,
    429: schemas.Problem,
}


@api.exception_handler(InvalidInput)
def invalid_input(request, error):
    names = sorted(
        {".".join(str(p) for p in e["loc"][1:]) or str(e["loc"][0]) for e in error.errors}
    )
    detail = "Ogiltigt värde i: " + ", ".join(names) + "."
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(Http404)
def not_found(request, error):
    return api.create_response(request, {"detail": "Det finns inget sådant objekt."}, status=404)


@api.exception_handler(Throttled)
def throttled(request, error):
    detail = "För många anrop på kort tid. Vänta en stund och försök igen."
    return api.create_response(request, {"detail": detail}, status=429)


Id = Annotated[int, Field(ge=1, le=2**53)]


class Paging(Schema):
    limit: int = Field(50, ge=1, le=100, description="Högst 100.")
    offset: int = Field(0, ge=0, le=10**9)


def _page(rows, paging: Paging, shape) -> dict:
    """`count` rows in all, and `items`: at most 100 from `offset`."""
    end = paging.offset + paging.limit
    return {"count": rows.count(), "items": [shape(r) for r in rows[paging.offset : end]]}


def _user(request):
    return request.auth.user


def _body(body: Body) -> dict:
    return {"id": body.pk, "name": body.name, "short_name": body.short_name}


# Decisions


decisions = Router(tags=["Beslut"])


@decisions.get("/", response={200: schemas.DecisionPage, **COMMON}, summary="Beslutsregistret")
def decision_list(
    request,
    paging: Query[Paging],
    body: Id | None = None,
    meeting: Id | None = None,
    year: Annotated[int, Field(ge=1900, le=2200)] | None = None,
    q: Annotated[str, Field(max_length=200)] = "",
):
    """Beslut i justerade minnesanteckningar som du får läsa, nyast först."""
    rows = (
        Decision.objects.visible_to(_user(request))
        .filter(minutes__approved_at__isnull=False)
        .select_related("minutes__meeting", "item")
        .prefetch_related("minutes__meeting__bodies")
        .order_by("-minutes__meeting__date", "pk")
    )
    if body:
        rows = rows.filter(minutes__meeting__bodies=body)
    if meeting:
        rows = rows.filter(minutes__meeting=meeting)
    if year:
        rows = rows.filter(minutes__meeting__date__year=year)
    if q.strip():
        rows = rows.filter(text__icontains=q.strip()[:100])
    return _page(rows, paging, _decision)


def _decision(row: Decision) -> dict:
    meeting = row.minutes.meeting
    return {
        "id": row.pk,
        "text": row.text,
        "item": row.item.title if row.item else None,
        "meeting": {
            "id": meeting.pk,
            "date": meeting.date,
            "bodies": [_body(b) for b in meeting.bodies.all()],
        },
    }


# Assignments


assignments = Router(tags=["Uppdrag"])


class AssignmentFilter(Schema):
    body: Id | None = None
    status: str | None = Field(None, description="open, eller en status.", max_length=30)
    owner: str | None = Field(None, description="Del av en ansvarigs namn.", max_length=100)


def _assignment(row: Assignment) -> dict:
    return {
        "id": row.pk,
        "text": row.text,
        "body": _body(row.body),
        "status": row.status,
        "due_date": row.due_date,
        "due_body": _body(row.due_body) if row.due_body else None,
        "owners": row.owners(),
        "origin": row.origin,
        "meeting_id": row.meeting_id,
        "decision_id": row.decision_id,
    }


def _assignments(request):
    return (
        Assignment.objects.visible_to(_user(request))
        .select_related("body", "due_body")
        .prefetch_related("owner_people", "owner_bodies")
    )


@assignments.get("/", response={200: schemas.AssignmentPage, **COMMON}, summary="Uppdragsregistret")
def assignment_list(request, paging: Query[Paging], filters: Query[AssignmentFilter]):
    """Uppdrag i organ du får läsa; `status=open` ger öppna och pågående."""
    rows = _assignments(request)
    if filters.body:
        rows = rows.filter(body=filters.body)
    if filters.status == "open":
        rows = rows.open()
    elif filters.status:
        rows = rows.filter(status=filters.status)
    if filters.owner:
        rows = rows.filter(owner_people__name__icontains=filters.owner[:100]).distinct()
    return _page(rows.overdue_first(), paging, _assignment)


def _detail(row: Assignment) -> dict:
    log = [
        {
            "at": u.at,
            "status": u.status,
            "comment": u.text,
            "by": getattr(getattr(u.by, "person", None), "name", None),
        }
        for u in row.updates.select_related("by__person")
    ]
    return {**_assignment(row), "log": log}


@assignments.get(
    "/{pk}", response={200: schemas.AssignmentDetailOut, **COMMON}, summary="Ett uppdrag"
)
def assignment_detail(request, pk: Id):
    """Uppdraget med dess logg, senaste först."""
    return _detail(get_object_or_404(_assignments(request), pk=pk))


@assignments.post(
    "/{pk}/status",
    response={200: schemas.AssignmentDetailOut, 400: schemas.Problem, **COMMON},
    summary="Ändra status med en kommentar",
)
def assignment_status(request, pk: Id, change: schemas.StatusIn):
    """Kräver en API-nyckel vars ägare får uppdatera uppdraget (ansvarig, ordförande, sekreterare)."""
    row = get_object_or_404(_assignments(request), pk=pk)
    if not permissions.can_update_assignment(_user(request), row):
        return Status(403, {"detail": "Du får inte uppdatera det här uppdraget."})
    try:
        followup.change_status(row, status=change.status, by=_user(request), comment=change.comment)
    except ValidationError as error:
        return Status(400, {"detail": " ".join(error.messages)})
    return Status(200, _detail(row))


# Action plans


plans = Router(tags=["Handlingsplaner"])


def _plans(request):
    return Plan.objects.filter(body__in=Body.objects.visible_to(_user(request))).select_related(
        "body"
    )


def _plan(row: Plan) -> dict:
    return {
        "id": row.pk,
        "title": row.title,
        "body": _body(row.body),
        "start": row.start,
        "end": row.end,
    }


@plans.get("/", response={200: schemas.PlanPage, **COMMON}, summary="Handlingsplaner")
def plan_list(request, paging: Query[Paging], body: Id | None = None):
    rows = _plans(request).order_by("pk")
    return _page(rows.filter(body=body) if body else rows, paging, _plan)


@plans.get("/{pk}", response={200: schemas.PlanDetailOut, **COMMON}, summary="En handlingsplan")
def plan_detail(request, pk: Id):
    """Planen med mål, indikatorer med mätvärden, och aktiviteter."""
    goals = Goal.objects.prefetch_related("indicators__values", "activities__owners").order_by(
        "position", "pk"
    )
    row = get_object_or_404(_plans(request).prefetch_related(Prefetch("goals", goals)), pk=pk)
    return {
        **_plan(row),
        "goals": [
            {
                "id": g.pk,
                "title": g.title,
                "description": g.description,
                "indicators": [_indicator(i) for i in g.indicators.all()],
                "activities": [
                    {
                        "id": a.pk,
                        "title": a.title,
                        "status": a.status,
                        "start": a.start,
                        "end": a.end,
                        "owners": [p.name for p in a.owners.all()],
                    }
                    for a in g.activities.all()
                ],
            }
            for g in row.goals.all()
        ],
    }


def _indicator(row: Indicator) -> dict:
    return {
        "id": row.pk,
        "name": row.name,
        "unit": row.unit,
        "direction": row.direction,
        "baseline": row.baseline,
        "target": row.target,
        "measurements": [{"period": m.period, "value": m.value} for m in row.values.all()],
    }


@plans.post(
    "/indicators/{pk}/measurements",
    response={201: schemas.IndicatorOut, 400: schemas.Problem, **COMMON},
    summary="Lägg till ett mätvärde",
)
def add_measurement(request, pk: Id, measurement: schemas.MeasurementIn):
    """Kräver en API-nyckel vars ägare redigerar planens organ. Ett värde per period."""
    indicator = get_object_or_404(
        Indicator.objects.select_related("goal__plan__body"),
        pk=pk,
        goal__plan__in=_plans(request),
    )
    plan = indicator.goal.plan
    if not permissions.can_edit_body(_user(request), plan.body):
        return Status(403, {"detail": "Du får inte ändra den här handlingsplanen."})
    row = values.Row(1, indicator.name, measurement.period, measurement.value)
    try:
        values.save_values(plan, [row])
    except values.ValuesError as error:
        return Status(400, {"detail": " ".join(error.problems)})
    except values.ReplaceNeeded:
        detail = "Perioden har redan ett värde. Rätta det på handlingsplanens sida."
        return Status(400, {"detail": detail})
    return Status(201, _indicator(Indicator.objects.prefetch_related("values").get(pk=pk)))


# Inventory rounds


rounds = Router(tags=["Inventeringar"])


@rounds.get("/", response={200: list[schemas.RoundOut], **COMMON}, summary="Inventeringar")
def round_list(request):
    """Inventeringsomgångar med svaren från organen (för inloggade)."""
    if not permissions.can_view_inventories(_user(request)):
        return Status(403, {"detail": "Inventeringar är bara för inloggade."})
    answers = InventoryAnswer.objects.select_related("body", "goal").order_by("body__name", "pk")
    rows = InventoryRound.objects.prefetch_related(Prefetch("answers", answers))
    return Status(200, [_round(r) for r in rows])


def _round(row: InventoryRound) -> dict:
    return {
        "id": row.pk,
        "title": row.title,
        "opened": row.opened,
        "answers": [
            {"body": _body(a.body), "goal": a.goal.area, "status": a.status, "comment": a.comment}
            for a in row.answers.all()
        ],
    }


# Search


finding = Router(tags=["Sök"])


@finding.get("/", response={200: schemas.SearchOut, **COMMON}, summary="Sök i minnesanteckningar")
def search(
    request,
    q: Annotated[str, Field(max_length=200)],
    limit: Annotated[int, Field(ge=1, le=100)] = 20,
    offset: Annotated[int, Field(ge=0, le=10**6)] = 0,
):
    """Samma sökning som sidan: publicerat för alla, och egna organs justerade för ledamöter."""
    found = searching.search(searching.searchable_by(_user(request)), q, limit=limit, offset=offset)
    return {
        "total": found.total,
        "hits": [
            {
                "meeting_id": h.document.meeting_id,
                "kind": h.document.kind,
                "date": h.document.date,
                "title": h.document.title,
                "snippet": str(h.snippet),
            }
            for h in found.hits
        ],
    }


api.add_router("/decisions/", decisions)
api.add_router("/assignments/", assignments)
api.add_router("/plans/", plans)
api.add_router("/inventory-rounds/", rounds)
api.add_router("/search/", finding)
