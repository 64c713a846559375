"""What the meeting decided: Swedish decision verbs, and what only looks like a decision."""

from __future__ import annotations

import re

from samverkan.extraction.model import HIGH, MEDIUM
from samverkan.extraction.morphology import has_verb
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
# The same verbs by stem, every tense and voice: "beslutar / beslutades / beslöt",
# "väljer / valdes", "fastställer / fastställdes", "avslår / avslogs", "bordläggs / bordlades"
DECISION_STEMS = frozenset(
    "beslut godkän fastställ ant bifall bevilj tillstyrk uts återremitter bordlägg avslå "
    "avslog tillsvidareanst".split()
)
# "Ärendet läggs till handlingarna", "Informationen noteras", "Mötet finner sig behörigt kallat",
# "Motionen anses besvarad", "Förslaget överlämnas till kommunstyrelsen"
FORMULA = re.compile(
    r"(?i)\b(läggs|lades|lägga[s]?)\s+till\s+handlingarna\b|\b(noteras|noterades|antecknas)\b|"
    r"\bfinner\s+(mötet|sig|sammanträdet)\b|\banses\s+(besvarad|besvarat|besvarade|behandlad)\b|"
    r"\b(överlämnas|överlämnades)\s+till\b|^det\s+(konstaterades|antecknas|antecknades)\s+att\b"
)
FORMULA_WORDS = frozenset(
    "läggs lades lägga läggas noteras noterades antecknas antecknades finner anses överlämnas "
    "överlämnades konstaterades".split()
)
# "Beslut: Hemsidan byggs om.", "Beslutades: …" — a decision by its label
# "Beslut att inte stödja …", "Beslut för att tydliggöra: …" ("Beslut om närvarorätt" is a title)
DECISION_LABEL = re.compile(
    r"(?i)^(beslut|beslutades|beslutat)\s*[:–-]\s*[^\s-]|^beslut\s+(att|för att)\s"
)
DECIDED = re.compile(r"(?i)\b(beslutas|beslutar|beslutade|beslöt|beslöts|beslutades)\b")
# "Det planerade mötet den 9 oktober ställs in", "Punkten skjuts upp"
CANCELLED = re.compile(r"(?i)\b(ställs in|ställdes in|inställs|inställt|utgår)\b")
CANCELLED_WORDS = frozenset("ställs ställdes inställs inställt utgår".split())
MOVED = re.compile(r"(?i)\b(flyttas|flyttades|skjuts upp|senareläggs)\b")
MOVED_WORDS = frozenset("flyttas flyttades skjuts senareläggs".split())
# "Mötet valde bg och medik till justeringsmän"
# "Mötet väljer Anna till ordförande", "Till sekreterare valdes Per", "Lisa omvaldes som kassör"
CHOSE = re.compile(
    r"(?i)\b(valde|valdes|väljer|väljs|omvaldes|nyvaldes)\b.*\btill\b|\bomvaldes\s+som\b|"
    r"^(till|som)\s+\w+\s+(valdes|utsågs|omvaldes)\b"
)
# Agreement without a decision verb: "(utan invändningar)", "enades om", the meeting formula
# "Mötet fann sig vara stadgeenligt utlyst", "Datum(et) är satt/bestämt", "frågan lämnas öppen"
AGREED = re.compile(
    r"(?i)(\butan invändningar?|\benades\b|\benas om\b|\bfann sig vara\b|"
    r"\bdatum(et)?\s+(är\s+)?(satt|sattes|bestämt|bestämdes|fastställt)\b|"
    r"\b(lämnar|lämnade) frågan öppen\b|\bfrågan (lämnas|lämnades) öppen\b|"
    r"^(ok|okej)\s+(med|till|att)\b)"
)
# every alternative above has one of these words: a sentence without them needs no search
AGREED_WORDS = frozenset(
    "utan enades enas fann datum datumet lämnar lämnade frågan ok okej".split()
)
PHRASE_WORDS = frozenset(
    "ställs ställdes skjuts valde valdes väljer väljs omvaldes nyvaldes ok okej "
    "invändningar invändning enas fann satt sattes bestämt "
    "bestämdes fastställt lämnar lämnade lämnas lämnades".split()
)
# "Samverkansplanen beslutad på Delregional samverkan 2023-10-30": decided elsewhere, earlier;
# "Vid sammanträdet 2017-08-31 § 214 utsågs …", "Kommunfullmäktige beslutade 2019 att …"
ELSEWHERE = re.compile(
    r"(?i)\b(beslutad|beslutades|godkändes|antogs|fastställdes)\s+(på|vid|av|i)\s+"
    r"(?!mötet\b|dagens\b)|^vid\s+(sammanträdet|mötet)\s+(den\s+)?\d|"
    r"\b(\w*fullmäktige|kommunstyrelsen|regionstyrelsen|regeringen|riksdagen)\s+(har\s+)?"
    r"(beslutat|beslutade|beslöt)\b"
)
# one of these words is in every sentence the pattern finds (the assemblies' names may be
# compounds: "Kommunfullmäktige", "Regionfullmäktige")
ELSEWHERE_WORDS = frozenset(
    "beslutad beslutades godkändes antogs fastställdes vid beslutat beslutade beslöt".split()
)
# "Frågan ska beslutas på nästa möte"
FUTURE_DECISION = re.compile(r"(?i)\b(ska|skall|kommer att|inför|för)\s+beslut")
# "Ordföranden föreslår att …": a proposal, unless it was accepted on the spot
PROPOSED = frozenset("föreslår föreslog yrkar yrkade".split())
# "vi bör enas om …", "kanske", "kan det bli så att …": not settled
# ("skall/bör-krav" names a kind of requirement: a word in a slash pair is mentioned, not said)
HEDGE = re.compile(r"(?i)(?<!/)\b(bör|kanske|eventuellt|förmodligen|möjligen|kan det bli)\b(?!/)")
HEDGE_WORDS = frozenset("bör kanske eventuellt förmodligen möjligen kan".split())
# "… kom gruppen fram till:" — the list that follows is what was decided
AGREED_LIST = re.compile(r"(?i)\b(kom\s+\w+\s+fram\s+till|enades\s+\w*\s*om|beslutades\s+följande)")
# A heading that holds decisions: "Beslut", "Barn- och utbildningsnämndens beslut", "Beslut:"
DECISION_HEADING = re.compile(
    r"(?i)^(.*\bbeslut|beslut|beslutspunkter|mötets beslutspunkter)\s*:?$"
)
DECISION_HEADING_ENDS = ("beslut", "beslutspunkter")  # its last word, so a cheap first test
# "Förslag till beslut", "Förslag till barn- och utbildningsnämnden", "Utbildningsförvaltningens
# förslag", "Utbildningsförvaltningens förslag till beslut:", "Yrkande", "Beslutsunderlag": what
# was proposed, not what was decided
PROPOSAL_HEADING = re.compile(
    r"(?i)^(förslag|(?:\S+s\s+)?förslag till\b.*|\S+s förslag|yrkanden?|beslutsunderlag|"
    r"ordförandens förslag|arbetsutskottets förslag)\s*:?$"
)
# "Sammanfattning", "Ärendebeskrivning", "Bakgrund": the case as it was, not this meeting's acts
BACKGROUND_HEADING = re.compile(
    r"(?i)^(sammanfattning|ärendebeskrivning|bakgrund|ärendet|beskrivning av ärendet|"
    r".*\bbehandling|mbl-behandling|information i ärendet)\s*:?$"
)
BACKGROUND_HEADING_ENDS = (
    "sammanfattning",
    "ärendebeskrivning",
    "bakgrund",
    "ärendet",
    "behandling",
)
# "Beslutet expedieras till:", "Expedieras till": who receives the decision, not owners
DISPATCH = re.compile(r"(?i)^(beslutet\s+)?(expedieras|skickas|delges)\s+till\b")
# "Barn- och utbildningsnämnden beslutar att", "Styrelsen beslutade:": the items follow
DECISION_OPENER = re.compile(
    r"(?i)\b(beslutar|beslutade|beslöt|beslutas|föreslås besluta)\s*(att|:)?\s*:?$"
)
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


