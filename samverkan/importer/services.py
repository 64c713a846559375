"""Documents in, meetings out: reading, recognising repeats, review plans and confirmation."""

import datetime
import hashlib
import logging
import re
import time
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rapidfuzz import fuzz
from simple_history.utils import bulk_create_with_history

from samverkan.directory.models import Body, Membership, Organisation, Person
from samverkan.extraction import Minutes, ReadError, extract_text
from samverkan.extraction.dates import on_or_after
from samverkan.extraction.readers import read_bytes
from samverkan.followup import report_backs
from samverkan.followup.models import Assignment
from samverkan.followup.services import Given, create_assignments
from samverkan.importer import limits
from samverkan.importer.documents import guess_kind, justering_of
from samverkan.importer.matching import Match, match_name
from samverkan.importer.models import Document
from samverkan.importer.notes import as_notes, item_of_line, rewrite, sections, source_lines
from samverkan.meetings.models import AgendaItem, Attendance, Meeting
from samverkan.meetings.services import plan_meeting
from samverkan.minutes.models import Decision, Note
from samverkan.minutes.models import Minutes as MinutesRecord
from samverkan.minutes.services import approve, minutes_for

log = logging.getLogger(__name__)

IMPORTED, ALREADY, REVIEW, FAILED = "importerad", "finns redan", "granskas", "misslyckades"
BODY_MATCH = 80  # rapidfuzz token_set_ratio between the document's body and a Body's name


@dataclass
class Outcome:
    name: str
    status: str
    reason: str = ""
    document: Document | None = None


def ingest(
    name: str, data: bytes, *, body: Body | None = None, by=None, confirm_when_clear: bool = False
) -> Outcome:
    """Read one document into a draft for review, or straight in when nothing is unclear.

    Whatever goes wrong with this document is its own Swedish result and leaves nothing
    behind; a failure while confirming rolls the confirmation back whole and the draft stays.
    """
    try:
        text, minutes = _read(name, data)
    except ReadError as error:
        return Outcome(name, FAILED, str(error))
    digest = hashlib.sha256(" ".join(text.split()).encode()).hexdigest()
    existing = Document.objects.filter(sha256=digest).first()
    if existing:
        return Outcome(
            name, ALREADY, _("samma innehåll som %(n)s") % {"n": existing.name}, existing
        )
    if not _looks_like_minutes(minutes):
        return Outcome(name, FAILED, _("ser inte ut som mötesanteckningar"))
    document = Document(
        sha256=digest,
        name=name[:300],
        text=text,
        data=minutes.to_dict(),
        body=body or infer_body(text),
        date=parse_iso(minutes.meeting.date),
        created_by=by,
    )
    try:
        with transaction.atomic():
            document.file.save(Path(name).name[-100:] or "dokument", ContentFile(data), save=False)
            document.duplicate_of = likely_duplicate(document)
            document.save()
    except Exception:
        log.exception("Import of %s could not be saved", name)
        if document.file:
            document.file.delete(save=False)
        return Outcome(name, FAILED, _("dokumentet kunde inte sparas; inget har ändrats"))
    if document.duplicate_of is not None:
        return Outcome(name, REVIEW, duplicate_reason(document), document)
    plan = review_plan(document) if confirm_when_clear and document.body else None
    if plan is not None and not plan.needs_choice:
        try:
            confirm(document, body=document.body, by=by, plan=plan)
        except ValidationError as error:
            return Outcome(name, REVIEW, " ".join(error.messages), document)
        return Outcome(name, IMPORTED, "", document)
    return Outcome(name, REVIEW, _("behöver granskas"), document)


