"""The shapes the API answers with (they make its OpenAPI document)."""

import datetime
from decimal import Decimal

from ninja import Field, Schema


class Problem(Schema):
    detail: str = Field(description="Vad som gick fel, på svenska.")


class BodyRef(Schema):
    id: int
    name: str
    short_name: str


class MeetingRef(Schema):
    id: int
    date: datetime.date
    bodies: list[BodyRef]


class DecisionOut(Schema):
    id: int
    text: str
    item: str | None = Field(None, description="Dagordningspunktens rubrik.")
    meeting: MeetingRef


class UpdateOut(Schema):
    at: datetime.datetime
    status: str
    comment: str
    by: str | None = Field(None, description="Namnet på den som ändrade.")


class AssignmentOut(Schema):
    id: int
    text: str
    body: BodyRef
    status: str
    due_date: datetime.date | None
    due_body: BodyRef | None = Field(None, description="Till nästa möte i detta organ.")
    owners: list[str]
    origin: str
    meeting_id: int | None
    decision_id: int | None


class AssignmentDetailOut(AssignmentOut):
    log: list[UpdateOut]


class StatusIn(Schema):
    status: str = Field(description="öppen, pågående, klar, återrapporterad eller avskriven.")
    comment: str = Field("", max_length=1000)


class MeasurementOut(Schema):
    period: datetime.date
    value: Decimal


class MeasurementIn(Schema):
    period: str = Field(description="Periodens första dag, eller 2024-03, eller 2024.")
    value: str = Field(description="Ett tal; decimalkomma går bra.")


class IndicatorOut(Schema):
    id: int
    name: str
    unit: str
    direction: str
    baseline: Decimal | None
    target: Decimal | None
    measurements: list[MeasurementOut]


class ActivityOut(Schema):
    id: int
    title: str
    status: str
    start: datetime.date | None
    end: datetime.date | None
    owners: list[str]


class GoalOut(Schema):
    id: int
    title: str
    description: str
    indicators: list[IndicatorOut]
    activities: list[ActivityOut]


class PlanOut(Schema):
    id: int
    title: str
    body: BodyRef
    start: datetime.date | None
    end: datetime.date | None


class PlanDetailOut(PlanOut):
    goals: list[GoalOut]


class AnswerOut(Schema):
    body: BodyRef
    goal: str
    status: str
    comment: str


class RoundOut(Schema):
    id: int
    title: str
    opened: datetime.date
    answers: list[AnswerOut]


class SearchHit(Schema):
    meeting_id: int
    kind: str
    date: datetime.date
    title: str
    snippet: str


class SearchOut(Schema):
    total: int
    hits: list[SearchHit]


class DecisionPage(Schema):
    count: int
    items: list[DecisionOut]


class AssignmentPage(Schema):
    count: int
    items: list[AssignmentOut]


class PlanPage(Schema):
    count: int
    items: list[PlanOut]
