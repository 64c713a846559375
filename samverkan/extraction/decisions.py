"""What the meeting decided: Swedish decision verbs, and what only looks like a decision."""

from __future__ import annotations

import re

from samverkan.extraction.text import words_of

# "Beslutas att …", "Gruppen beslutar …", "Mötet beslöt …", "Dagordningen godkänns.",
# "Mötet fastställde balansräkningen", "attsatsen bifalles", "X utses till ordförande"
DECISION_VERBS = frozenset(
    "beslutas beslutar beslutade beslöt beslöts beslutades godkänns godkändes godkänner "
    "godkände fastställs fastställdes fastställde antas antogs bifalls bifalles bifölls "
    "beviljade beviljas beviljades tillstyrks tillstyrker inställs inställt flyttas flyttades "
    "senareläggs utses utsågs utsåg väljs valdes enades bordläggs bordlades återremitteras "
    "återremitterades".split()
)
DECIDED = re.compile(r"(?i)\b(beslutas|beslutar|beslutade|beslöt|beslöts|beslutades)\b")
# "Det planerade mötet den 9 oktober ställs in", "Punkten skjuts upp"
CANCELLED = re.compile(r"(?i)\b(ställs in|ställdes in|inställs|inställt|utgår)\b")
MOVED = re.compile(r"(?i)\b(flyttas|flyttades|skjuts upp|senareläggs)\b")
# "Mötet valde bg och medik till justeringsmän"
CHOSE = re.compile(r"(?i)\bvalde\b.*\btill\b")
# Agreement without a decision verb: "(utan invändningar)", "enades om", the meeting formula
# "Mötet fann sig vara stadgeenligt utlyst", "Datum(et) är satt/bestämt", "frågan lämnas öppen"
AGREED = re.compile(
    r"(?i)(utan invändningar?|\benades\b|\benas om\b|\bfann sig vara\b|"
    r"\bdatum(et)?\s+(är\s+)?(satt|sattes|bestämt|bestämdes|fastställt)\b|"
    r"\b(lämnar|lämnade) frågan öppen\b|\bfrågan (lämnas|lämnades) öppen\b)"
)
PHRASE_WORDS = frozenset(
    "ställs ställdes skjuts valde invändningar invändning enas fann satt sattes bestämt "
    "bestämdes fastställt lämnar lämnade lämnas lämnades".split()
)
# "Samverkansplanen beslutad på Delregional samverkan 2023-10-30": decided elsewhere, earlier
ELSEWHERE = re.compile(
    r"(?i)\b(beslutad|beslutades|godkändes|antogs|fastställdes)\s+(på|vid|av|i)\s+"
    r"(?!mötet\b|dagens\b)"
)
# "Frågan ska beslutas på nästa möte"
FUTURE_DECISION = re.compile(r"(?i)\b(ska|skall|kommer att|inför|för)\s+beslut")
# "Ordföranden föreslår att …": a proposal, unless it was accepted on the spot
PROPOSED = frozenset("föreslår föreslog yrkar yrkade".split())
# "vi bör enas om …", "kanske", "kan det bli så att …": not settled
HEDGE = re.compile(r"(?i)\b(bör|kanske|eventuellt|förmodligen|möjligen|kan det bli)\b")
HEDGE_WORDS = frozenset("bör kanske eventuellt förmodligen möjligen kan".split())
# "… kom gruppen fram till:" — the list that follows is what was decided
AGREED_LIST = re.compile(r"(?i)\b(kom\s+\w+\s+fram\s+till|enades\s+\w*\s*om|beslutades\s+följande)")
# A heading that holds decisions: "Beslut", "Barn- och utbildningsnämndens beslut", "Beslut:"
DECISION_HEADING = re.compile(r"(?i)^(.*\bbeslut|beslut)\s*:?$")
PROPOSAL_HEADING = re.compile(r"(?i)^(förslag|förslag till beslut)\s*:?$")
# "attsatsen bifalles": a decision that only makes sense with the proposal before it
REFERS_TO_PROPOSAL = re.compile(r"(?i)\b(attsatsen|förslaget|bifall)")


# "Ett styrelsemöte ägde rum i förra veckan. 16 ledamöter valdes.": what others decided
REPORTED = re.compile(
    r"(?i)\b(ägde rum|förra veckan|förra månaden|förra mötet|förra möte|uttalar sig|"
    r"redogör för|berättar att|informerar om att)\b"
)


REPORTED_WORDS = frozenset("rum veckan månaden förra uttalar redogör berättar informerar".split())


def is_reported(sentence: str) -> bool:
    return not REPORTED_WORDS.isdisjoint(words_of(sentence)) and bool(REPORTED.search(sentence))


def is_hedged(sentence: str) -> bool:
    return not HEDGE_WORDS.isdisjoint(words_of(sentence)) and bool(HEDGE.search(sentence))


def is_decision(sentence: str) -> bool:
    words = words_of(sentence)
    verb = not DECISION_VERBS.isdisjoint(words)
    if not verb and PHRASE_WORDS.isdisjoint(words):
        return False
    if ELSEWHERE.search(sentence) or FUTURE_DECISION.search(sentence) or is_hedged(sentence):
        return False
    agreed = bool(AGREED.search(sentence))
    if not PROPOSED.isdisjoint(words) and not agreed:
        return False
    if "beslutad" in words and not DECIDED.search(sentence):
        return False
    return (
        verb
        or agreed
        or bool(CANCELLED.search(sentence) or MOVED.search(sentence) or CHOSE.search(sentence))
    )


def with_proposal(decision: str, proposal: str) -> str:
    """ "Beslut: attsatsen bifalles" after "Förslag: …" is read together with the proposal."""
    if proposal and (REFERS_TO_PROPOSAL.search(decision) or len(decision.split()) <= 4):
        return f"{proposal} Beslut: {decision}"
    return decision
