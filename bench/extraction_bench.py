"""In-process extraction speed on generated 5 KB plain-text minutes (one core).

Run: .venv/bin/python bench/extraction_bench.py [--docs 1000] [--rounds 5]

Each round extracts every document once with empty caches; the best round is reported
(as timeit does), since the machine is shared and other work only ever adds time. The floor
is the time to read and tokenise the same bytes (decode, split into lines and blocks, words of
every sentence): extraction's cost is reported as a ratio to it. The CPU time of the best round
is reported beside the wall time: on a machine shared by other work it is the steadier figure.
"""

import argparse
import random
import time

from samverkan.extraction import extract_text
from samverkan.extraction.morphology import is_form, stem
from samverkan.extraction.people import find_names
from samverkan.extraction.text import blocks, sentences, words_of

FIRST = ["Anna", "Eva", "Lars", "Karin", "Per", "Maria", "Johan", "Sara", "Erik", "Lena"]
LAST = ["Andersson", "Berg", "Holm", "Lind", "Nilsson", "Ek", "Dahl", "Ström", "Lund", "Sjö"]
ITEMS = [
    "Godkännande av dagordning",
    "Föregående mötesanteckningar",
    "Aktuellt från regionen",
    "Utveckling av vårdsamverkan",
    "Lokal samverkan",
    "Övriga frågor",
]
SENTENCES = [
    "Dagordningen godkänns.",
    "Inga synpunkter lämnas.",
    "{p} återkommer med mer information om avtalet efterhand.",
    "Beslutas att fokusgrupperna ska titta på styrning och ersättningsmöjligheter.",
    "Gruppen har använt resultatet av grupparbetet som utgångsläge för sitt arbete.",
    "{p} tar med sig frågan till nästa möte i beredningen.",
    "Här krävs transparens och att man bjuder in varandra till planeringen.",
    "Nästa möte blir den {d} februari 2025 klockan 9:00–11:00.",
    "- Reflektioner kring arbetet med indikatorer och aktivitetsplaner i kommunerna.",
]


def document(rng: random.Random, size: int = 5000) -> str:
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(12)]
    parts = [
        "Minnesanteckningar DOT Skåne Nordost",
        "",
        "Datum: 2024-11-24",
        "Tid: klockan 09.00–12.00",
        "Plats: Östra kommunhuset",
        "",
        "Närvarande: " + ", ".join(people),
        "",
    ]
    while sum(len(p) + 1 for p in parts) < size:
        parts += [rng.choice(ITEMS), ""]
        for _ in range(rng.randint(2, 5)):
            sentence = rng.choice(SENTENCES).format(
                p=rng.choice(people).split()[0], d=rng.randint(1, 28)
            )
            # a reference of its own makes every sentence unique, as in real minutes
            parts.append(sentence.rstrip(".") + f" (dnr 2024/{rng.randint(1, 10**6)}).")
        parts.append("")
    return "\n".join(parts)[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(7)
    docs = [document(rng) for _ in range(args.docs)]
    megabytes = sum(len(d.encode()) for d in docs) / 1e6
    rounds, cpu = [], []
    for _ in range(args.rounds):
        clear_caches()
        started, started_cpu = time.perf_counter(), time.process_time()
        for doc in docs:
            extract_text(doc)
        rounds.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    best, worst = min(rounds), max(rounds)
    floor = min(tokenise(docs) for _ in range(args.rounds))
    print(
        f"{args.docs} documents, {megabytes:.2f} MB; best of {args.rounds} rounds {best:.2f} s "
        f"(worst {worst:.2f} s): {args.docs / best:.0f} documents/s, {megabytes / best:.2f} MB/s; "
        f"floor (read and tokenise) {floor:.2f} s, extraction {best / floor:.1f}× the floor; "
        f"CPU time of the best round {min(cpu):.2f} s ({args.docs / min(cpu):.0f} documents per "
        "CPU second: on a shared machine the figure to compare)"
    )


def tokenise(docs: list[str]) -> float:
    """Seconds to decode, cut into blocks and split into words every document (the floor)."""
    clear_caches()
    started = time.perf_counter()
    for doc in docs:
        text = doc.encode().decode("utf-8")
        for block in blocks(text):
            for sentence in sentences(block.text):
                words_of(sentence)
    return time.perf_counter() - started


def clear_caches() -> None:
    for cached in (find_names, sentences, words_of, stem, is_form):
        cached.cache_clear()


if __name__ == "__main__":
    main()
