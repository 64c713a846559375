"""Swedish personal names in attendance lists and running text, and first-name resolution."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache
from importlib import resources

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# "(S)", "(KD)", "(Ja)", "(Nej)": party or presence after a name
PARENS = re.compile(r"\(([^)]{1,12})\)")
PARTIES = {"S", "M", "C", "V", "L", "KD", "MP", "SD", "FP", "SPI", "SJVP", "MED"}
PARTICLES = {"af", "von", "de", "van", "der", "del", "la", "da"}
# Words that end a name: titles and roles ("Carina Hansson Processansvarig")
ROLE_SUFFIX = re.compile(
    r"(?i)(chef|ansvarig|samordnare|sekreterare|ordförande|ordf|läkare|ekonom|strateg|direktör|"
    r"handläggare|konsult|controller|utvecklare|ledare|ombud|representant|sköterska|specialist|"
    r"koordinator|assistent|kassör|revisor|justerare|justeringsman|rådgivare|utredare|"
    r"projektledare|ledamot|ersättare|närvarande|deltagare)$"
)
# Words that make a capitalised run an organisation or a place, not a person
NOT_NAME = {
    w.casefold()
    for w in """Region Regionen Skåne Kommun Kommunen Kommunerna Stad Staden Landsting Landstinget
    Sjukhus Sjukhuset Lasarett Lasarettet Förbund Förbundet Förvaltning Förvaltningen Nämnd
    Nämnden Vårdcentral Vårdcentralen Primärvård Primärvården Psykiatri Psykiatrin
    Socialstyrelsen Sverige Högskolan Universitet Universitetet Kansli Kansliet
    Vårdsamverkan Samverkan Teams Skype Zoom Discord Norra Södra Östra Västra Nordost Sydost
    Nordväst Sydväst Mötet Gruppen Dagordning Styrelsen Ordförande Sekreterare Justerare
    Närvarande Frånvarande Ersättare Beslutande Kallade Inbjudna Övriga Plats Tid Datum
    Paragrafer Underskrifter Utses Protokoll Bilaga Rapport Information Välkommen Mål Beslut
    Förslag Nästa Enligt Under Efter Inför Hej Tack Punkt Vakant Kommunförbundet
    Kommunförbund""".split()
}
PRESENT_WORDS = {"ja", "närvarande", "x"}
ABSENT_WORDS = {"nej", "frånvarande", "ej närvarande"}


@cache
def first_names() -> frozenset[str]:
    text = (resources.files("samverkan.extraction") / "data" / "first_names.txt").read_text(
        encoding="utf-8"
    )
    words = [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]
    return frozenset(w.casefold() for word in words for w in word.split("-"))


def is_first_name(word: str) -> bool:
    return word.split("-")[0].casefold() in first_names()


def _capitalised(word: str) -> bool:
    return word[0].isupper() and not word.isupper() and word.casefold() not in NOT_NAME


@dataclass(frozen=True)
class NameHit:
    name: str
    start: int
    end: int


@lru_cache(maxsize=8192)
def find_names(text: str, *, whole_segment: bool = False) -> tuple[NameHit, ...]:
    """Runs of 2–4 capitalised words that start with a known first name.

    With `whole_segment`, a text that is nothing but 2–3 capitalised words counts as a name
    even when its first name is not in the list ("Dragoljub Nešić" alone on a bullet line).
    """
    words = list(WORD.finditer(text))
    hits: list[NameHit] = []
    i = 0
    while i < len(words):
        w = words[i]
        if not (_capitalised(w[0]) and is_first_name(w[0])):
            i += 1
            continue
        j = i + 1
        while j < len(words) and j - i < 4:
            between = text[words[j - 1].end() : words[j].start()]
            word = words[j][0]
            if between.strip() or ROLE_SUFFIX.search(word):
                break
            if word in PARTICLES:
                j += 1
                continue
            if not _capitalised(word) or (j - i >= 2 and is_first_name(word)):
                break
            j += 1
        if j - i >= 2 and words[j - 1][0] not in PARTICLES:
            hits.append(
                NameHit(text[w.start() : words[j - 1].end()], w.start(), words[j - 1].end())
            )
            i = j
        else:
            i += 1
    if not hits and whole_segment:
        bare = PARENS.sub("", text).strip(" .,;:-–")
        parts = bare.split()
        if 2 <= len(parts) <= 3 and all(_capitalised(p) and WORD.fullmatch(p) for p in parts):
            start = text.find(parts[0])
            hits.append(NameHit(" ".join(parts), start, start + len(bare)))
        elif len(parts) > 3 and all(_capitalised(p) and WORD.fullmatch(p) for p in parts[-2:]):
            # "Region NU-sjukvården Majvor Martinsson": the organisation first, the name last
            start = text.rfind(parts[-2])
            hits.append(NameHit(" ".join(parts[-2:]), start, start + len(" ".join(parts[-2:]))))
    return tuple(hits)


def similar_label(word: str, label: str) -> bool:
    """Typos in labels: "Näravande" is "Närvarande"."""
    word, label = word.casefold(), label.casefold()
    if word == label:
        return True
    if len(word) <= 5 or abs(len(word) - len(label)) > 2 or word[0] != label[0]:
        return False
    return SequenceMatcher(None, word, label).ratio() >= 0.8


def resolve_owner(name: str, attendees: list[str]) -> str:
    """A first name becomes the attendee's full name when exactly one attendee has it."""
    if " " in name.strip():
        return name
    matches = [a for a in attendees if a.split()[0].casefold() == name.casefold()]
    return matches[0] if len(matches) == 1 else name
