"""Work someone is to do after the meeting: who (owners) and by when (due)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cached_property

from samverkan.extraction.dates import MONTHS, find_dates, resolve
from samverkan.extraction.decisions import is_hedged, is_reported
from samverkan.extraction.model import HIGH, LOW, MEDIUM
from samverkan.extraction.people import find_names, first_names, is_first_name, resolve_owner
from samverkan.extraction.text import words_of

# "Ansvar: Lisa", "Ansvarig: kansliet", "Uppgift - Per bokar lokal", "Att göra: …", "TODO: …",
# "Action: …": a task by its label
TASK_LABEL = re.compile(
    r"(?i)^(ansvar|ansvarig|ansvariga|uppgift|uppgifter|att göra|todo|to do|action|åtgärd|"
    r"uppdrag|uppmaning(?: till \w+)?)\s*[:–-]\s*\S"
)
# "[ ] Boka lokal", "[x] Skicka kallelsen", "☐ Beställa fika": a checkbox item
CHECKBOX = re.compile(r"^\s*(\[ ?\]|☐)\s*\S")  # "[x]", "☑" are done, not to do
# "uppdrar åt förvaltningen att …", "ger kansliet i uppdrag att …", "Kansliet ges i uppdrag att …"
# "Ärendet återremitteras till förvaltningen för vidare beredning": sent back, with work to do;
# "Uppmaning till övriga att lägga in …", "Styrelsen uppmanas att …": urged to do
COMMISSION = re.compile(
    r"(?i)\buppdrar\s+(?:åt|till)?\s*(.+?)\s+att\b|\bger\s+(.+?)\s+i\s+uppdrag\b|"
    r"^(.+?)\s+(?:ges|får|fick|gavs)\s+(?:i\s+)?(?:uppdrag|uppgift(?:en)?)\b|"
    r"\båterremitter(?:as|ades|ats)\s+till\s+(.+?)(?=\s+(?:för|med|som)\b|(?<!-)\s+och\b|[,.;]|$)|"
    r"\buppmaning\s+till\s+(.+?)\s+att\b|^((?:\S+\s+){0,3}?\S+)\s+uppmanas\s+att\b"
)
COMMISSION_WORDS = frozenset(
    "uppdrar ger ges får fick gavs återremitteras återremitterades återremitterats uppmaning "
    "uppmanas".split()
)
# "Martin åtog sig att gå igenom mappen", "Eva åtar sig att ringa", "Per tar på sig att …":
# someone takes the work on
UNDERTAKES = re.compile(
    r"(?i)\b(åtar\s+sig|åtog\s+sig|åtogs|tar\s+på\s+sig|tog\s+på\s+sig)\s+att\b"
)
UNDERTAKES_WORDS = frozenset({"åtar", "åtog", "åtogs", "på"})
# "Sekreteraren skickar ut enkäten", "Ordföranden kallar till nästa möte": a role as the owner
ROLE_SUBJECT = re.compile(
    r"(?i)^(sekreteraren|ordföranden|ordförande|kassören|samordnaren|projektledaren|kansliet|"
    r"förvaltningen|styrgruppen|arbetsgruppen|styrelsen|presidiet|valberedningen|"
    r"processledaren|nämnden|utskottet|beredningen|\w+förvaltningen|\w+enheten|\w+gruppen)\b"
)
# Verbs that only tell what someone said or showed: "Anna informerar om …", "Per redogör för …"
REPORTING = frozenset(
    "informerar informerade berättar berättade presenterar presenterade redogör redogjorde "
    "redovisar redovisade rapporterar rapporterade visar visade beskriver beskrev tycker tyckte "
    "menar menade anser ansåg frågar frågade svarar svarade konstaterar konstaterade påpekar "
    "påpekade hälsar hälsade tackar tackade deltar deltog inleder inledde betonar säger sa sade "
    "undrar undrade uppger uppgav meddelar meddelade öppnar öppnade avslutar avslutade "
    "har hade är var läser lyfter lyfte delar delade diskuterar diskuterade påminner påminde "
    "agerar kommer önskar vill kan blir går står ser sitter leder leder ledde välkomnar "
    "efterfrågar noterar poängterar framför framhåller understryker summerar sammanfattar "
    "föredrar föredrog".split()
)
# "Ulrika kollar processen", "Felaktig kardinalitet, Matthias rättar.": a name, then a verb in
# the present tense (-ar, -er, -r) — the minutes' way of handing out a task
PRESENT_VERB = re.compile(r"^[a-zåäö]{2,}(?:ar|er|ir|yr|år|ör|rr)$")
# "[ ] Koden är testad", "[ ] Alla vet vad de ska göra": a condition to check, not a task
STATE_WORDS = frozenset("är har finns fungerar vet kan ligger".split())
# "Boka lokal", "Skicka ut kallelsen", "Gör en lista": a bullet that opens with a verb
IMPERATIVE = re.compile(
    r"^(?!(?:bra|nya|alla|andra|flera|vissa|enda|samma|sista|första|extra|data|idea|agenda|"
    r"media|ska|skulle|kanske|också|sedan|dessa|denna|detta|samtliga|många|egna|hela|olika|"
    r"stora|viktiga|nästa|varandra|inga|båda|övriga|gamla|sådana|tidiga|senaste|bästa)\b)"
    r"([a-zåäö]{2,}a|gör|ta|skriv|kolla|läs|lägg|ring|mejla|maila|kör|sätt|ställ|köp|ge|välj|"
    r"fixa|fråga|hör|titta|kika|undersök|kontakta|skicka|boka|rensa|samla|uppdatera|ordna)\b",
    re.I,
)
# "(Anna)", "– Anna och Per", "@anna": the owner after the task
# "Ansvar: Hugo Berg", "Ansvariga: Lisa och Per": the owners by their label
RESPONSIBLE_LABEL = re.compile(r"(?i)^ansvar(?:ig|iga)?\s*[:–-]\s*(\S.{0,80})$")
# "Maria och Anita återkommer med mer information"
RETURNS_WITH = "återkommer"
# "Gruppen får ett nytt uppdrag", "Nytt uppdrag blir att …", "ges i uppdrag att"
ASSIGNED = re.compile(r"(?i)\b(får\s+(ett\s+)?(nytt\s+)?uppdrag|nytt uppdrag|i uppdrag|uppdras)\b")
# "Cecilia tar med sig frågan", "Vi tar hand om …", "Martin tar fram en klientapplikation"
TAKES_ON = re.compile(
    r"(?i)\b(tar med sig|tar hand om|tar fram|ta fram|tar upp|undersöker|kontaktar|bjuder in|"
    r"skickar ut|sammanställer|ser över|följer upp|sätter upp|sätta upp|tittar på|kikar på|"
    r"kika på|ordnar|bokar|gör en|återrapportera|ansvarar för|bevakar|fyller i|"
    r"fylla i|förbereder|kallar till)\b"
)
TAKES_ON_WORDS = frozenset(
    "tar ta undersöker kontaktar bjuder skickar sammanställer ser följer sätter sätta tittar "
    "kikar kika ordnar bokar gör återrapportera ansvarar bevakar fyller fylla förbereder "
    "kallar".split()
)
# "ansvariga Dan och Eva", "Ansvarig: Petra"
RESPONSIBLE = frozenset({"ansvarig", "ansvariga"})
# "Vi ska kika på …", "Vi behöver … börja", "kommer vi att återrapportera"
MUST = re.compile(r"(?i)\b(ska|skall|behöver|måste|kommer\s+(\w+\s+){0,2}att)\b")
MUST_WORDS = frozenset("ska skall behöver måste kommer".split())
# "Papperna ska skickas in": a task in the passive
PASSIVE_TASK = re.compile(r"(?i)^(\S+\s+){1,3}(ska|skall)\s+(\w+\s+)?\w+(as|s)\b")
# "tills näst-nästa möte", "inför nästa möte", "vid nästa träff"
DEADLINE = re.compile(
    r"(?i)\b(tills?|inför|vid|senast)\s+(näst-nästa|nästa|kommande)\s+(möte|träff|gång)"
)
NEXT_WORDS = frozenset({"nästa", "kommande", "näst"})
PAST_MEETING = re.compile(r"(?i)\b(förra|föregående|senaste)\s+möte")
PAST_WORDS = frozenset({"förra", "föregående", "senaste"})
MENTION = re.compile(r"@([A-ZÅÄÖ][\wåäö-]+)")
# "(Josef)." or "(alla)" at the end of an action line
TRAILING_OWNER = re.compile(r"\(([^()]{2,30})\)\)?\.?\s*$")
# "Rapport av nuläge … – Eva, Dan, Thomas och Birgitta"
OWNER_LIST_AT_END = re.compile(
    r"[–-]\s*([A-ZÅÄÖ][\wåäö]+(?:\s*,\s*[A-ZÅÄÖ][\wåäö]+)*\s+och\s+[A-ZÅÄÖ][\wåäö]+)\s*$"
)
CAPITALISED = re.compile(r"[A-ZÅÄÖ][a-zåäöé]+")
# Subjects that can own work: "Vi", groups, organisations
GROUP_SUBJECT = re.compile(
    r"(?i)^(vi|gruppen|grupperna|fokusgrupperna|kommunerna|regionen|styrelsen|"
    r"arbetsgruppen|varje\s+\w+(\s+\w+)?|alla|samtliga\s+\w+|kommunrepresentanter(na)?)\b"
)
# "Arbete med ärendena inför nästa möte", "Genomgång av stadgarna till nästa träff": work named
# by a noun, with the next meeting as its deadline
WORK_NOUN = re.compile(
    r"(?i)^(arbete|arbetet|genomgång|förberedelse|förberedelser|inläsning|uppföljning|"
    r"sammanställning|läsning|översyn|\w+ning)\s+(med|av|på|om|kring|inför)\b"
)
# "Beslutas att X ska …": the work starts after the decision words
DECISION_OPENING = re.compile(
    r"(?i)^(beslutas|gruppen beslutar|\w+ beslutar|nytt uppdrag blir)\s+att\s+"
)
# "Förslag på punkter till delregional samverkan i december"
MONTH_WORD = re.compile(r"(?i)\b(" + "|".join(m for m in MONTHS if len(m) > 3) + r")\b")
NEXT_MEETING = re.compile(r"(?i)\bnästa möte\b")


@dataclass
class Context:
    attendees: list[str]
    meeting: datetime.date | None
    next_dates: list[str]

    @cached_property
    def first_names(self) -> frozenset[str]:
        return frozenset(a.split()[0] for a in self.attendees if a.split())

    @cached_property
    def first_name_words(self) -> frozenset[str]:
        """The attendees' first names as `words_of` gives them: "Anna-Karin" → "anna", "karin"."""
        return frozenset(w for name in self.first_names for w in words_of(name))


