"""Samverkan's rows as OParl 1.1 objects: one function per type; every id is an absolute URL.

Only what an anonymous visitor may read goes out: names and organisations of members, never
contact details or attendance answers (see `directory.permissions`).
"""

import datetime
import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone

SCHEMA = "https://schema.oparl.org/1.1/"
KINDS = {"invitation": "Kallelse", "minutes": "Minnesanteckningar"}
LEVEL_CLASSES = {"fokusgrupp": "fokusgrupp", "lokal": "lokal samverkan"}


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def url(name: str, *args) -> str:
    if not all(isinstance(a, int) for a in args):
        return absolute(reverse(f"oparl:{name}", args=args))
    return absolute(_path(name, len(args), get_script_prefix(), get_urlconf()).format(*args))


# Numbers no row has, reversed once per URL name and replaced by the real ids: a page of
# meetings names a few hundred objects.
_SENTINELS = [str(987654321 + n) for n in range(3)]


@functools.lru_cache(maxsize=128)
def _path(name: str, arity: int, prefix: str, urlconf) -> str:
    path = reverse(f"oparl:{name}", args=[int(s) for s in _SENTINELS[:arity]])
    path = path.replace("{", "{{").replace("}", "}}")
    for n, sentinel in enumerate(_SENTINELS[:arity]):
        path = path.replace(sentinel, f"{{{n}}}")
    return path


def extension(name: str, **params) -> str:
    """A link to Samverkan's own API for what OParl has no object for (`samverkan:…`)."""
    query = "&".join(f"{k}={v}" for k, v in sorted(params.items()))
    return absolute(reverse(f"api:{name}")) + (f"?{query}" if query else "")


def moment(value: datetime.datetime | None) -> str | None:
    """yyyy-mm-ddThh:mm:ss±hh:mm, as OParl writes a point in time."""
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def _object(kind: str, id_: str, fields: dict) -> dict:
    data = {"id": id_, "type": SCHEMA + kind}
    data.update({k: v for k, v in fields.items() if v is not None and v != ""})
    return data


def _times(row) -> dict:
    return {"created": moment(row.created_at), "modified": moment(row.modified_at)}


def deleted(kind: str, id_: str, row, **required) -> dict:
    """What remains of an object that is no longer public: id, type, times and `deleted`
    (and what its schema requires, such as an agenda item's `order`)."""
    return _object(kind, id_, {**required, **_times(row), "deleted": True})


def system() -> dict:
    return _object(
        "System",
        url("system"),
        {
            "oparlVersion": SCHEMA,
            "license": settings.OPEN_DATA_LICENSE,
            "body": url("bodies"),
            "name": "Samverkan – " + settings.COLLABORATION_NAME,
            "website": absolute("/"),
            "product": absolute("/"),
            "web": absolute("/"),
        },
    )


def body() -> dict:
    return _object(
        "Body",
        url("body"),
        {
            "system": url("system"),
            "name": settings.COLLABORATION_NAME,
            "shortName": settings.COLLABORATION_SHORT_NAME,
            "website": absolute("/"),
            "license": settings.OPEN_DATA_LICENSE,
            "classification": "Samverkan mellan region och kommuner",
            "organization": url("organizations"),
            "person": url("people"),
            "meeting": url("meetings"),
            "paper": url("papers"),
            "agendaItem": url("agenda_items"),
            "file": url("files"),
            "membership": url("memberships"),
            "legislativeTerm": [],
            "web": absolute(reverse("publishing:archive")),
            "samverkan:homeOrganizations": url("home_organizations"),
            "samverkan:api": absolute(reverse("api:openapi-json")),
            "samverkan:decisions": extension("decision_list"),
            "samverkan:assignments": extension("assignment_list"),
        },
    )


def classification(row) -> str:
    """CS, DS, DST, DOT … from the short name; fokusgrupp and lokal samverkan from the level."""
    if row.level in LEVEL_CLASSES:
        return LEVEL_CLASSES[row.level]
    prefix = (row.short_name or "").split(" ")[0]
    return prefix if prefix.isupper() else row.get_level_display()


def organization(row, public_ids: set[int]) -> dict:
    """A samverkansorgan; `subOrganizationOf` is the body it reports to, when that is public."""
    parent = row.parent_id if row.parent_id in public_ids else None
    return _object(
        "Organization",
        url("organization", row.pk),
        {
            "body": url("body"),
            "name": row.name,
            "shortName": row.short_name,
            "organizationType": "Samverkansorgan",
            "classification": classification(row),
            "subOrganizationOf": url("organization", parent) if parent else None,
            "membership": [url("membership", m.pk) for m in row.memberships.all()],
            "meeting": url("organization_meetings", row.pk),
            "web": absolute(row.get_absolute_url()),
            "samverkan:level": row.get_level_display(),
            "samverkan:area": row.area,
            "samverkan:description": row.description,
            "samverkan:assignments": extension("assignment_list", body=row.pk),
            "samverkan:decisions": extension("decision_list", body=row.pk),
            "samverkan:plans": extension("plan_list", body=row.pk),
        },
    )


