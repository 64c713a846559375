"""The extraction's result: frozen dataclasses, turned into Minutes JSON in one place."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Source:
    line: int


# How sure a rule is of what it found: "high" (a label or a formula of the genre), "medium"
# (the usual wording), "low" (a guess worth a look on the review screen)
HIGH, MEDIUM, LOW = "high", "medium", "low"


@dataclass(frozen=True)
class Attendee:
    name: str
    organization: str | None = None
    role: str | None = None
    source: Source | None = None
    rule: str = ""
    confidence: str = MEDIUM


@dataclass(frozen=True)
class AgendaItem:
    number: str | None
    title: str
    source: Source | None = None
    rule: str = ""
    confidence: str = MEDIUM


@dataclass(frozen=True)
class Decision:
    text: str
    agenda_item: str | None = None
    source: Source | None = None
    rule: str = ""
    confidence: str = MEDIUM


@dataclass(frozen=True)
class Action:
    text: str
    owners: tuple[str, ...] = ()
    due: str | None = None
    source: Source | None = None
    rule: str = ""
    confidence: str = MEDIUM


@dataclass(frozen=True)
class MeetingTime:
    date: str | None = None
    start: str | None = None
    end: str | None = None
    location: str | None = None
    source: Source | None = None
    rule: str = ""
    confidence: str = MEDIUM


@dataclass(frozen=True)
class Minutes:
    body: str | None = None
    meeting: MeetingTime = field(default_factory=MeetingTime)
    attendees: tuple[Attendee, ...] = ()
    absent: tuple[Attendee, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    decisions: tuple[Decision, ...] = ()
    actions: tuple[Action, ...] = ()
    next_meetings: tuple[MeetingTime, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The Minutes JSON shape of the spec, with a `source` line on every item."""
        return {
            "body": self.body,
            "meeting": _meeting(self.meeting, with_source=False),
            "attendees": [_person(a) for a in self.attendees],
            "absent": [_person(a) for a in self.absent],
            "agenda": [
                {"number": i.number, "title": i.title, **_src(i.source), **_why(i)}
                for i in self.agenda
            ],
            "decisions": [
                {"text": d.text, "agenda_item": d.agenda_item, **_src(d.source), **_why(d)}
                for d in self.decisions
            ],
            "actions": [
                {
                    "text": a.text,
                    "owners": list(a.owners),
                    "due": a.due,
                    **_src(a.source),
                    **_why(a),
                }
                for a in self.actions
            ],
            "next_meetings": [_meeting(m, with_source=True) for m in self.next_meetings],
        }

    def to_json(self, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Minutes:
        """The inverse of `to_dict`: Minutes JSON (as stored) back to the typed result."""
        return cls(
            body=data.get("body"),
            meeting=_meeting_from(data.get("meeting") or {}),
            attendees=tuple(_person_from(a) for a in data.get("attendees", ())),
            absent=tuple(_person_from(a) for a in data.get("absent", ())),
            agenda=tuple(
                AgendaItem(i.get("number"), i["title"], _src_from(i), **_why_from(i))
                for i in data.get("agenda", ())
            ),
            decisions=tuple(
                Decision(d["text"], d.get("agenda_item"), _src_from(d), **_why_from(d))
                for d in data.get("decisions", ())
            ),
            actions=tuple(
                Action(
                    a["text"],
                    tuple(a.get("owners", ())),
                    a.get("due"),
                    _src_from(a),
                    **_why_from(a),
                )
                for a in data.get("actions", ())
            ),
            next_meetings=tuple(_meeting_from(m) for m in data.get("next_meetings", ())),
        )


def _why(item: Attendee | AgendaItem | Decision | Action | MeetingTime) -> dict[str, Any]:
    """The rule that found the item and how sure it is (extra keys of Minutes JSON)."""
    return {"rule": item.rule or "unnamed", "confidence": item.confidence}


def _src(source: Source | None) -> dict[str, Any]:
    return {"source": {"line": source.line}} if source else {}


def _person(a: Attendee) -> dict[str, Any]:
    return {
        "name": a.name,
        "organization": a.organization,
        "role": a.role,
        **_src(a.source),
        **_why(a),
    }


def _meeting(m: MeetingTime, *, with_source: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"date": m.date, "start": m.start, "end": m.end, "location": m.location}
    return {**out, **_src(m.source), **_why(m)} if with_source else out


def _why_from(entry: dict[str, Any]) -> dict[str, str]:
    return {k: entry[k] for k in ("rule", "confidence") if isinstance(entry.get(k), str)}


def _src_from(entry: dict[str, Any]) -> Source | None:
    source = entry.get("source")
    return Source(source["line"]) if source else None


def _person_from(entry: dict[str, Any]) -> Attendee:
    return Attendee(
        entry["name"],
        entry.get("organization"),
        entry.get("role"),
        _src_from(entry),
        **_why_from(entry),
    )


def _meeting_from(entry: dict[str, Any]) -> MeetingTime:
    return MeetingTime(
        entry.get("date"),
        entry.get("start"),
        entry.get("end"),
        entry.get("location"),
        _src_from(entry),
        **_why_from(entry),
    )