def is_past_meeting(sentence: str) -> bool:
    """ "… vid förra mötet", "sedan föregående möte": about a meeting that already took place."""
    return not PAST_WORDS.isdisjoint(words_of(sentence)) and bool(PAST_MEETING.search(sentence))


def is_action(sentence: str, ctx: Context) -> bool:
    return action_rule(sentence, ctx) is not None


def action_rule(sentence: str, ctx: Context) -> tuple[str, str] | None:
    """(rule, confidence) when the sentence hands out work to be done after the meeting."""
    if TASK_LABEL.match(sentence):
        return "task-label", HIGH
    if CHECKBOX.match(sentence) and not _checkbox_condition(sentence):
        return "checkbox", HIGH
    if sentence.rstrip().endswith("?") or is_hedged(sentence) or is_reported(sentence):
        return None
    words = words_of(sentence)
    deadline = not NEXT_WORDS.isdisjoint(words) and bool(DEADLINE.search(sentence))
    if is_past_meeting(sentence) and not deadline:
        return None
    if "@" in sentence and MENTION.search(sentence):
        return "mention", HIGH
    if RETURNS_WITH in words:
        return "returns-with", HIGH
    if (not COMMISSION_WORDS.isdisjoint(words) and COMMISSION.search(sentence)) or (
        not {"uppdrag", "uppdras"}.isdisjoint(words) and ASSIGNED.search(sentence)
    ):
        return "commission", HIGH
    if not RESPONSIBLE.isdisjoint(words) and subject_owners(sentence, ctx.attendees):
        return "responsible", HIGH
    takes_on = not TAKES_ON_WORDS.isdisjoint(words) and bool(TAKES_ON.search(sentence))
    if (takes_on or deadline) and _has_actor(sentence):
        return "actor-takes-on", HIGH
    if (
        main_clause_modal(sentence)
        and "skulle" not in words
        and not STATE_AFTER_MODAL.search(sentence)
    ):
        if _has_actor(sentence):
            return "actor-modal", MEDIUM
        if PASSIVE_TASK.search(sentence) and not sentence.startswith("Man "):
            return "passive-modal", MEDIUM
        if FUTURE_TASK.match(sentence) and PASSIVE_AFTER_MODAL.search(sentence):
            return "future-passive", LOW
    if "kommer" in words and _future_commitment(sentence, words):
        return "future-commitment", LOW
    if not MUST_WORDS.isdisjoint(words) and INVERTED_MODAL.match(sentence):
        return "inverted-modal", MEDIUM
    if not UNDERTAKES_WORDS.isdisjoint(words) and UNDERTAKES.search(sentence):
        return "undertakes", HIGH
    if len(words) <= 16 and _particle_verb_clause(sentence):
        return "particle-verb-clause", LOW
    if deadline and WORK_NOUN.match(sentence):
        return "work-before-next-meeting", LOW
    trailing = TRAILING_OWNER.search(sentence) if sentence.rstrip(" .").endswith(")") else None
    if trailing and trailing[1][:1].isupper() and _is_person_or_all(trailing[1].strip(), ctx):
        return "owner-in-parentheses", MEDIUM
    if _name_then_present_verb(sentence, ctx):
        return "name-present-verb", MEDIUM
    if " och " in sentence and _owner_list_at_end(sentence):
        return "owners-at-end", MEDIUM
    return None