def home_organization(row) -> dict:
    """Region Skåne, a municipality …: whom a member sits for (`onBehalfOf`)."""
    return _object(
        "Organization",
        url("home_organization", row.pk),
        {
            "body": url("body"),
            "name": row.name,
            "shortName": row.short_name,
            "organizationType": "Huvudman",
            "classification": row.get_kind_display(),
        },
    )


def membership(row, embedded: bool = False) -> dict:
    seat = row.get_seat_display()
    return _object(
        "Membership",
        url("membership", row.pk),
        {
            "person": None if embedded else url("person", row.person_id),
            "organization": url("organization", row.body_id),
            "role": row.get_role_display(),
            "votingRight": row.seat == row.Seat.REGULAR and row.role != row.Role.CO_OPTED,
            "startDate": row.start.isoformat() if row.start else None,
            "endDate": row.end.isoformat() if row.end else None,
            "onBehalfOf": (
                url("home_organization", row.organisation_id) if row.organisation_id else None
            ),
            "samverkan:seat": seat,
        },
    )


def person(row, omit_internal: bool = False) -> dict:
    given, _, family = row.name.rpartition(" ")
    fields = {
        "body": url("body"),
        "name": row.name,
        "familyName": family,
        "givenName": given,
    }
    if not omit_internal:
        fields["membership"] = [membership(m, embedded=True) for m in row.memberships.all()]
    return _object("Person", url("person", row.pk), fields)


def _at(day: datetime.date, time: datetime.time | None) -> str | None:
    if time is None:
        return None
    return moment(timezone.make_aware(datetime.datetime.combine(day, time)))


def location(meeting) -> dict | None:
    if not meeting.place:
        return None
    return _object(
        "Location",
        url("location", meeting.pk),
        {"description": meeting.place, "meetings": [url("meeting", meeting.pk)]},
    )


def file(
    meeting,
    kind: str,
    *,
    size: int | None = None,
    checksum: str | None = None,
    title: str | None = None,
) -> dict:
    """The kallelse or the minutes of a meeting as a PDF; size and checksum on its own page."""
    texts = getattr(meeting, "public_texts", [])
    title = title or meeting.title
    minutes = kind == "minutes"
    approved = meeting.minutes.approved_at if minutes else None
    return _object(
        "File",
        url("file", meeting.pk, kind),
        {
            "name": f"{KINDS[kind]} {title} {meeting.date:%Y-%m-%d}",
            "fileName": f"{KINDS[kind].lower()}-{meeting.date:%Y-%m-%d}.pdf",
            "mimeType": "application/pdf",
            "date": (timezone.localtime(approved).date() if approved else meeting.date).isoformat(),
            "size": size,
            "sha512Checksum": checksum,
            "text": texts[0].text if minutes and texts else None,
            "accessUrl": url("file_access", meeting.pk, kind),
            "downloadUrl": url("file_download", meeting.pk, kind),
            "meeting": [url("meeting", meeting.pk)],
            "fileLicense": settings.OPEN_DATA_LICENSE,
            **_times(meeting),
        },
    )


def agenda_item(row) -> dict:
    decisions = [d.text for d in row.ordered_decisions]
    return _object(
        "AgendaItem",
        url("agenda_item", row.pk),
        {
            "meeting": url("meeting", row.meeting_id),
            "number": str(row.position),
            "order": row.position,
            "name": row.title,
            "public": True,
            "result": "Beslut fattat" if decisions else None,
            "resolutionText": "\n\n".join(decisions),
            "samverkan:kind": row.get_kind_display(),
            **_times(row),
        },
    )


def meeting(row, omit_internal: bool = False) -> dict:
    bodies, title = list(row.bodies.all()), row.title
    fields = {
        "name": f"{title} {row.date:%Y-%m-%d}",
        "meetingState": row.get_state_display(),
        "cancelled": row.is_cancelled,
        "start": _at(row.date, row.start),
        "end": _at(row.date, row.end),
        "location": location(row),
        "organization": [url("organization", b.pk) for b in bodies],
        "invitation": file(row, "invitation", title=title),
        "resultsProtocol": file(row, "minutes", title=title),
        "license": settings.OPEN_DATA_LICENSE,
        "web": absolute(reverse("publishing:archive_minutes", args=[row.pk])),
        "samverkan:kind": row.get_kind_display(),
        "samverkan:decisions": extension("decision_list", meeting=row.pk),
        **_times(row),
    }
    if not omit_internal:
        fields["agendaItem"] = [agenda_item(item) for item in row.items.all()]
    return _object("Meeting", url("meeting", row.pk), fields)