def _read(name: str, data: bytes) -> tuple[str, Minutes]:
    """The text and extracted minutes, or ReadError with a Swedish reason for any failure."""
    limit = settings.IMPORT_MAX_BYTES
    if len(data) > limit:
        raise ReadError(_("filen är för stor (högst %(mb)d MB)") % {"mb": limit // 2**20})
    try:
        with limits.time_limit(settings.IMPORT_SECONDS_PER_DOCUMENT):
            text = read_bytes(name, data)
            limits.check_text(text)
            minutes = extract_text(text)
        limits.check_items(minutes)
        return text, minutes
    except ReadError:
        raise
    except limits.TooSlow as error:
        raise ReadError(
            _("dokumentet tog för lång tid att läsa (mer än %(s)d sekunder)")
            % {"s": settings.IMPORT_SECONDS_PER_DOCUMENT}
        ) from error
    except Exception as error:  # a reader or rule tripping over a malformed file
        log.exception("Import of %s could not be read", name)
        raise ReadError(_("filen kunde inte läsas (den kan vara skadad)")) from error


def _looks_like_minutes(minutes) -> bool:
    found = (minutes.meeting.date, minutes.attendees, minutes.decisions, minutes.actions)
    return sum(bool(x) for x in found) >= 2 or len(minutes.agenda) >= 3


def infer_body(text: str) -> Body | None:
    """The body the document's header names, whatever format the text came from."""
    header = " ".join(" ".join(as_notes(source_lines(text)[:60]).split()).split()[:80])
    if not header:
        return None
    best, best_key = None, (BODY_MATCH, 0)
    for body in Body.objects.all():
        for name in (body.name, body.short_name):
            if not name:
                continue
            key = (fuzz.token_set_ratio(name.casefold(), header.casefold()), len(name.split()))
            if key > best_key:
                best, best_key = body, key
    return best


SAME_TEXT = 90  # rapidfuzz ratio between two documents' normalised texts
KEEP, SKIP, REPLACE = "behåll båda", "hoppa över", "ersätt"


def likely_duplicate(document: Document) -> Document | None:
    """An earlier import of the same body and date, or of nearly the same text."""
    date = document.date
    earlier = Document.objects.exclude(pk=document.pk).filter(date=date)
    if document.body_id and date:
        same_day = earlier.filter(body=document.body, state=Document.State.IMPORTED)
        same_day = same_day or earlier.filter(meeting__bodies=document.body)
        if same_day:
            return same_day[0]
    words = " ".join(document.text.split())
    for other in earlier.only("pk", "text", "name")[:50]:
        if fuzz.ratio(words, " ".join(other.text.split()), score_cutoff=SAME_TEXT):
            return other
    return None


def duplicate_reason(document: Document) -> str:
    return _(
        "troligen samma möte som %(n)s, välj om det ska hoppas över, ersätta eller läggas till"
    ) % {"n": document.duplicate_of.name}


def can_replace(earlier: Document) -> bool:
    """An earlier import may be replaced while nothing has been added to its meeting since."""
    meeting = earlier.meeting
    if meeting is None or earlier.imported_at is None:
        return earlier.state == Document.State.REVIEW
    minutes = getattr(meeting, "minutes", None)
    if meeting.state == Meeting.State.PUBLISHED or (minutes and minutes.version > 1):
        return False
    later = earlier.imported_at + datetime.timedelta(seconds=5)
    return not (
        Note.objects.filter(minutes__meeting=meeting, updated_at__gt=later).exists()
        or meeting.items.filter(attachments__isnull=False).exists()
    )


def _replace_earlier(document: Document, body: Body, day: datetime.date) -> None:
    earlier = document.duplicate_of
    if earlier is None:
        return
    if not can_replace(earlier):
        raise ValidationError(
            _("Det tidigare importerade mötet har ändrats sedan dess och kan inte ersättas.")
        )
    _remove(earlier.meeting)
    file = earlier.file
    transaction.on_commit(lambda: file.delete(save=False))  # a rollback keeps it
    Document.objects.filter(duplicate_of=earlier).update(duplicate_of=None)
    earlier.delete()
    document.duplicate_of = None


def _candidates(names: list[str]) -> list[Person]:
    """People who could be meant: the same name, or for a name not found, a similar surname."""
    full = [n for n in names if len(n.split()) >= 2]
    found = list(Person.objects.filter(name__in=full))
    known = {p.name.casefold() for p in found}
    query = Q()
    for name in full:
        if name.casefold() not in known:
            query |= Q(name__icontains=" " + name.split()[-1][:4])
    return found + (
        list(Person.objects.filter(query).exclude(pk__in=[p.pk for p in found])) if query else []
    )


@dataclass
class ReviewPlan:
    """Every name in the document, with the person it is or the people it might be."""

    matches: dict[str, Match] = field(default_factory=dict)

    @property
    def needs_choice(self) -> bool:
        return any(m.is_ambiguous for m in self.matches.values())


def review_plan(document: Document, data: dict | None = None) -> ReviewPlan:
    data = data or document.data
    names = [a["name"] for a in data["attendees"] + data["absent"]]
    names += [o for a in data["actions"] for o in a["owners"]]
    people = _candidates(names)
    members = (
        list(Person.objects.filter(memberships__in=Membership.objects.filter(body=document.body)))
        if document.body
        else []
    )
    attendee_people = [Person(name=a["name"]) for a in data["attendees"]]
    plan = ReviewPlan()
    for name in dict.fromkeys(names):
        match = match_name(name, people, members)
        if match.person is None and not match.choices and " " not in name.strip():
            # "Eva" in an assignment where two Evas attended: they are the choices
            same = [p for p in attendee_people if p.first_name.casefold() == name.casefold()]
            if len(same) > 1:
                match.choices = same
        plan.matches[name] = match
    return plan


def corrected(document: Document) -> Minutes:
    """The draft's extracted minutes, typed."""
    return Minutes.from_dict(document.data)


CHUNK = 100  # rows one transaction of a confirmation writes: nobody waits long for a lock
WAIT_FOR_OTHER = 10  # seconds a second confirmation of the same draft waits for the first
ALREADY_CONFIRMING = gettext_lazy("Dokumentet bekräftas redan. Vänta en stund och ladda om.")
AT_ONCE = 500  # rows of a document confirmed in one transaction (about 0.15 s of writing)
LEASE = datetime.timedelta(seconds=30)  # renewed by each transaction of a confirmation


def confirm(
    document: Document,
    *,
    body: Body,
    by=None,
    minutes: Minutes | None = None,
    chosen: dict[str, str] | None = None,
    date: datetime.date | None = None,
    kind: str = "",
    plan: "ReviewPlan | None" = None,
    duplicate: str = "",
) -> Meeting:
    """Store exactly `minutes` (the reviewer's corrected copy; the extraction if not given).

    The meeting, attendance, agenda with each item's notes, decisions, assignments and next
    meetings are stored whole or not at all: ordinary minutes (at most AT_ONCE rows) in one
    short transaction; larger ones in short transactions of at most CHUNK rows, on a meeting
    nobody is shown (`permissions.shown_meetings`) until the last one. A failure removes what
    was written; what a killed process left is removed by the next confirmation of the draft.
    A second confirmation of the same draft while one runs waits for it (WAIT_FOR_OTHER at
    most) and returns the meeting it made.
    """
    found = minutes or corrected(document)
    if chosen:
        found = replace(
            found,
            actions=tuple(
                replace(a, owners=tuple(chosen.get(o, o) for o in a.owners)) for a in found.actions
            ),
        )
    day = date or parse_iso(found.meeting.date)
    if day is None:
        raise ValidationError(_("Dokumentet saknar datum för mötet. Ange datum."))
    plan = plan or review_plan(document, found.to_dict())
    start = {"body": body, "day": day, "kind": kind, "plan": plan, "duplicate": duplicate}
    if _rows(found) <= AT_ONCE:
        return _confirm_at_once(document, found, start, by=by)
    waited_until = time.monotonic() + WAIT_FOR_OTHER
    while (meeting := _begin(document, found, **start)) is None:
        if time.monotonic() > waited_until:
            raise ValidationError(ALREADY_CONFIRMING)
        time.sleep(0.2)  # another confirmation of this draft is writing
    if meeting.importing_until is None:
        return meeting  # confirmed already
    created: list[int] = []  # people the import added to the directory
    try:
        meeting = _store(
            document,
            found,
            meeting,
            plan,
            created,
            planned=_planned(body, day),
            replace_earlier=duplicate == REPLACE,
            body=body,
            day=day,
            by=by,
        )
    except Exception:
        with transaction.atomic():
            _remove(Document.objects.get(pk=document.pk).meeting or meeting)
            Person.objects.filter(pk__in=created).delete()
        raise
    document.refresh_from_db()
    return meeting


def _rows(found: Minutes) -> int:
    """About the rows confirming writes: people and their attendance, items and their notes."""
    people = len(found.attendees) + len(found.absent)
    return 2 * people + 2 * len(found.agenda) + len(found.decisions) + len(found.actions)


def _confirm_at_once(document, found: Minutes, start: dict, *, by) -> Meeting:
    """A document of at most AT_ONCE rows: one short transaction, whole or not at all, written
    straight onto the meeting an earlier import planned for the day, if there is one."""
    with transaction.atomic(), report_backs.deferred():  # the rule once, at the end
        meeting = _begin(document, found, at_once=True, **start)
        if meeting is None:
            raise ValidationError(ALREADY_CONFIRMING)
        if meeting.importing_until is not None:
            meeting = _store(
                document,
                found,
                meeting,
                start["plan"],
                [],
                planned=None,  # the planned meeting is the one written on
                replace_earlier=False,  # done already, in this same transaction
                body=start["body"],
                day=start["day"],
                by=by,
            )
    document.refresh_from_db()
    return meeting


def _begin(document, found: Minutes, *, body, day, kind, plan, duplicate, at_once=False):
    """The first transaction: the meeting, not shown yet (or the one made already, shown).

    None while another confirmation of the draft holds its lease. What a killed confirmation
    left is removed first.
    """
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        if locked.state == Document.State.IMPORTED and locked.meeting_id:
            return locked.meeting
        leftover = locked.meeting
        if leftover is not None and leftover.importing_until is not None:
            if leftover.importing_until > timezone.now():
                return None
            _remove(leftover)
        if duplicate == REPLACE and at_once:
            _replace_earlier(locked, body, day)  # in parts, only once the new one is whole
        header = found.to_dict()["meeting"]
        kind = kind or guess_kind(locked.text)
        planned = _planned(body, day) if at_once else None
        meeting = _held(planned, header, kind) if planned else _meeting_for(body, day, header, kind)
        Document.objects.filter(pk=locked.pk).update(meeting=meeting)
        return meeting


def _store(
    document, found: Minutes, meeting, plan, created, *, planned, replace_earlier, body, day, by
) -> Meeting:
    """The transactions after the first: rows in chunks, then in one transaction the planned
    meeting taking them, the earlier import replaced, the next meetings, the justering and the
    meeting shown (nothing that was there before is touched until the new one is whole)."""
    data = found.to_dict()
    people = _people(data, plan, meeting, created)
    rows = {}
    for entry, status in [(a, Attendance.Status.PRESENT) for a in data["attendees"]] + [
        (a, Attendance.Status.ABSENT) for a in data["absent"]
    ]:
        person = people.get(entry["name"])
        if person and person.pk not in rows:
            rows[person.pk] = Attendance(meeting=meeting, person=person, status=status)
    _in_chunks(meeting, list(rows.values()), Attendance.objects.bulk_create)
    first = (planned or meeting).items.count() + 1  # after its återrapportering items
    titles = [" ".join(entry.title.split()) for entry in found.agenda] or [_("Minnesanteckningar")]
    items = [
        AgendaItem(meeting=meeting, position=position, title=title[:300])
        for position, title in enumerate(titles, start=first)
    ]
    _in_chunks(meeting, items, AgendaItem.objects.bulk_create)
    with transaction.atomic():
        record = minutes_for(meeting)
    if found.agenda:
        texts = _notes(document.text, found, extracted=corrected(document))
    else:  # no items found: the whole text is the notes, so nothing is lost
        texts = [as_notes(source_lines(document.text))]
    notes = [
        Note(minutes=record, item=item, text=text)
        for item, text in zip(items, texts, strict=True)
        if text
    ]
    _in_chunks(meeting, notes, Note.objects.bulk_create)
    decisions = [
        Decision(
            minutes=record,
            item=_item_for(items, found, entry.source.line if entry.source else None),
            text=entry.text[:4000],
        )
        for entry in found.decisions
    ]
    _in_chunks(meeting, decisions, Decision.objects.bulk_create)
    given = [_given(entry, body, people) for entry in data["actions"]]
    _in_chunks(
        meeting,
        given,
        lambda part: create_assignments(minutes=record, body=body, given=part, by=by),
    )
    justering = justering_of(document.text)
    approvers = [p for p in (_person_named(n, people) for n in justering.names) if p]
    with transaction.atomic(), report_backs.deferred():  # the rule once, at the end
        if planned is not None:  # still planned, as it is now (not cancelled or held since)
            still = Meeting.objects.select_for_update().filter(pk=planned.pk)
            planned = still.filter(state=Meeting.State.PLANNED).first()
        if planned is not None:
            meeting, record = _fold_into(planned, meeting, record, document, first=first)
        if replace_earlier:
            _replace_earlier(Document.objects.get(pk=document.pk), body, day)
        # planned and linked before the justering, so that the approved version names its
        # next meeting and its source
        for entry in data["next_meetings"]:
            _next_meeting(entry, body, day)
        Document.objects.filter(pk=document.pk).update(
            state=Document.State.IMPORTED,
            meeting=meeting,
            body=body,
            data=data,
            imported_at=timezone.now(),
        )
        _approve(record, justering, approvers, by=by)
        Meeting.objects.filter(pk=meeting.pk).update(importing_until=None)
        report_backs.sync(body.pk)  # its open assignments on coming agendas, now it is shown
    meeting.importing_until = None
    return meeting


def _in_chunks(meeting: Meeting, rows: list, write) -> None:
    """`write` CHUNK rows at a time, each part in its own transaction that renews the lease.

    SQLite has one write lock and lets a waiting writer retry only now and then: between two
    parts the lock stays free as long as a part held it, so other writers get their turn (a
    document small enough for one part per kind of row is written at once).
    """
    if connection.in_atomic_block:
        write(rows)  # the whole confirmation is one transaction: nothing to hide or renew
        return
    for start in range(0, len(rows), CHUNK):
        began = time.monotonic()
        with transaction.atomic():
            lease = timezone.now() + LEASE
            if not Meeting.objects.filter(pk=meeting.pk).update(importing_until=lease):
                raise ValidationError(ALREADY_CONFIRMING)  # another confirmation took over
            write(rows[start : start + CHUNK])
        if connection.vendor == "sqlite" and start + CHUNK < len(rows):
            time.sleep(time.monotonic() - began)


def _approve(record, justering, approvers: list[Person], *, by) -> None:
    """The justering the document names (the § numbers are given in it)."""
    version = approve(
        record,
        by=by,
        approval=MinutesRecord.Approval.ON_PAPER
        if approvers
        else MinutesRecord.Approval.NEXT_MEETING,
        approvers=approvers,
    )
    if justering.date:
        stamp = timezone.make_aware(datetime.datetime.combine(justering.date, datetime.time(12)))
        MinutesRecord.objects.filter(pk=record.pk).update(approved_at=stamp)
        record.approved_at = stamp
        version.approved_at = stamp
        version.save(update_fields=["approved_at"])


def _remove(meeting: Meeting | None) -> None:
    """A meeting with everything written on it (assignments given there are kept otherwise)."""
    if meeting is not None:
        Assignment.objects.filter(meeting=meeting).delete()
        meeting.delete()


def _item_for(items: list[AgendaItem], found: Minutes, line: int | None) -> AgendaItem | None:
    index = item_of_line(found, line)
    return items[index] if index is not None else None


def _notes(text: str, found: Minutes, *, extracted: Minutes) -> list[str]:
    """Each item's lines as its notes, with the reviewer's wording of its decisions.

    Items are matched to the extracted ones by their source line, so a renamed item keeps
    its text; an item the reviewer removed hands its lines to the item before it.
    """
    parts = sections(text, extracted)
    by_line = {
        i.source.line: as_notes(lines)
        for i, lines in zip(extracted.agenda, parts.items, strict=True)
        if i.source
    }
    kept_lines = {i.source.line for i in found.agenda if i.source}
    texts = [by_line.get(i.source.line, "") if i.source else "" for i in found.agenda]
    orphans = sorted(line for line in by_line if line not in kept_lines)
    for line in orphans:
        target = item_of_line(found, line)
        if target is None and found.agenda:
            target = 0
        if target is not None and by_line[line]:
            texts[target] = "\n\n".join(t for t in (texts[target], by_line[line]) if t)
    for line, before, after in _rewrites(extracted, found):
        target = item_of_line(found, line)
        if target is not None:
            texts[target] = rewrite(texts[target], before, after)
    return texts


def _rewrites(extracted: Minutes, found: Minutes) -> list[tuple[int, str, str]]:
    """(line, original, reviewer's wording) of each decision the reviewer reworded."""
    by_line: dict[int, tuple[list[str], list[str]]] = {}
    for key, decisions in ((0, extracted.decisions), (1, found.decisions)):
        for d in decisions:
            if d.source:
                by_line.setdefault(d.source.line, ([], []))[key].append(d.text)
    out = []
    for line, (before, after) in by_line.items():
        unchanged = set(before) & set(after)
        old = [t for t in before if t not in unchanged]
        new = [t for t in after if t not in unchanged]
        out += [(line, a, b) for a, b in zip(old, new, strict=False)]
    return out


def _meeting_for(body: Body, day: datetime.date, found: dict, kind: str) -> Meeting:
    """A new meeting, held, that nobody is shown until the import is done."""
    meeting = Meeting.objects.create(
        date=day,
        state=Meeting.State.HELD,
        importing_until=timezone.now() + LEASE,
        start=_time(found["start"]),
        end=_time(found["end"]),
        place=(found["location"] or "")[:200],
        kind=kind,
    )
    meeting.bodies.set([body])
    return meeting


def _held(planned: Meeting, found: dict, kind: str) -> Meeting:
    """The planned meeting, held as the document tells, for a confirmation in one transaction."""
    planned.start = _time(found["start"]) or planned.start
    planned.end = _time(found["end"]) or planned.end
    planned.place = (found["location"] or "")[:200] or planned.place
    planned.kind = kind or planned.kind
    planned.importing_until = timezone.now() + LEASE
    planned.save()
    planned.mark_held()
    planned.attendance.all().delete()  # the document says who came
    return planned


def _planned(body: Body, day: datetime.date) -> Meeting | None:
    """The meeting an earlier import planned for this day (its "nästa möte"), if any."""
    return body.meetings.filter(date=day, state=Meeting.State.PLANNED, source=None).first()


def _fold_into(
    planned: Meeting, meeting: Meeting, record, document, *, first: int
) -> tuple[Meeting, object]:
    """The planned meeting takes what the import wrote on `meeting`, in a few statements: its
    agenda stays first (items added to it meanwhile too), the document says who came. Returns
    it and its minutes."""
    for name in ("start", "end", "place", "kind"):
        setattr(planned, name, getattr(meeting, name) or getattr(planned, name))
    planned.importing_until = timezone.now() + LEASE
    planned.save()
    if behind := planned.items.count() + 1 - first:
        AgendaItem.objects.filter(meeting=meeting).update(position=F("position") + behind)
    planned.mark_held()
    planned.attendance.all().delete()
    for model in (Attendance, AgendaItem, Assignment):
        model.objects.filter(meeting=meeting).update(meeting=planned)
    kept = MinutesRecord.objects.filter(meeting=planned).first()
    if kept is None:
        MinutesRecord.objects.filter(pk=record.pk).update(meeting=planned)
        kept = MinutesRecord.objects.get(pk=record.pk)
    else:
        Note.objects.filter(minutes=record).update(minutes=kept)
        Decision.objects.filter(minutes=record).update(minutes=kept)
    Document.objects.filter(pk=document.pk).update(meeting=planned)
    meeting.delete()
    return planned, kept


def _people(data, plan: ReviewPlan, meeting: Meeting, created: list[int]) -> dict[str, Person]:
    """Attendees as matched, or created (in chunks, their ids added to `created`) when the
    directory lacks them; other known names."""
    found: dict[str, Person] = {}
    new: dict[str, Person] = {}
    organisations = {o.name.casefold(): o for o in Organisation.objects.all()}
    for entry in data["attendees"] + data["absent"]:
        match = plan.matches.get(entry["name"])
        if match is not None and match.is_ambiguous:
            continue
        if match is not None and match.person is not None:
            found[entry["name"]] = match.person
        elif entry["name"] not in new:
            new[entry["name"]] = _new_person(entry, organisations)
    made: list[Person] = []

    def add(part: list[Person]) -> None:
        made.extend(bulk_create_with_history(part, Person))
        created.extend(p.pk for p in made[-len(part) :])

    _in_chunks(meeting, list(new.values()), add)
    found.update(zip(new, made, strict=True))
    for name, match in plan.matches.items():
        if name not in found and match.person:
            found[name] = match.person
    # an owner spelled a little differently from an attendee of the same document is that
    # attendee, whether or not the directory knew them before this import
    attendees = list({p.pk: p for p in found.values()}.values())
    for name, match in plan.matches.items():
        if name not in found and not match.is_ambiguous and " " in name.strip():
            close = match_name(name, attendees, [])
            if close.person:
                found[name] = close.person
    return found


def _new_person(entry: dict, organisations: dict[str, Organisation]) -> Person:
    """An attendee the directory lacks, to be stored with the others in one statement."""
    organisation = organisations.get((entry.get("organization") or "").casefold())
    return Person(
        name=entry["name"][:200], organisation=organisation, title=(entry.get("role") or "")[:200]
    )


def _person_named(name: str, people: dict[str, Person]) -> Person | None:
    return people.get(name) or Person.objects.filter(name=name).first()


def _given(entry, body, people) -> Given:
    """Owners as matched or chosen in the review; names left unresolved stay in the text."""
    owners, unknown = [], []
    for name in dict.fromkeys(entry["owners"]):
        person = _person_named(name, people)
        if person is None or person not in owners:
            (owners if person else unknown).append(person or name)
    text = entry["text"]
    if unknown:
        text += " " + _("(ansvariga enligt protokollet: %(names)s)") % {"names": ", ".join(unknown)}
    due = parse_iso(entry["due"])
    return Given(
        text=text[:4000],
        people=tuple(owners),
        bodies=() if owners else (body,),
        due_date=due,
        due_body=None if due else body,
    )


def _next_meeting(entry, body, day):
    date = parse_iso(entry["date"]) or _year_for(entry["date"], day)
    if date and date > day and not body.meetings.filter(date=date).exists():
        plan_meeting(  # its återrapportering follows from the rule in followup.report_backs
            standard_items=False,
            bodies=[body],
            date=date,
            start=_time(entry["start"]),
            end=_time(entry["end"]),
            place=(entry["location"] or "")[:200],
        )


def parse_iso(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value and not value.startswith("--") else None
    except ValueError:
        return None


def _year_for(value: str | None, day: datetime.date) -> datetime.date | None:
    """ "--12-14" after a meeting on 2023-11-24 is 2023-12-14 (the spec's year rule)."""
    m = re.fullmatch(r"--(\d\d)-(\d\d)", value or "")
    return on_or_after(day, int(m[1]), int(m[2])) if m else None


def _time(value: str | None) -> datetime.time | None:
    return datetime.time.fromisoformat(value) if value else None


SEEDS = {
    # the two real minutes the project started from: the DOT one is imported with its
    # ambiguous "Maria" kept as written; the Sydost one (no date) waits on the review screen
    "dot-nordost-2023-11-24.txt": ("DOT Nordost", True),
    "sydost-tjanstemannaforberedande.txt": ("TB Sydost", False),
}


def import_seeds() -> list[Outcome]:
    folder = resources.files("samverkan.importer") / "data"
    outcomes = []
    for name, (short, confirm_anyway) in SEEDS.items():
        outcome = ingest(
            name,
            (folder / name).read_bytes(),
            body=Body.objects.get(short_name=short),
            confirm_when_clear=True,
        )
        if outcome.status == REVIEW and confirm_anyway:
            confirm(outcome.document, body=outcome.document.body)
            outcome = Outcome(name, IMPORTED, "", outcome.document)
        outcomes.append(outcome)
    return outcomes