# "Doodle kommer att skickas ut", "Digg kommer att ta fram en vägledning": future work, with a
# subject that is not "det", "man" or a clause
FUTURE_TASK = re.compile(
    r"(?i)^(?!det\b|detta\b|den\b|man\b|som\b|om\b|när\b|hur\b|vad\b|vilket\b|alla\s+är)"
    r"(\S+\s+){1,4}(kommer\s+(\w+\s+)?att|ska|skall|behöver|måste)\s+\w+"
)
# "Ordföranden måste vara närvarande när beslut tas": a rule of conduct, not a task
STATE_AFTER_MODAL = re.compile(
    r"(?i)\b(ska|skall|måste|behöver|kommer\s+att)\s+(inte\s+|också\s+|även\s+)?"
    r"(vara|bli|gälla|finnas|synas|hänga|äga|ske|behandlas)\b"
)
# "… kommer att skickas ut", "… behöver bokas": the work itself, in the passive
PASSIVE_AFTER_MODAL = re.compile(
    r"(?i)\b(kommer\s+(\w+\s+)?att|ska|skall|behöver|måste)\s+(\w+\s+)?\w{3,}(as|s)\b"
)
# "Digg kommer att kontakta myndigheterna", "Under våren kommer Digg att föra en dialog":
# what someone will do, as minutes promise work
# also without "att", as it is often written: "Anna kommer skicka ut kallelsen", "Vi kommer ha
# ett möte om det" (not "kommer tillbaka", "kommer nästa vecka")
FUTURE_COMMITMENT = re.compile(
    r"(?i)\bkommer\s+(?!(?:det|man|till|för|in|ut|fram|upp|med|från|på|i|överens)\b)"
    r"(?:(\w+\s+){0,2}att\s+|(?=(?:ha|gå|ta|se|få|ge|göra|\w{3,}a)\s)"
    r"(?!(?:tillbaka|nästa|alla|andra|flera|sista|inga|också|kanske|extra)\b))"
    r"(?!vara\b|bli\b|finnas\b|behöva\b|kunna\b)\w+"
)
# "Vid nästa möte kommer vi att återrapportera …", "Inför mötet ska Eva skicka …", "Under våren
# kommer Digg att föra en dialog …": a time or place put first, then the modal, then who does it
# (Swedish puts the verb second, so the subject follows the modal)
INVERTED_MODAL = re.compile(
    r"(?i)^(?:under|vid|inför|till|efter|innan|före|i|på|senast|sedan|därefter|nästa|"
    r"till\s+nästa)\s[^,;:]{0,80}?\s(?:ska|skall|kommer|behöver|måste)\s+"
    r"(?-i:vi|jag|ni|[A-ZÅÄÖ][\wåäöé-]+(?:\s+(?:och\s+)?[A-ZÅÄÖ][\wåäöé-]+)?)\s+"
    r"(?:(?:också|även|då|sedan|gemensamt|att)\s+)*(?!vara\b|bli\b|finnas\b|kunna\b)\w+"
)
FUTURE_NOT_TASK = re.compile(r"(?i)^(det|detta|den|man|som|vilket|när|om|hur|vad|alla\s+är)\b")
CLAUSE_NAME = re.compile(
    r"(?:^|[,;:]\s*|\s[–-]\s)([A-ZÅÄÖ][\wåäöé-]+)(?:\s+([A-ZÅÄÖ][\wåäöé-]+))?\s+(\w+)"
)


