"""Swedish full-text search over approved minutes, their decisions and assignments.

Words are reduced to their Swedish stem (Snowball), so "beslutade" finds "beslut"; å, ä and ö
stay letters of their own. PostgreSQL stems with its `swedish` configuration into an indexed
`tsvector` column; SQLite gets Snowball stems from Python (snowballstemmer, a newer release of
the same algorithm: a few words such as "målet" are reduced further) into an FTS5 table.
Snippets are cut and highlighted here, the same way for both databases.
"""

import re
from dataclasses import dataclass
from functools import lru_cache, partial
from weakref import WeakKeyDictionary

import snowballstemmer
from django.db import connection, transaction
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from samverkan.directory import permissions
from samverkan.meetings.models import Meeting
from samverkan.publishing.documents import gather
from samverkan.publishing.models import SearchDocument

WORD = re.compile(r"\w+")
_stemmer = snowballstemmer.stemmer("swedish")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word.lower())


def stems(text: str) -> list[str]:
    return [stem(word) for word in WORD.findall(text)]


# Indexing: one meeting's approved minutes become documents; anything else removes them.


def documents_for(meeting: Meeting) -> list[SearchDocument]:
    minutes = getattr(meeting, "minutes", None)
    if minutes is None:
        return []
    if not minutes.is_locked:
        return _published_during_correction(meeting)
    title = f"{meeting.title} {meeting.date:%Y-%m-%d}"
    notes = {n.item_id: n.text for n in minutes.notes.all()}
    parts = [
        f"{item.title}: {notes[item.pk]}" if notes.get(item.pk) else f"{item.title}."
        for item in meeting.items.all()
    ]
    documents = [
        SearchDocument(
            kind=SearchDocument.Kind.MINUTES,
            title=title,
            text="\n".join(parts),
        )
    ]
    documents += [
        SearchDocument(
            kind=SearchDocument.Kind.DECISION,
            title=title,
            text=d.text,
        )
        for d in minutes.decisions.all()
    ]
    documents += [
        SearchDocument(
            kind=SearchDocument.Kind.ASSIGNMENT,
            title=title,
            text=f"{a.text}\n{', '.join(a.owners())}",
        )
        for a in meeting.assignments.prefetch_related("owner_people", "owner_bodies")
    ]
    public = is_public(meeting)
    for document in documents:
        document.meeting, document.date, document.public = meeting, meeting.date, public
    return documents


def _published_during_correction(meeting: Meeting) -> list[SearchDocument]:
    """While a correction is written, the published version stays findable as published."""
    publication = getattr(meeting, "publication", None)
    if publication is None:
        return []
    c = gather(meeting, publication.version)
    title = f"{meeting.title} {meeting.date:%Y-%m-%d}"
    parts = [f"{t}: {notes}" if notes else f"{t}." for _n, t, notes, _decisions in c.items]
    texts = [(SearchDocument.Kind.MINUTES, "\n".join(parts))]
    texts += [(SearchDocument.Kind.DECISION, d) for *_, decisions in c.items for d in decisions]
    texts += [(SearchDocument.Kind.ASSIGNMENT, f"{what}\n{who}") for who, what, _ in c.assignments]
    public = is_public(meeting)
    return [
        SearchDocument(
            meeting=meeting, date=meeting.date, public=public, kind=kind, title=title, text=text
        )
        for kind, text in texts
    ]


def is_public(meeting: Meeting) -> bool:
    """As `Publication.objects.public()` says: published, and every one of its bodies public."""
    bodies = meeting.bodies.all()
    published = getattr(meeting, "publication", None) is not None
    return published and bool(bodies) and all(body.is_public for body in bodies)


# meetings changed in a transaction not yet committed, per database connection
_waiting: "WeakKeyDictionary[object, set[int]]" = WeakKeyDictionary()


