"""The document's frame: agenda headings, the meeting's body, date, time and place."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from samverkan.extraction.dates import find_dates, find_time_range, is_date_only, resolve
from samverkan.extraction.model import HIGH, LOW, MEDIUM, AgendaItem, MeetingTime, Source
from samverkan.extraction.people import find_names
from samverkan.extraction.text import Block

# Headings that label a part of the document rather than an item on the agenda
NOT_AGENDA = re.compile(
    r"(?i)^(n[äa]r?a?varande|kallade|frånvarande|ej närvarande|deltagare|dagordning|agenda|"
    r"innehåll|förslag|beslut|anteckningar|minnesanteckningar|protokoll|sida|bilagor?|"
    r"justerandes sign(atur)?|utdragsbestyrkande|underskrifter|styrelsemedlemmar|"
    r"sammanfattning av .*)$"
)
# "§ 12 Val av justerare", "1. Mötets öppnande", "10 a. Fastställande", "3.2 Ekonomi"
NUMBERED = re.compile(r"^(§\s*\d+[a-z]?|\d{1,2}(?:\.\d{1,2})?(?:\s?[a-z])?)(?:[.)]|\s)\s*(\S.*)$")
PARAGRAPH_ONLY = re.compile(r"^§\s*\d+[a-z]?$")
LABEL_VALUE = re.compile(r"^[\w ,&§]{2,40}:\s")
# "Mötet öppnas 13.25", "Mötet avslutades": a statement on its own line, not an item
MEETING_STATEMENT = re.compile(r"(?i)^(mötet|sammanträdet)\s+\w+(as|ades|ats|des)\b")
# "Mötets öppnande 12.00": a clock time or page number at the end of a heading
TRAILING_NUMBER = re.compile(r"\s+(?:kl\.?\s*)?(?:\d{1,2}[.:]\d\d|\d{1,3})$")
AGENDA_LIST_TITLE = re.compile(r"(?i)\b(agenda|dagordning|föredragningslista)\b")
# "Mötet öppnas 13.25", "förklarade mötet öppnat klockan 19:38", "Mötets öppnande 12.00"
OPENED = re.compile(r"(?i)\b(öppnas|öppnades|öppnat|öppnade|öppnande)\b")
CLOSED = re.compile(r"(?i)\b(avslutas|avslutades|avslutat|avslutade|avslutande)\b")
MEETING_NOUN = re.compile(r"(?i)\bmöte|sammanträde")
TIME_LABEL = re.compile(r"(?i)\b(tid|kl|klockan|plats och tid)\b")
# "Plats: Kommunhuset"; a protocol's "Plats och tid" often without its colon (a table's label
# column run into the value), also quoted ("> Plats och tid Rådhuset, kl. 13.00–16.30")
PLACE = re.compile(r"(?i)^(?:>\s*)?plats(?::|\s+och\s+tid\b(?!\s+för\b):?)\s*(.+)$")
DATE_LABEL = re.compile(r"(?i)\b(datum|sammanträdesdatum|date|dag)\b")
# "Minnesanteckningar tjänstemannaförberedande möte delregional samverkan Sydost"
DOC_KIND = re.compile(
    r"(?i)^(?:minnesanteckningar|mötesanteckningar|anteckningar|mötesprotokoll|"
    r"sammanträdesprotokoll|protokoll(?: fört)?(?: vid| från)?|sammanfattning)\b[\s:,-]*"
)
# Words that name a collaboration body: "… tjänstemannaberedning", "Barn- och utbildningsnämnden"
BODY_WORD = re.compile(
    r"(?i)(samverkan\b|beredning|nämnd|styrelse|utskott|råd\b|grupp(en)?\b|organ\b|"
    r"samverkansorgan)"
)
MEETING_WORDS = re.compile(r"(?i)^(?:[\wåäö]+\s+)?(?:möte|sammanträde)\s+(?:med|i|för)?\s*")


# "§ 4 Val av justerare" written as an ordinary paragraph
SECTION_PARA = re.compile(r"^§\s*\d+\s+\S")


def is_heading(block: Block) -> bool:
    if block.kind == "heading":
        return True
    text = block.text
    return (
        block.kind == "para"
        and text.startswith("§")
        and bool(SECTION_PARA.match(text))
        and len(text.split()) <= 20
    )


# A row of a protocol's table of contents: "|§ 113|Fördjupad månadsrapport|7|",
# "|§|27|Meddelanden||5|"; a row without "§" goes on the title above ("||och efterkalkylering|8|"),
# also across the rule under the first row
CONTENTS_NUMBER = re.compile(r"^§\s*(\d{1,4}[a-z]?)?$")
PAGE_CELL = re.compile(r"^\d{1,3}(\s*[-–]\s*\d{1,3})?$")


def contents_table(blocks: list[Block]) -> list[AgendaItem]:
    """The § list ("Innehåll") of a formal protocol, when it has three rows or more.

    Unnumbered title rows before the first § row ("Protokollets justering", "Upprop") are items
    too; a row that starts in lower case goes on the title above.
    """
    rows: dict[int, list[str]] = {}
    for block in blocks:
        if block.kind == "para" and block.table:
            rows.setdefault(block.line, []).append(block.text.strip())
    items: list[AgendaItem] = []
    numbered = 0
    last_line = -2
    for line, cells in rows.items():
        cells = [c for c in cells if c]
        while cells and PAGE_CELL.match(cells[-1]) and len(cells) > 1:
            cells.pop()  # the page number
        if not cells:
            continue
        number = CONTENTS_NUMBER.match(cells[0])
        if number:
            digits = number[1] or (cells[1] if len(cells) > 1 and cells[1].isdigit() else None)
            title_cells = cells[1:] if number[1] else cells[2:]
            if digits and title_cells:
                items.append(
                    AgendaItem(f"§ {digits}", " ".join(title_cells), Source(line), "contents", HIGH)
                )
                numbered += 1
                last_line = line
                continue
        text = " ".join(cells)
        # the line between may be the Markdown rule under a table's first row ("|---|---|")
        if items and _next_row(line, last_line, rows) and text[:1].islower():
            previous = items[-1]
            joined = previous.title[:-1] if previous.title.endswith("-") else f"{previous.title} "
            items[-1] = dataclasses.replace(previous, title=f"{joined}{text}")
            last_line = line
        elif not numbered and _title_row(text):
            items.append(AgendaItem(None, text, Source(line), "contents", MEDIUM))
            last_line = line
    return items if numbered >= 3 else []


def _next_row(line: int, last_line: int, rows: dict[int, list[str]]) -> bool:
    """The row right below the last one, or below it and the rule that only a Markdown table
    has under its first row ("|---|---|")."""
    return line == last_line + 1 or (line == last_line + 2 and line - 1 not in rows)


def _title_row(text: str) -> bool:
    """ "Upprop", "Protokollets justering": a short title, not a sentence nor a reference."""
    return (
        text[:1].isupper()
        and len(text.split()) <= 6
        and not text.endswith((".", ":"))
        and not re.search(r"[\d§]", text)
        and not NOT_AGENDA.match(text)
        and not PARENS_MARK.search(text)
        and not _mostly_names(text)
    )


PARENS_MARK = re.compile(r"\([A-ZÅÄÖ]{1,4}\)")  # "(KD)" after a name


def agenda(blocks: list[Block], start: int) -> list[AgendaItem]:
    """Headings after the document's header, or the agenda list the document opens with."""
    listed = _agenda_list(blocks) or contents_table(blocks)
    if listed:
        return listed
    sections = [i for i, b in enumerate(blocks) if is_heading(b) and b.text.strip().startswith("§")]
    bare_runs = any(
        j - i == 1 and PARAGRAPH_ONLY.match(blocks[i].text.strip())
        for i, j in zip(sections, sections[1:], strict=False)
    )
    if len(sections) >= 3 and not bare_runs:
        return _paragraph_items(blocks)
    repeated = Counter(b.text for b in blocks if b.kind == "heading")
    items: list[AgendaItem] = []
    seen: set[str] = set()
    i = start
    while i < len(blocks):
        block = blocks[i]
        i += 1
        if not is_heading(block) or repeated[block.text] > 1:
            continue
        text = block.text.strip()
        if PARAGRAPH_ONLY.match(text) and i < len(blocks) and is_heading(blocks[i]):
            text = f"{text} {blocks[i].text}"
            i += 1
        item = _item(text, block.line, plain=block.level == 8)
        if item and item.title.casefold() not in seen:
            seen.add(item.title.casefold())
            items.append(item)
        items.extend(_parent_bullets(blocks, i, seen))
    return items