# "uppdaterad", "granskat", "testade", "pushad": a past participle, the state to be reached
PARTICIPLE = re.compile(r"(?i)\b\w{3,}(?:ad|at|ade|erad|erat)\b")


def _checkbox_condition(sentence: str) -> bool:
    """ "[ ] Koden är testad", "[ ] Dokumentationen uppdaterad", "[ ] [Ska vi lägga till mer?]":
    a condition to tick or a question, not a task ("[ ] Boka lokal" is one)."""
    item = CHECKBOX_MARK.sub("", sentence)
    return (
        not STATE_WORDS.isdisjoint(words_of(sentence))
        or "?" in item
        or (not is_imperative(item) and bool(PARTICIPLE.search(item)))
    )


CHECKBOX_MARK = re.compile(r"^\s*(\[ ?\]|☐)\s*")


# "lägga till i dokumentationen", "gå igenom förslagen", "lär dig grunderna": a verb with its
# particle (or "dig"/"er") opening the clause after a topic is the note's instruction — "Filter
# för serier, lägga till i Docs.", "Förslagen – gå igenom dem till nästa möte!" (at the start of
# a line it is as often a heading or a plan's step, so only after the topic)
PARTICLE_VERB = re.compile(
    r"(?i)(?:,\s+|\s[–-]\s+)(?!(?:bra|nya|alla|andra|flera|vissa|enda|samma|sista|första|"
    r"många|olika|hela|egna|stora|nästa|båda|övriga|gamla|extra|data|agenda|media|idea|"
    r"kanske|sedan|också|detta|denna|dessa)\b)"
    r"(?:[a-zåäö]{2,}a|lägg|gå|ta|gör|sätt|kör|läs|skriv|lär|ge|hör|dra|för|se|kolla)\s+"
    r"(?:till|in|upp|ut|igenom|bort|fram|ihop|klart|dig|er)\b(?!\s+(?:att|som)\b)"
)