def index_when_committed(meeting_id: int) -> None:
    """Index the meeting once the transaction commits: once, however often it changed in it."""
    connection = transaction.get_connection()
    _waiting.setdefault(connection, set()).add(meeting_id)
    transaction.on_commit(partial(_index_waiting, connection, meeting_id))


def _index_waiting(connection, meeting_id: int) -> None:
    """The first hook of a commit indexes the meeting; the others find it done. A hook that
    a rollback dropped leaves the id behind, and the next change indexes it as it should."""
    waiting = _waiting.get(connection, set())
    if meeting_id in waiting:
        waiting.discard(meeting_id)
        index_meeting(meeting_id)


def index_meeting(meeting_id: int) -> None:
    """The meeting's documents are gathered and stemmed first, so that the transaction that
    replaces the old ones only writes: short, however long the minutes. Should the meeting have
    changed meanwhile (approved, corrected, published), it is gathered again in it."""
    state = _state(meeting_id)
    documents, terms = _gathered(meeting_id)
    with transaction.atomic():
        list(Meeting.objects.select_for_update().filter(pk=meeting_id).values_list("pk"))
        if _state(meeting_id) != state:
            documents, terms = _gathered(meeting_id)
        stale = SearchDocument.objects.filter(meeting_id=meeting_id).values_list("id", flat=True)
        if stale := list(stale):
            _fts_delete(stale)
            SearchDocument.objects.filter(id__in=stale).delete()
        _fts_insert(SearchDocument.objects.bulk_create(documents), terms)


def _state(meeting_id: int) -> tuple | None:
    """What the documents of a meeting follow: its state, minutes version and publication."""
    fields = ("state", "minutes__version", "minutes__approved_at", "publication__version")
    fields += ("publication__published_at",)
    return Meeting.objects.filter(pk=meeting_id).values_list(*fields).first()


def _gathered(meeting_id: int) -> tuple[list[SearchDocument], list[tuple[str, str]]]:
    found = Meeting.objects.select_related("minutes", "publication").prefetch_related("bodies")
    meeting = found.filter(pk=meeting_id).first()
    documents = documents_for(meeting) if meeting is not None else []
    return documents, _fts_terms(documents)


def rebuild() -> int:
    """Index every meeting again; returns the number of documents."""
    SearchDocument.objects.all().delete()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM publishing_searchfts")
    for meeting_id in Meeting.objects.values_list("pk", flat=True).iterator():
        index_meeting(meeting_id)
    return SearchDocument.objects.count()


def _fts_delete(ids: list[int]) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.executemany(
                "DELETE FROM publishing_searchfts WHERE rowid = %s", [(i,) for i in ids]
            )


def _fts_terms(documents: list[SearchDocument]) -> list[tuple[str, str]]:
    """The stems of each document's title and text, for the FTS5 table (SQLite only)."""
    if connection.vendor != "sqlite":
        return []
    return [(" ".join(stems(d.title)), " ".join(stems(d.text))) for d in documents]


def _fts_insert(
    documents: list[SearchDocument], terms: list[tuple[str, str]] | None = None
) -> None:
    if connection.vendor == "sqlite" and documents:
        terms = _fts_terms(documents) if terms is None else terms
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO publishing_searchfts (rowid, title, text) VALUES (%s, %s, %s)",
                [(d.pk, *t) for d, t in zip(documents, terms, strict=True)],
            )


# Searching


@dataclass
class Hit:
    document: SearchDocument
    snippet: SafeString


@dataclass
class Results:
    hits: list[Hit]
    total: int  # counted up to RANKED_AT_MOST + 1
    newest_first: bool = False

    @property
    def many(self) -> bool:
        return self.total > RANKED_AT_MOST


# Up to this many matches are ranked by relevance; beyond it the newest come first, which is
# both cheaper than ranking tens of thousands of rows and more useful to the reader.
RANKED_AT_MOST = 1000