def _paragraph_items(blocks: list[Block]) -> list[AgendaItem]:
    """A protocol's items are its § paragraphs, with the title on the same or the next line."""
    items: list[AgendaItem] = []
    for i, block in enumerate(blocks):
        text = block.text.strip()
        if not (is_heading(block) and text.startswith("§")):
            continue
        if PARAGRAPH_ONLY.match(text) and i + 1 < len(blocks):
            text = f"{text} {blocks[i + 1].text.strip()}"
        m = NUMBERED.match(text)
        if m:
            title = TRAILING_NUMBER.sub("", m[2]).strip().rstrip(".")
            items.append(
                AgendaItem(re.sub(r"\s+", " ", m[1]), title, Source(block.line), "paragraph", HIGH)
            )
    return items


def _item(text: str, line: int, *, plain: bool) -> AgendaItem | None:
    number = None
    m = NUMBERED.match(text)
    if m and not find_dates(text):
        number, text = re.sub(r"\s+", " ", m[1]).strip(), m[2]
    title = TRAILING_NUMBER.sub("", text).strip().rstrip(".").strip()
    if not title or NOT_AGENDA.match(title) or LABEL_VALUE.match(title + " "):
        return None
    if not re.search(r"[^\W\d_]{3,}", title) or re.fullmatch(r"\S*\d\S*", title):
        return None  # page numbers, "Bun/2022:971"
    if ". " in title or (plain and MEETING_STATEMENT.match(title)):
        return None
    if is_date_only(title) or _mostly_names(title) or _shouting(title):
        return None
    return AgendaItem(number, title, Source(line), "heading", HIGH if number else MEDIUM)


