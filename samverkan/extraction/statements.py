"""Decisions, actions and next meetings, found sentence by sentence with Swedish patterns."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from samverkan.extraction.dates import (
    MONTHS,
    WEEKDAYS,
    find_dates,
    find_time_range,
    resolve,
    weekday_after,
)
from samverkan.extraction.model import Action, Decision, MeetingTime, Source
from samverkan.extraction.people import find_names, is_first_name, resolve_owner
from samverkan.extraction.sections import is_heading
from samverkan.extraction.text import Block, sentences

# "Beslutas att …", "Gruppen beslutar …", "Styrelsen beslutade …", "Mötet beslöt …"
DECIDED = re.compile(r"(?i)\b(beslutas|beslutar|beslutade|beslöt|beslöts|beslutades)\b")
# "Dagordningen godkänns.", "Mötet fastställde balansräkningen", "attsatsen bifalles"
APPROVED = re.compile(
    r"(?i)\b(godkänns|godkändes|godkänner|godkände|fastställs|fastställdes|fastställde|"
    r"antas|antogs|bifalls|bifalles|bifölls|beviljade|beviljas|beviljades|"
    r"tillstyrks|tillstyrker)\b"
)
# "Det planerade mötet den 9 oktober ställs in", "… flyttas till den 14 december"
CANCELLED = re.compile(r"(?i)\b(ställs in|ställdes in|inställs|inställt|utgår)\b")
MOVED = re.compile(r"(?i)\b(flyttas|flyttades|skjuts upp|senareläggs)\b")
# "X utses till ordförande", "Mötet valde bg och medik till justeringsmän", "Utses att justera"
APPOINTED = re.compile(r"(?i)\b(utses|utsågs|utsåg|väljs|valdes|valde\b.*\btill)\b")
# "Martin föreslog följande roadmap (utan invändningar)", "Mötet fann sig …", "Datum satt"
AGREED = re.compile(
    r"(?i)(utan invändningar?|\benades\b|\benas om\b|\bfann sig\b|^datum satt\b|\blades till\b)"
)
# "Samverkansplanen beslutad på Delregional samverkan 2023-10-30": decided elsewhere, earlier
ELSEWHERE = re.compile(
    r"(?i)\b(beslutad|beslutades|godkändes|antogs|fastställdes)\s+(på|vid|av|i)\s+"
    r"(?!mötet\b|dagens\b)"
)
FUTURE_DECISION = re.compile(r"(?i)\b(ska|skall|kommer att|inför|för)\s+beslut")
# "Ordföranden föreslår att …": a proposal, unless it was accepted on the spot
PROPOSED = re.compile(r"(?i)\b(föreslår|föreslog|yrkar|yrkade)\b")
# "… kom gruppen fram till:" — the list that follows is what was decided
AGREED_LIST = re.compile(r"(?i)\b(kom\s+\w+\s+fram\s+till|enades\s+\w*\s*om|beslutades\s+följande)")
HEDGE = re.compile(r"(?i)\b(bör|kanske|eventuellt|förmodligen|möjligen|kan det bli)\b")
# A heading that holds decisions: "Beslut", "Barn- och utbildningsnämndens beslut", "Beslut:"
DECISION_HEADING = re.compile(r"(?i)^(.*\bbeslut|beslut)\s*:?$")
PROPOSAL_HEADING = re.compile(r"(?i)^(förslag|förslag till beslut)\s*:?$")
REFERS_TO_PROPOSAL = re.compile(r"(?i)\b(attsatsen|förslaget|bifall)")

# "Maria och Anita återkommer med mer information"
RETURNS_WITH = re.compile(r"(?i)\båterkommer\b")
# "Cecilia tar med sig frågan", "Vi tar hand om …", "Martin tar fram en klientapplikation"
TAKES_ON = re.compile(
    r"(?i)\b(tar med sig|tar hand om|tar fram|ta fram|tar upp|undersöker|kontaktar|bjuder in|"
    r"skickar ut|sammanställer|ser över|följer upp|sätter upp|sätta upp|tittar på|kikar på|"
    r"kika på|ordnar|bokar|gör en|återrapportera|ansvarar för|bevakar|fyller i|"
    r"fylla i|förbereder|kallar till)\b"
)
# "ansvariga Dan och Eva", "Ansvarig: Petra"
RESPONSIBLE = re.compile(r"(?i)\bansvarig[a]?\b:?\s*")
# "Gruppen får ett nytt uppdrag", "Nytt uppdrag blir att …", "ges i uppdrag att"
ASSIGNED = re.compile(r"(?i)\b(får\s+(ett\s+)?(nytt\s+)?uppdrag|nytt uppdrag|i uppdrag|uppdras)\b")
# "Vi ska kika på …", "Papperna ska skickas in", "Vi behöver … börja", "kommer vi att …"
MUST = re.compile(r"(?i)\b(ska|skall|behöver|måste|kommer\s+(\w+\s+){0,2}att)\b")
PASSIVE_TASK = re.compile(r"(?i)^(\S+\s+){1,3}(ska|skall)\s+(\w+\s+)?\w+(as|s)\b")
DEADLINE = re.compile(
    r"(?i)\b(tills?|inför|vid|senast)\s+(näst-nästa|nästa|kommande)\s+(möte|träff|gång)"
)
MENTION = re.compile(r"@([A-ZÅÄÖ][\wåäö-]+)")
# "(Josef)." or "(alla)" at the end of an action line
TRAILING_OWNER = re.compile(r"\(([^()]{2,30})\)\)?\.?\s*$")
ACTION_HEADING = re.compile(r"(?i)(action\s*points?|åtgärder|att göra|uppdrag|to ?do|actions?)\b")
NEXT_MEETING_WORD = re.compile(r"(?i)(möte|sammanträde|träff|workshop)")
NEXT_MEETING_HEADING = re.compile(r"(?i)^nästa\s+(möte|sammanträde|träff)")
FUTURE = re.compile(
    r"(?i)\b(nästa|kommande|planeras|planerat|blir|sker|hålls|äger rum|flyttas|bokas|bokat|"
    r"kallas|kommer|ska|skall|träffas|ses)\b"
)
PAST_MEETING = re.compile(r"(?i)\b(förra|föregående|senaste)\s+möte")
# Subjects that can own work: "Vi", groups, organisations
GROUP_WORDS = re.compile(
    r"(?i)^(vi|gruppen|grupperna|fokusgrupperna|kommunerna|regionen|styrelsen|"
    r"arbetsgruppen|varje\s+\w+(\s+\w+)?|alla|samtliga\s+\w+|kommunrepresentanter(na)?)\b"
)


# "Förslag på punkter till delregional samverkan i december"
MONTH_WORD = re.compile(r"(?i)\b(" + "|".join(m for m in MONTHS if len(m) > 3) + r")\b")


@dataclass
class Context:
    attendees: list[str]
    meeting: datetime.date | None
    next_dates: list[str]


def _subject_owners(sentence: str, attendees: list[str]) -> list[str]:
    """Owners named in the sentence: attendees by full or first name, and groups."""
    owners: list[str] = []
    for hit in find_names(sentence):
        owners.append(hit.name)
    for word in re.findall(r"[A-ZÅÄÖ][a-zåäöé]+", sentence):
        if is_first_name(word) and not any(o.split()[0] == word for o in owners):
            full = resolve_owner(word, attendees)
            if full != word or word in {a.split()[0] for a in attendees}:
                owners.append(full)
    group = GROUP_WORDS.match(_after_decision(sentence))
    if group and group[0].casefold() not in {"vi", "alla"}:
        owners.append(group[0])
    return list(dict.fromkeys(owners))


def _after_decision(sentence: str) -> str:
    return re.sub(
        r"(?i)^(beslutas|gruppen beslutar|\w+ beslutar|nytt uppdrag blir)\s+att\s+", "", sentence
    )


def _starts_with_actor(sentence: str, attendees: list[str]) -> bool:
    body = _after_decision(sentence)
    first = body.split()[0] if body.split() else ""
    if GROUP_WORDS.match(body) or MENTION.search(sentence):
        return True
    return first[:1].isupper() and (
        is_first_name(first) or bool(find_names(body[:60])) or _org_like(first)
    )


def _org_like(word: str) -> bool:
    return (
        len(word) > 3
        and word[0].isupper()
        and (word.endswith(("en", "et", "ID")) or any(c.isupper() for c in word[1:]))
    )


DECISION_PATTERNS = (DECIDED, APPROVED, CANCELLED, MOVED, APPOINTED, AGREED)
ACTION_PATTERNS = (RETURNS_WITH, ASSIGNED, MENTION, RESPONSIBLE, TAKES_ON, DEADLINE, MUST)
# One pass over the sentence decides whether the slower rules need to look at it.
ANY_DECISION = re.compile("|".join(f"(?:{p.pattern.removeprefix('(?i)')})"
                                   for p in DECISION_PATTERNS), re.I)
ANY_ACTION = re.compile(
    "|".join(f"(?:{p.pattern.removeprefix('(?i)')})" for p in ACTION_PATTERNS)
    + r"|[–-]\s*[A-ZÅÄÖ][^–-]*\soch\s+[A-ZÅÄÖ][\wåäö]+\s*$",
    re.I,
)


def is_decision(sentence: str) -> bool:
    if not ANY_DECISION.search(sentence):
        return False
    if ELSEWHERE.search(sentence) or FUTURE_DECISION.search(sentence) or HEDGE.search(sentence):
        return False
    if PROPOSED.search(sentence) and not AGREED.search(sentence):
        return False
    if re.search(r"(?i)\bbeslutad\b", sentence) and not DECIDED.search(sentence):
        return False
    return bool(
        DECIDED.search(sentence)
        or APPROVED.search(sentence)
        or CANCELLED.search(sentence)
        or MOVED.search(sentence)
        or APPOINTED.search(sentence)
        or AGREED.search(sentence)
    )


def is_action(sentence: str, ctx: Context) -> bool:
    if not ANY_ACTION.search(sentence):
        return False
    if HEDGE.search(sentence) or PAST_MEETING.search(sentence) and not DEADLINE.search(sentence):
        return False
    if RETURNS_WITH.search(sentence) or ASSIGNED.search(sentence) or MENTION.search(sentence):
        return True
    if RESPONSIBLE.search(sentence) and _subject_owners(sentence, ctx.attendees):
        return True
    actor = _starts_with_actor(sentence, ctx.attendees)
    if actor and (TAKES_ON.search(sentence) or DEADLINE.search(sentence)):
        return True
    if _main_clause_modal(sentence) and not re.search(r"(?i)\bskulle\b", sentence):
        return actor or bool(PASSIVE_TASK.search(sentence) and not sentence.startswith("Man "))
    return _owner_list_at_end(sentence, ctx.attendees)


def _main_clause_modal(sentence: str) -> bool:
    """ "Vi ska kika på …" yes; "… saker som behöver hanteras" and "… att det ska" no."""
    m = MUST.search(_after_decision(sentence))
    if m is None:
        return False
    before = _after_decision(sentence)[: m.start()].split()
    return len(before) <= 5 and not (before and before[-1].casefold() in {"som", "att", "om"})


def _owner_list_at_end(sentence: str, attendees: list[str]) -> bool:
    """ "Rapport av nuläge … – Eva, Dan, Thomas och Birgitta": a dash and names at the end."""
    m = re.search(
        r"[–-]\s*([A-ZÅÄÖ][\wåäö]+(?:\s*,\s*[A-ZÅÄÖ][\wåäö]+)*\s+och\s+[A-ZÅÄÖ][\wåäö]+)\s*$",
        sentence,
    )
    if m is None:
        return False
    return all(is_first_name(w) for w in re.findall(r"[A-ZÅÄÖ][\wåäö]+", m[1]))


def owners_of(sentence: str, ctx: Context) -> tuple[str, ...]:
    owners = [resolve_owner(m, ctx.attendees) for m in MENTION.findall(sentence)]
    trailing = TRAILING_OWNER.search(sentence)
    if trailing and not owners:
        owners.append(resolve_owner(trailing[1].strip(), ctx.attendees))
    if not owners:
        owners = _subject_owners(sentence, ctx.attendees)
    return tuple(dict.fromkeys(o for o in owners if o))


def due_of(sentence: str, context_text: str, ctx: Context) -> str | None:
    dates = find_dates(sentence)
    if dates:
        return resolve(dates[0], ctx.meeting)
    if DEADLINE.search(sentence) or re.search(r"(?i)\bnästa möte\b", sentence):
        return ctx.next_dates[0] if ctx.next_dates else None
    for month in MONTH_WORD.findall(context_text):
        same = [d for d in ctx.next_dates if int(d[-5:-3]) == MONTHS[month.casefold()]]
        if same:
            return same[0]
    return None


def next_meetings(
    blocks: list[Block], start: int, meeting: datetime.date | None
) -> list[MeetingTime]:
    found: dict[str, MeetingTime] = {}
    under_heading = False
    for block in blocks[start:]:
        if is_heading(block):
            under_heading = bool(NEXT_MEETING_HEADING.match(block.text))
            if not under_heading:
                continue
        for sentence in sentences(block.text):
            if not (
                under_heading or (NEXT_MEETING_WORD.search(sentence) and FUTURE.search(sentence))
            ):
                continue
            if CANCELLED.search(sentence) or PAST_MEETING.search(sentence):
                continue
            for m in _meetings_in(sentence, block.line, meeting, relative=under_heading):
                if m.date and (m.date not in found or (m.start and not found[m.date].start)):
                    found[m.date] = m
    return list(found.values())


def _meetings_in(
    sentence: str, line: int, meeting: datetime.date | None, *, relative: bool
) -> list[MeetingTime]:
    moved = MOVED.search(sentence)
    text = sentence[moved.end() :] if moved else sentence
    dates = find_dates(text)
    out = []
    for i, d in enumerate(dates):
        iso = resolve(d, meeting)
        if meeting and iso[:2] != "--" and iso < meeting.isoformat():
            continue
        after = text[d.end : dates[i + 1].start if i + 1 < len(dates) else len(text)]
        start, end = find_time_range(after)
        url = re.search(r"https?://\S+", sentence)
        out.append(
            MeetingTime(iso, start, end, url[0].rstrip(").,") if url else None, Source(line))
        )
    if not dates and relative and meeting:
        for name, weekday in WEEKDAYS.items():
            if re.search(rf"(?i)\bnästa\s+{name}\b", sentence):
                day = weekday_after(meeting, weekday).isoformat()
                out.append(MeetingTime(day, None, None, None, Source(line)))
    return out


def decisions_and_actions(
    blocks: list[Block], skip: set[int], ctx: Context, headings: dict[int, str]
) -> tuple[list[Decision], list[Action]]:
    """Every block but the attendance lists, sentence by sentence, with its agenda item."""
    decisions: list[Decision] = []
    actions: list[Action] = []
    item: str | None = None
    # "decision" under a Beslut heading, "action" under Actionpoints, "list" after "kom fram till:"
    mode = ""
    proposal = ""
    list_level = -1
    context_text = ""
    for index in range(len(blocks)):
        if index in skip:
            continue
        block = blocks[index]
        text = block.text.strip()
        if index in headings:
            item = headings[index]
        if is_heading(block) or (
            block.kind == "para" and (DECISION_HEADING.match(text) or PROPOSAL_HEADING.match(text))
        ):
            mode = _mode_for_heading(text)
            if mode != "decision" and not PROPOSAL_HEADING.match(text):
                proposal = ""
            context_text = text
            continue
        if mode == "proposal":
            proposal = (proposal + " " + text).strip()
            continue
        if mode == "list" and block.kind == "bullet" and block.level > list_level:
            if not HEDGE.search(text):
                first = sentences(text)[0]
                decisions.append(Decision(first, item, Source(block.line)))
                if _starts_with_actor(first, ctx.attendees) or TAKES_ON.search(first):
                    actions.append(
                        Action(
                            first, owners_of(first, ctx), due_of(first, "", ctx), Source(block.line)
                        )
                    )
            continue
        if mode == "list":
            mode = ""
        if mode == "decision" and text.endswith(":"):
            mode = ""  # "Beslutet expedieras till:" ends the decision part
            continue
        if mode == "decision":
            verdict = (
                f"{proposal} Beslut: {text}"
                if proposal
                and REFERS_TO_PROPOSAL.search(text)
                or (proposal and len(text.split()) <= 4)
                else text
            )
            decisions.append(Decision(verdict.strip(), item, Source(block.line)))
            if MUST.search(text):
                actions.append(
                    Action(text, owners_of(text, ctx), due_of(text, "", ctx), Source(block.line))
                )
            continue
        if mode == "action" and block.kind == "bullet":
            actions.append(
                Action(
                    text, owners_of(text, ctx), due_of(text, context_text, ctx), Source(block.line)
                )
            )
            continue
        pending: list[str] = []
        for sentence in sentences(text):
            if AGREED_LIST.search(sentence) and sentence.rstrip().endswith(":"):
                mode, list_level = "list", block.level if block.kind == "bullet" else -1
            decided = is_decision(sentence)
            if decided:
                full = sentence
                if sentence.rstrip().endswith(":"):
                    follow = blocks[index + 1].text if index + 1 < len(blocks) else ""
                    full = f"{sentence} {sentences(follow)[0] if follow else ''}".strip()
                decisions.append(Decision(full, item, Source(block.line)))
            if is_action(sentence, ctx) or (decided and MUST.search(sentence)):
                pending.append(sentence)
            elif pending:
                _flush(pending, actions, context_text, ctx, block.line)
        _flush(pending, actions, context_text, ctx, block.line)
        if block.kind == "heading" or len(text.split()) <= 12:
            context_text = text if block.kind != "para" else context_text
    return decisions, actions


def _flush(
    pending: list[str], actions: list[Action], context_text: str, ctx: Context, line: int
) -> None:
    if not pending:
        return
    text = " ".join(pending)
    actions.append(
        Action(text, owners_of(text, ctx), due_of(text, context_text, ctx), Source(line))
    )
    pending.clear()


def _mode_for_heading(text: str) -> str:
    if DECISION_HEADING.match(text):
        return "decision"
    if PROPOSAL_HEADING.match(text):
        return "proposal"
    if ACTION_HEADING.search(text):
        return "action"
    return ""