def is_cancelled(sentence: str) -> bool:
    return not CANCELLED_WORDS.isdisjoint(words_of(sentence)) and bool(CANCELLED.search(sentence))


def is_hedged(sentence: str) -> bool:
    return not HEDGE_WORDS.isdisjoint(words_of(sentence)) and bool(HEDGE.search(sentence))


def decision_rule(sentence: str) -> tuple[str, str] | None:
    """(rule, confidence) when the sentence states a decision of this meeting."""
    words = words_of(sentence)
    if DECISION_LABEL.match(sentence):
        return "decision-label", HIGH
    verb = not DECISION_VERBS.isdisjoint(words)
    stem = not verb and has_verb(words, DECISION_STEMS)
    formula = not FORMULA_WORDS.isdisjoint(words) and bool(FORMULA.search(sentence))
    if not (verb or stem or formula) and PHRASE_WORDS.isdisjoint(words):
        return None
    if (
        (not ELSEWHERE_WORDS.isdisjoint(words) and ELSEWHERE.search(sentence))
        or ("beslut" in sentence.casefold() and FUTURE_DECISION.search(sentence))
        or is_hedged(sentence)
    ):
        return None
    if sentence.rstrip().endswith("?") or is_reported(sentence):
        return None
    agreed = not AGREED_WORDS.isdisjoint(words) and bool(AGREED.search(sentence))
    if not PROPOSED.isdisjoint(words) and not agreed:
        return None
    if "beslutad" in words and not DECIDED.search(sentence):
        return None
    if verb:
        return "decision-verb", HIGH
    if formula:
        return "decision-formula", HIGH
    if agreed:
        return "agreement", MEDIUM
    if CANCELLED.search(sentence) or MOVED.search(sentence) or CHOSE.search(sentence):
        return "cancelled-or-moved", MEDIUM
    if stem:
        return "decision-verb-form", MEDIUM
    return None


def is_decision(sentence: str) -> bool:
    return decision_rule(sentence) is not None


def with_proposal(decision: str, proposal: str) -> str:
    """ "Beslut: attsatsen bifalles" after "Förslag: …" is read together with the proposal."""
    if proposal and (REFERS_TO_PROPOSAL.search(decision) or len(decision.split()) <= 4):
        return f"{proposal} Beslut: {decision}"
    return decision