def _mostly_names(text: str) -> bool:
    named = sum(len(h.name.split()) for h in find_names(text))
    return named > 0 and named * 2 >= len(text.split())


def _shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 3 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _parent_bullets(blocks: list[Block], i: int, seen: set[str]) -> list[AgendaItem]:
    """Top-level bullets with sub-bullets under a heading are its agenda items (≥ 2 of them)."""
    found: list[AgendaItem] = []
    while i < len(blocks) and not is_heading(blocks[i]):
        b = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        has_children = nxt is not None and nxt.kind == "bullet" and nxt.level > b.level
        short = len(b.text.split()) <= 8 and not b.text.endswith(".")
        if b.kind == "bullet" and b.level == 0 and has_children and short:
            found.append(AgendaItem(None, b.text.rstrip(":"), Source(b.line), "parent-bullet", LOW))
        i += 1
    if len(found) < 2:
        return []
    fresh = [f for f in found if f.title.casefold() not in seen]
    seen.update(f.title.casefold() for f in fresh)
    return fresh


def _agenda_list(blocks: list[Block]) -> list[AgendaItem]:
    """ "# Agenda & mötesanteckningar" followed by a list: that list is the agenda."""
    for i, block in enumerate(blocks[:6]):
        if block.kind != "heading" or not AGENDA_LIST_TITLE.search(block.text):
            continue
        j = i + 1
        while j < len(blocks) and blocks[j].kind == "para" and len(blocks[j].text.split()) <= 2:
            j += 1
        items = []
        while j < len(blocks) and blocks[j].kind == "bullet":
            items.append(
                AgendaItem(None, blocks[j].text, Source(blocks[j].line), "agenda-list", HIGH)
            )
            j += 1
        if len(items) >= 2:
            return items
    return []


