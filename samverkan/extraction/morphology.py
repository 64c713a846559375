"""Swedish verb forms to one stem, so that a rule names a verb once.

The Snowball stemmer (already used by search) folds the regular forms: "beslutar / beslutas /
beslutade / beslutades / beslutat" → "beslut". The strong and the -de/-te past forms it leaves
("beslöt", "utsågs", "valdes", "godkände", "tog") are folded by a short table of the genre's verbs.
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer  # type: ignore[import-untyped]

_STEMMER = snowballstemmer.stemmer("swedish")
# Past forms the stemmer leaves apart, → the stem of the present form
STRONG = {
    "beslöt": "beslut",
    "beslöts": "beslut",
    "utsåg": "uts",
    "utsågs": "uts",
    "utsett": "uts",
    "utsedd": "uts",
    "utsedda": "uts",
    "valde": "välj",
    "valdes": "välj",
    "valt": "välj",
    "vald": "välj",
    "valts": "välj",
    "antog": "ant",
    "antogs": "ant",
    "antagit": "ant",
    "bifölls": "bifall",
    "biföll": "bifall",
    "bifalles": "bifall",
    "bifalls": "bifall",
    "uppdrog": "uppdr",
    "uppdrogs": "uppdr",
    "gav": "ge",
    "gavs": "ge",
    "ges": "ge",
    "tog": "ta",
    "togs": "ta",
    "tas": "ta",
    "tar": "ta",
    "drog": "dra",
    "lade": "lägg",
    "lades": "lägg",
    "la": "lägg",
    "lagt": "lägg",
    "fann": "finn",
    "fick": "få",
    "får": "få",
    "gick": "gå",
    "går": "gå",
    "bordlades": "bordlägg",
    "bordlagd": "bordlägg",
    "sköts": "skjut",
    "skjuts": "skjut",
    "ställdes": "ställ",
    "ställs": "ställ",
}
# Stems whose past "-de/-te/-d/-t" Snowball keeps: "godkände" → "godkänd" → "godkän"
PAST_ENDINGS = ("dde", "de", "te", "dd", "d", "t")
# "beslutet", "besluten", "beslutets", "fastställande": the noun, not the verb
NOUN_ENDINGS = ("et", "en", "ets", "ens", "ena", "erna", "arna", "ande", "ende")


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """The stem of one word (lower case); past forms of the table's verbs folded in."""
    word = word.casefold()
    if word in STRONG:
        return STRONG[word]
    stemmed: str = _STEMMER.stemWord(word)
    return stemmed


@lru_cache(maxsize=64)
def _prefixes(stems: frozenset[str]) -> frozenset[str]:
    return frozenset(s[:3] for s in stems) | frozenset(
        w[:3] for w, s in STRONG.items() if s in stems
    )


def has_verb(words: frozenset[str], stems: frozenset[str]) -> bool:
    """Whether one of the words is a form of one of the verbs (given by their stems)."""
    prefixes = _prefixes(stems)
    # no form of these verbs starts otherwise: no need to stem the word
    return any(word[:3] in prefixes and is_form(word, stems) for word in words)


@lru_cache(maxsize=16384)
def is_form(word: str, stems: frozenset[str]) -> bool:
    """ "beslutades", "beslöt" are forms of "beslut"; "beslutet" (the noun) is not."""
    s = stem(word)
    if word not in STRONG and word.endswith(NOUN_ENDINGS):
        return False
    if s in stems and (word != s or word in STRONG):
        return True
    return any(s.endswith(ending) and s[: -len(ending)] in stems for ending in PAST_ENDINGS)