def _particle_verb_clause(sentence: str) -> bool:
    if "," not in sentence and "- " not in sentence and "– " not in sentence:
        return False  # no topic before a clause
    return not is_past_report(sentence) and bool(PARTICLE_VERB.search(sentence))


def is_imperative(text: str) -> bool:
    """ "Boka lokal", "Skriva klart rapporten", "Gör en lista" (not "Bra idé", "Tekniskt")."""
    return bool(IMPERATIVE.match(re.sub(r"^[-•*\s]*(\d{1,2}[.)]\s*)?", "", text)))


# The past of strong and irregular verbs: "La till metoden …", "Tog bort …", "Skrev klart …"
STRONG_PAST = frozenset(
    "la lade tog fick gav gick drog skrev satte gjorde såg kom blev fann hann sa sade bad höll "
    "stod bröt bar lät vann valde sålde förde band drev grep ljöd ströp strök teg".split()
)
# "I klassen finns nu metoderna …", "Vyn har nu en knapp": the state the work has reached
NOW_DONE = re.compile(r"(?i)\b(?:finns|har|är|fungerar|kan|används|visar|skapar|hämtar)\s+nu\b")


def is_past_report(text: str) -> bool:
    """ "Uppdaterade UML-diagrammet", "Skapat en ny vy", "La till …", "Vyn har nu …": what was done,
    not what is to be done."""
    first = text.split()[0].casefold().strip(",.:") if text.split() else ""
    return (
        (len(first) > 4 and first.endswith(("ade", "at", "ats", "ades", "dde", "de", "te")))
        or first in STRONG_PAST
        or (" nu" in text and bool(NOW_DONE.search(text)))
    )