def header_end(blocks: list[Block], attendance_end: int) -> int:
    """Index of the first block after the header (title, date, place, attendance)."""
    if attendance_end >= 0:
        return attendance_end + 1
    for i, block in enumerate(blocks[1:], start=1):
        if is_heading(block) and not LABEL_VALUE.match(block.text + " "):
            return i
    return 1 if blocks and blocks[0].kind == "heading" else 0


def meeting_time(blocks: list[Block], end_of_header: int) -> MeetingTime:
    head = blocks[: max(end_of_header, 1)]
    date = _meeting_date(head) or _meeting_date([b for b in blocks if DATE_LABEL.search(b.text)])
    start = end = location = None
    for block in head:
        text = block.text
        if TIME_LABEL.search(text) and start is None:
            start, end = find_time_range(_after_dates(text))
        place = PLACE.match(text)
        if place and location is None:
            location = _place(place[1])
    opened, closed = _statement_times(blocks)
    start = opened or start
    end = closed or end
    return MeetingTime(date=date, start=start, end=end, location=location)


def _meeting_date(head: list[Block]) -> str | None:
    for block in head:
        short = block.kind == "heading" or bool(DATE_LABEL.match(block.text))
        dates = [d for d in find_dates(block.text, short_iso=short) if d.year]
        if dates:
            return resolve(dates[0], None)
    return None


def _after_dates(text: str) -> str:
    dates = find_dates(text)
    return text[dates[-1].end :] if dates else text


def _statement_times(blocks: list[Block]) -> tuple[str | None, str | None]:
    """ "Mötet öppnas 13.25" and "Nsg förklarar mötet avslutat klockan 20:33"."""
    times: dict[str, str | None] = {"öppna": None, "avslut": None}
    for block in blocks:
        lower = block.text.casefold()
        if "öppna" not in lower and "avslut" not in lower:
            continue
        for stem, verb in (("öppna", OPENED), ("avslut", CLOSED)):
            if times[stem] or stem not in lower or not MEETING_NOUN.search(lower):
                continue
            found = verb.search(block.text)
            if found:
                times[stem] = find_time_range(block.text[found.start() :])[0]
    return times["öppna"], times["avslut"]


def _place(text: str) -> str | None:
    dates = find_dates(text)
    if dates:
        text = text[: dates[0].start]
    text = re.split(r"(?i)\bkl\b|\bklockan\b", text)[0]  # "…, kl 13.00", "…, kl" and more labels
    return text.strip(" ,.") or None


def body_name(blocks: list[Block]) -> str | None:
    for i, block in enumerate(blocks[:12]):
        if re.match(r"(?i)^organ(?: och §§)?:\s*$", block.text) and i + 1 < len(blocks):
            return blocks[i + 1].text.strip()
        m = re.match(r"(?i)^organ:\s*(.+)$", block.text)
        if m:
            return m[1].strip()
    for block in blocks[:4]:
        text = block.text
        if not DOC_KIND.match(text):
            continue
        name = MEETING_WORDS.sub("", DOC_KIND.sub("", text))
        name = re.split(r"(?i)\s(?:den|torsdag|måndag|tisdag|onsdag|fredag)\b|,|\s\d", name)[0]
        name = re.sub(r"s (ordinarie|extra|årsmöte|vårmöte|höstmöte)\b.*$", "", name)
        return name.strip() or None
    return _named_body(blocks[:8])


def _named_body(head: list[Block]) -> str | None:
    """ "Delregional operativ tjänstemannaberedning (DOT)" with "Skåne Nordost" on the next line."""
    for i, block in enumerate(head):
        text = block.text.strip()
        if not BODY_WORD.search(text) or LABEL_VALUE.match(text + " ") or len(text.split()) > 12:
            continue
        follow = head[i + 1].text.strip() if i + 1 < len(head) else ""
        if follow and len(follow.split()) <= 3 and not find_dates(follow) and ":" not in follow:
            text = f"{text} {follow}"
        return text
    return None
