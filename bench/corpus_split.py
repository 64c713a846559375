"""Extraction quality per corpus and per held-out half, in one process.

Run: .venv/bin/python bench/corpus_split.py [--half A|B] [-v] [--show NAME]

The 42 documents of `shared/corpus/{seeds,dev,dev2}` are split in two halves by a hash of
the file name (corpora mixed). Rules are written against one half's failures and checked on
the other; both halves, each corpus and all together are scored by the shared scorer's own
functions (`tools/score_extraction.py`), so the figures equal the scorer's.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from pathlib import Path

from samverkan.extraction import extract
from samverkan.extraction.plain import ReadError

# the shared corpus and scorer beside the checkout (or beside the folder of checkouts)
SHARED = next(
    (p / "shared" for p in Path(__file__).resolve().parents if (p / "shared").is_dir()),
    Path("shared"),
)
CORPORA = ("seeds", "dev", "dev2")


def scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "scorer", SHARED / "tools" / "score_extraction.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def half(path: Path) -> str:
    return "A" if hashlib.sha256(path.name.encode()).digest()[0] % 2 == 0 else "B"


def documents() -> list[tuple[str, Path]]:
    out = []
    for corpus in CORPORA:
        folder = SHARED / "corpus" / corpus
        for doc in sorted(folder.iterdir()):
            if (
                doc.suffix in {".txt", ".md", ".docx", ".pdf"}
                and (folder / "gold" / f"{doc.stem}.json").exists()
            ):
                out.append((corpus, doc))
    return out


def predict(doc: Path) -> dict:  # type: ignore[type-arg]
    try:
        return extract(doc).to_dict()
    except ReadError:
        return {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=["A", "B"])
    parser.add_argument("-v", action="store_true", help="per-document scores")
    parser.add_argument("--show", help="gold and predicted lists of one document (file stem)")
    args = parser.parse_args()
    sc = scorer()
    groups: dict[str, list[tuple[dict, dict]]] = {}  # type: ignore[type-arg]
    for corpus, doc in documents():
        h = half(doc)
        if args.half and h != args.half:
            continue
        gold = json.loads((doc.parent / "gold" / f"{doc.stem}.json").read_text())
        pred = predict(doc)
        for key in (corpus, f"half {h}", "all"):
            groups.setdefault(key, []).append((gold, pred))
        if args.show == doc.stem:
            for key in ("attendees", "absent", "agenda", "decisions", "actions", "next_meetings"):
                print(f"--- {key}")
                field = {
                    "attendees": "name",
                    "absent": "name",
                    "agenda": "title",
                    "next_meetings": "date",
                }.get(key, "text")
                for g in gold.get(key, []):
                    print("  G", g.get(field), g.get("owners", ""), g.get("due", ""))
                for p in pred.get(key, []):
                    print(
                        "  P",
                        p.get(field),
                        p.get("owners", ""),
                        p.get("due", ""),
                        p.get("rule", ""),
                    )
            print("meeting G", gold.get("meeting"), "\n        P", pred.get("meeting"))
        if args.v:
            one = {k: sc.Tally() for k in [*sc.LISTS, "action owners", "action due"]}
            sc.score_doc(gold, pred, one, {"date": [], "start": [], "end": []})
            cells = " ".join(f"{k[:4]}={one[k].row()[2]:.2f}" for k in sc.LISTS)
            print(f"{h} {corpus:5s} {doc.name:28s} {cells}")
    print(
        f"{'set':8s} {'docs':>4s} {'macro':>6s} "
        + " ".join(f"{k[:6]:>6s}" for k in sc.LISTS)
        + "  owners"
    )
    for key in [*CORPORA, "half A", "half B", "all"]:
        pairs = groups.get(key)
        if not pairs:
            continue
        tallies = {k: sc.Tally() for k in [*sc.LISTS, "action owners", "action due"]}
        meeting: dict[str, list[float]] = {"date": [], "start": [], "end": []}
        for gold, pred in pairs:
            sc.score_doc(gold, pred, tallies, meeting)
        f1s = [tallies[k].row()[2] for k in sc.LISTS]
        owners = tallies["action owners"].extra
        print(
            f"{key:8s} {len(pairs):4d} {sum(f1s) / len(f1s):6.3f} "
            + " ".join(f"{f:6.3f}" for f in f1s)
            + f"  {sum(owners) / len(owners) if owners else 0:.3f}"
        )


if __name__ == "__main__":
    sys.exit(main())