def searchable_by(user):
    """Everyone finds published minutes; members also their own bodies' approved minutes."""
    documents = SearchDocument.objects.all()
    if not user.is_authenticated:
        return documents.filter(public=True)
    # the public part is the documents' own flag: the meeting rule only adds the user's own
    own = Meeting.objects.filter(permissions.own_minutes_filter(user))
    return documents.filter(Q(public=True) | Q(meeting_id__in=own.values("pk")))


def search(documents, query: str, *, limit: int = 20, offset: int = 0) -> Results:
    """The documents (an already filtered queryset) matching every word of the query."""
    words = {stem(w) for w in WORD.findall(query)}
    if not words:
        return Results([], 0)
    if connection.vendor == "postgresql":
        matching, ranked = _postgresql(documents, query)
    else:
        matching, ranked = _sqlite(documents, words)
    total = matching[: RANKED_AT_MOST + 1].count()
    newest_first = total > RANKED_AT_MOST
    if newest_first:
        ids = list(matching.order_by("-date", "-id").values_list("id", flat=True)[offset:][:limit])
    else:
        ids = ranked(limit, offset)
    found = SearchDocument.objects.select_related("meeting").prefetch_related("meeting__bodies")
    by_id = found.in_bulk(ids)
    hits = [Hit(by_id[i], snippet(by_id[i].text, words)) for i in ids if i in by_id]
    return Results(hits, total, newest_first)


def _postgresql(documents, query: str):
    """The generated `vector` column, stemmed by PostgreSQL's `swedish` configuration."""
    tsquery = "plainto_tsquery('swedish', %s)"
    matching = documents.filter(
        RawSQL(f"publishing_searchdocument.vector @@ {tsquery}", [query], BooleanField())
    )

    def ranked(limit: int, offset: int) -> list[int]:
        rank = RawSQL(f"ts_rank(publishing_searchdocument.vector, {tsquery})", [query])
        best = matching.annotate(rank=rank).order_by("-rank", "-date")
        return list(best.values_list("id", flat=True)[offset:][:limit])

    return matching, ranked


def _sqlite(documents, words: set[str]):
    """The FTS5 table of Snowball stems, ranked by bm25 with the title weighing most."""
    match = " ".join(f'"{w}"' for w in sorted(words))
    fts = "SELECT rowid FROM publishing_searchfts WHERE publishing_searchfts MATCH %s"
    # "+": walk the scope's index by date and test each id against the matches, rather
    # than fetch every matching row to sort it
    matching = documents.filter(
        RawSQL(f"+publishing_searchdocument.id IN ({fts})", [match], BooleanField())
    )

    def ranked(limit: int, offset: int) -> list[int]:
        scope, params = documents.values("id").query.sql_with_params()
        # "+rowid": FTS5 must not look each scope id up on its own, only filter its matches
        sql = (
            f"{fts} AND +rowid IN ({scope}) "
            "ORDER BY bm25(publishing_searchfts, 3.0, 1.0) LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [match, *params, limit, offset])
            return [row[0] for row in cursor.fetchall()]

    return matching, ranked


def snippet(text: str, words: set[str], width: int = 32) -> SafeString:
    """A window of the text around the first match, matching words in <mark>."""
    matches = list(WORD.finditer(text))
    marked = [i for i, m in enumerate(matches) if stem(m.group()) in words]
    first = max(0, (marked[0] if marked else 0) - width // 4)
    marked_set = set(marked)
    window = matches[first : first + width]
    if not window:
        return mark_safe("")
    start, end = window[0].start(), window[-1].end()
    out, position = [], start
    for index, match in enumerate(window, start=first):
        if index in marked_set:
            out += [escape(text[position : match.start()]), "<mark>", escape(match.group())]
            out.append("</mark>")
            position = match.end()
    out.append(escape(text[position:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if WORD.search(text, end) else ""
    return mark_safe(prefix + " ".join("".join(out).split()) + suffix)
