"""Loading the Skåne reference data and the demo content; both are safe to run again."""

import csv
import datetime
import json
from dataclasses import dataclass
from importlib import resources

from django.contrib.auth import get_user_model
from django.db import transaction

from samverkan.directory.models import Body, Membership, Organisation, Person

DATA = resources.files("samverkan.directory") / "data"


@dataclass
class LoadCounts:
    created: int = 0
    updated: int = 0

    def add(self, created: bool) -> None:
        if created:
            self.created += 1
        else:
            self.updated += 1


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@transaction.atomic
def load_reference() -> dict[str, LoadCounts]:
    """Create or update Skåne's organisations and the bodies of Vårdsamverkan Skåne."""
    counts = {"organisations": LoadCounts(), "bodies": LoadCounts()}
    for row in _rows("organisations.csv"):  # `note` (a source's doubt) is never a name
        parent = Organisation.objects.get(name=row["parent"]) if row["parent"] else None
        if row["formerly"] and not Organisation.objects.filter(name=row["name"]).exists():
            Organisation.objects.filter(name=row["formerly"]).update(name=row["name"])
        _, created = Organisation.objects.update_or_create(
            name=row["name"],
            defaults={
                "short_name": row["short_name"],
                "kind": row["kind"],
                "parent": parent,
                "area": row["area"],
            },
        )
        counts["organisations"].add(created)
    for row in _rows("bodies.csv"):
        parent = Body.objects.get(short_name=row["parent"]) if row["parent"] else None
        _, created = Body.objects.update_or_create(
            short_name=row["short_name"],
            defaults={
                "name": row["name"],
                "level": row["level"],
                "area": row["area"],
                "parent": parent,
                "description": row["description"],
            },
        )
        counts["bodies"].add(created)
    return counts


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


@transaction.atomic
def load_demo() -> dict[str, LoadCounts]:
    """Demo people, accounts and memberships on top of the reference data."""
    demo = json.loads((DATA / "demo.json").read_text(encoding="utf-8"))
    counts = {"people": LoadCounts(), "memberships": LoadCounts()}
    User = get_user_model()
    for entry in demo["people"]:
        person, created = Person.objects.get_or_create(
            name=entry["name"],
            defaults={
                "title": entry["title"],
                "email": entry["email"],
                "organisation": Organisation.objects.get(name=entry["organisation"]),
            },
        )
        counts["people"].add(created)
        if "username" in entry and person.user is None:
            user = User.objects.create_user(entry["username"], entry["email"], demo["password"])
            person.user = user
            person.save(update_fields=["user"])
    if not User.objects.filter(username="admin").exists():
        User.objects.create_superuser("admin", "admin@example.se", demo["password"])
    for entry in demo["bodies"]:
        Body.objects.get_or_create(
            short_name=entry["short_name"],
            defaults={
                **{k: entry[k] for k in ("name", "level", "area", "description", "is_public")},
                "parent": Body.objects.get(short_name=entry["parent"]),
            },
        )
    for entry in demo["memberships"]:
        _, created = Membership.objects.get_or_create(
            person=Person.objects.get(name=entry["person"]),
            body=Body.objects.get(short_name=entry["body"]),
            start=_date(entry.get("start")),
            defaults={
                "organisation": Organisation.objects.get(name=entry["organisation"]),
                "role": entry["role"],
                "seat": entry["seat"],
                "end": _date(entry.get("end")),
                "substitute_for": Person.objects.filter(name=entry.get("substitute_for")).first(),
            },
        )
        counts["memberships"].add(created)
    return counts