def _future_commitment(sentence: str, words: frozenset[str]) -> bool:
    """ "Digg kommer att kontakta …" yes; "X informerar om att … kommer att", "det kommer att …" no."""
    m = FUTURE_COMMITMENT.search(sentence)
    if m is None or FUTURE_NOT_TASK.match(sentence) or STATE_AFTER_MODAL.search(sentence):
        return False
    subject = sentence[: m.start()].split()
    said = frozenset(w.casefold().strip(",.:;") for w in subject)
    return (
        0 < len(subject) <= 3
        and (REPORTING - {"kommer"}).isdisjoint(said)
        and not sentence.endswith(":")
    )


def _is_person_or_all(text: str, ctx: Context) -> bool:
    words = re.split(r"\s*(?:,|\boch\b|&|/)\s*", text)
    return all(
        w.casefold() in {"alla", "samtliga"}
        or is_first_name(w.split()[0] if w.split() else "")
        or w in ctx.attendees
        for w in words
        if w
    )


def _has_actor(sentence: str) -> bool:
    return starts_with_actor(sentence) or bool(ROLE_SUBJECT.match(sentence))


def _name_then_present_verb(sentence: str, ctx: Context) -> bool:
    """A clause "Matthias rättar", "Eva kollar upp …": a person, then a present-tense verb."""
    words = words_of(sentence)
    if first_names().isdisjoint(words) and ctx.first_name_words.isdisjoint(words):
        return False  # no one named: no need to look for the clause
    for m in CLAUSE_NAME.finditer(sentence):
        first, verb = m[1], m[3]
        attendee = first in ctx.first_names
        known = attendee or (m[2] is not None and is_first_name(first))
        if not known or verb.casefold() in REPORTING or not verb.islower():
            continue
        if PRESENT_VERB.match(verb) or verb in {"tar", "får", "gör"}:
            return True
    return False


def main_clause_modal(sentence: str) -> bool:
    """ "Vi ska kika på …" yes; "… saker som behöver hanteras" and "… att det ska" no."""
    if MUST_WORDS.isdisjoint(words_of(sentence)):
        return False
    body = DECISION_OPENING.sub("", sentence)
    m = MUST.search(body)
    if m is None:
        return False
    before = body[: m.start()].split()
    return len(before) <= 5 and not (before and before[-1].casefold() in {"som", "att", "om"})


