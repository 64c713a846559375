"""Validation of OParl responses against the 1.1 schemas, embedded objects included."""

import datetime
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from jsonschema import Draft4Validator, FormatChecker

SCHEMAS = {
    path.stem: json.loads(path.read_text(encoding="utf-8"))
    for path in (Path(__file__).parent / "schema").glob("*.json")
}
MOMENT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
checker = FormatChecker()


@checker.checks("url")
def _is_url(value) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@checker.checks("date-time")
def _is_moment(value) -> bool:
    return bool(MOMENT.match(value)) and datetime.datetime.fromisoformat(value) is not None


@checker.checks("date")
def _is_date(value) -> bool:
    return datetime.date.fromisoformat(value) is not None and len(value) == 10


def validate(obj: dict) -> None:
    """The object against its type's schema, then each object it embeds against theirs."""
    kind = obj["type"].rsplit("/", 1)[-1]
    schema = SCHEMAS[kind]
    Draft4Validator(schema, format_checker=checker).validate(obj)
    for name, spec in schema["properties"].items():
        value = obj.get(name)
        if value is None:
            continue
        if spec.get("type") == "object" and "schema" in spec:
            validate(value)
        elif spec.get("type") == "array" and "schema" in spec.get("items", {}):
            for each in value:
                validate({"type": obj["type"].replace(kind, spec["items"]["schema"][:-5])} | each)


def embedded(obj: dict):
    """Every object inside `obj` (files, location, agenda items, memberships)."""
    for value in obj.values():
        if isinstance(value, dict) and "type" in value:
            yield value
            yield from embedded(value)
        elif isinstance(value, list):
            for each in value:
                if isinstance(each, dict) and "id" in each:
                    yield each
                    yield from embedded(each)


def validate_list(page: dict) -> None:
    assert set(page) >= {"data", "pagination", "links"}, page.keys()
    for obj in page["data"]:
        validate(obj)
