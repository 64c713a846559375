"""Swedish full-text search over approved minutes, their decisions and assignments.

Words are reduced to their Swedish stem (Snowball), so "beslutade" finds "beslut"; å, ä and ö
stay letters of their own. PostgreSQL stems with its `swedish` configuration into an indexed
`tsvector` column; SQLite gets the same Snowball stems from Python into an FTS5 table.
Snippets are cut and highlighted here, the same way for both databases.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from django.db import connection, transaction
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from samverkan.meetings.models import Meeting
from samverkan.publishing.models import Publication, SearchDocument

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
    if minutes is None or not minutes.is_locked:
        return []
    title = f"{meeting.title} {meeting.date:%Y-%m-%d}"
    notes = {n.item_id: n.text for n in minutes.notes.all()}
    parts = [f"{item.title}\n{notes.get(item.pk, '')}" for item in meeting.items.all()]
    documents = [
        SearchDocument(
            kind=SearchDocument.Kind.MINUTES,
            title=f"Minnesanteckningar {title}",
            text="\n".join(parts),
        )
    ]
    documents += [
        SearchDocument(
            kind=SearchDocument.Kind.DECISION,
            title=f"Beslut {title}",
            text=d.text,
        )
        for d in minutes.decisions.all()
    ]
    documents += [
        SearchDocument(
            kind=SearchDocument.Kind.ASSIGNMENT,
            title=f"Uppdrag {title}",
            text=f"{a.text}\n{', '.join(a.owners())}",
        )
        for a in meeting.assignments.prefetch_related("owner_people", "owner_bodies")
    ]
    for document in documents:
        document.meeting, document.date = meeting, meeting.date
    return documents


@transaction.atomic
def index_meeting(meeting_id: int) -> None:
    meeting = Meeting.objects.filter(pk=meeting_id).select_related("minutes").first()
    stale = list(SearchDocument.objects.filter(meeting_id=meeting_id).values_list("id", flat=True))
    if stale:
        _fts_delete(stale)
        SearchDocument.objects.filter(id__in=stale).delete()
    if meeting is not None:
        _fts_insert(SearchDocument.objects.bulk_create(documents_for(meeting)))


def rebuild() -> int:
    """Index every meeting again; returns the number of documents."""
    for meeting_id in Meeting.objects.values_list("pk", flat=True).iterator():
        index_meeting(meeting_id)
    return SearchDocument.objects.count()


def _fts_delete(ids: list[int]) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.executemany(
                "DELETE FROM publishing_searchfts WHERE rowid = %s", [(i,) for i in ids]
            )


def _fts_insert(documents: list[SearchDocument]) -> None:
    if connection.vendor == "sqlite" and documents:
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO publishing_searchfts (rowid, title, text) VALUES (%s, %s, %s)",
                [(d.pk, " ".join(stems(d.title)), " ".join(stems(d.text))) for d in documents],
            )


# Searching


def searchable_by(user):
    """Members read their bodies' approved minutes; everyone else only what is published."""
    if user.is_authenticated:
        return SearchDocument.objects.filter(meeting__in=Meeting.objects.visible_to(user))
    return SearchDocument.objects.filter(meeting__in=Publication.objects.public().values("meeting"))


@dataclass
class Hit:
    document: SearchDocument
    snippet: SafeString


@dataclass
class Results:
    hits: list[Hit]
    total: int


def search(documents, query: str, *, limit: int = 20, offset: int = 0) -> Results:
    """The documents (an already filtered queryset) matching every word of the query, best first."""
    words = {stem(w) for w in WORD.findall(query)}
    if not words:
        return Results([], 0)
    scope, scope_params = documents.values("id").query.sql_with_params()
    if connection.vendor == "postgresql":
        found = (
            "FROM publishing_searchdocument d, plainto_tsquery('swedish', %s) q "
            f"WHERE d.vector @@ q AND d.id IN ({scope})"
        )
        params: list = [query, *scope_params]
        rank = "ts_rank(d.vector, q) DESC"
    else:
        found = (
            "FROM publishing_searchfts f "
            f"WHERE publishing_searchfts MATCH %s AND f.rowid IN ({scope})"
        )
        params = [" ".join(f'"{w}"' for w in sorted(words)), *scope_params]
        rank = "bm25(publishing_searchfts, 3.0, 1.0)"
    id_column = "d.id" if connection.vendor == "postgresql" else "f.rowid"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) {found}", params)
        total = cursor.fetchone()[0]
        cursor.execute(
            f"SELECT {id_column} {found} ORDER BY {rank} LIMIT %s OFFSET %s",
            [*params, limit, offset],
        )
        ids = [row[0] for row in cursor.fetchall()]
    by_id = SearchDocument.objects.select_related("meeting").in_bulk(ids)
    hits = [Hit(by_id[i], snippet(by_id[i].text, words)) for i in ids if i in by_id]
    return Results(hits, total)


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
    suffix = " …" if end < len(text.rstrip()) else ""
    return mark_safe(prefix + " ".join("".join(out).split()) + suffix)