def takes_on(sentence: str) -> bool:
    return not TAKES_ON_WORDS.isdisjoint(words_of(sentence)) and bool(TAKES_ON.search(sentence))


def starts_with_actor(sentence: str) -> bool:
    body = DECISION_OPENING.sub("", sentence)
    first = body.split()[0].strip(",:;.") if body.split() else ""
    if GROUP_SUBJECT.match(body) or "@" in sentence:
        return True
    return first[:1].isupper() and (
        is_first_name(first) or bool(find_names(body[:60])) or _org_like(first)
    )


def _org_like(word: str) -> bool:
    """ "Sunet", "Internetstiftelsen", "BankID": a one-word organisation as a subject."""
    return len(word) > 3 and (word.endswith(("en", "et")) or any(c.isupper() for c in word[1:]))


def _owner_list_at_end(sentence: str) -> bool:
    m = OWNER_LIST_AT_END.search(sentence)
    return m is not None and all(is_first_name(w) for w in CAPITALISED.findall(m[1]))


def subject_owners(sentence: str, attendees: list[str]) -> list[str]:
    """Owners named in the sentence: attendees by full or first name, and groups."""
    owners = [hit.name for hit in find_names(sentence)]
    first_names = {a.split()[0] for a in attendees}
    for word in CAPITALISED.findall(sentence):
        if is_first_name(word) and not any(o.split()[0] == word for o in owners):
            full = resolve_owner(word, attendees)
            if full != word or word in first_names:
                owners.append(full)
    body = DECISION_OPENING.sub("", sentence)
    group = GROUP_SUBJECT.match(body) or ROLE_SUBJECT.match(body)
    if group and group[0].casefold() not in {"vi", "alla"}:
        owners.append(group[0])
    return list(dict.fromkeys(owners))


def owners_of(sentence: str, ctx: Context) -> tuple[str, ...]:
    words = words_of(sentence)
    owners = (
        [resolve_owner(m, ctx.attendees) for m in MENTION.findall(sentence)]
        if "@" in sentence
        else []
    )
    commission = None if COMMISSION_WORDS.isdisjoint(words) else COMMISSION.search(sentence)
    if commission and not owners:
        who = next(g for g in commission.groups() if g)
        who = re.sub(r"(?i)^.*\b(beslutar|beslutade|beslöt)\s+att\s+", "", who).strip(" ,")
        if len(who.split()) <= 6:
            return (who,)
    responsible = RESPONSIBLE_LABEL.match(sentence)
    if responsible and not owners:
        return tuple(re.split(r"\s*(?:,|\boch\b|&)\s*", responsible[1].strip(" ."))[:6])
    listed = OWNER_LIST_AT_END.search(sentence) if " och " in sentence else None
    if listed and not owners and _owner_list_at_end(sentence):
        return tuple(resolve_owner(n, ctx.attendees) for n in CAPITALISED.findall(listed[1]))
    trailing = TRAILING_OWNER.search(sentence) if ")" in sentence else None
    if trailing and not owners:
        owners.append(resolve_owner(trailing[1].strip(), ctx.attendees))
    if not owners:
        owners = subject_owners(sentence, ctx.attendees)
    return tuple(dict.fromkeys(o for o in owners if o))


def due_of(sentence: str, context_text: str, ctx: Context) -> str | None:
    """A date in the sentence; "vid nästa möte" → the next meeting; "i december" in its heading."""
    dates = find_dates(sentence)
    if dates:
        return resolve(dates[0], ctx.meeting)
    if not ctx.next_dates:
        return None  # the rules below point at a planned meeting
    if not NEXT_WORDS.isdisjoint(words_of(sentence)) and (
        DEADLINE.search(sentence) or NEXT_MEETING.search(sentence)
    ):
        return ctx.next_dates[0]
    for month in MONTH_WORD.findall(context_text):
        same = [d for d in ctx.next_dates if int(d[-5:-3]) == MONTHS[month.casefold()]]
        if same:
            return same[0]
    return None
