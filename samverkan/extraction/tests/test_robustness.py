"""extract() never raises on any text, and the corpus keeps its quality."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samverkan.extraction import extract_text

SWEDISH = st.sampled_from(
    [
        "Närvarande:",
        "Beslutas att",
        "ansvariga",
        "Nästa möte",
        "§ 3",
        "den 14 december",
        "kl. 9–11",
        "Eva",
        "Anna-Karin Berg",
        "# ",
        "- ",
        "\n",
        "\n\n",
        ":",
        "(",
        ")",
        "–",
        "@Eva",
        "2023-13-45",
        "mellan 10 – 10",
        "|",
        "<br>",
        "---\n",
        "<!--",
        "Kallade",
        "(Nej)",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_extract_never_raises_on_any_string(text):
    extract_text(text).to_json()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(SWEDISH, st.text(max_size=12)), max_size=60).map("".join))
def test_extract_never_raises_on_minutes_like_noise(text):
    minutes = extract_text(text)
    json.loads(minutes.to_json())


# the shared folder beside the checkout (or beside the folder of worktrees)
SHARED = next(
    (p / "shared" for p in Path(__file__).resolve().parents if (p / "shared" / "corpus").is_dir()),
    Path("/nonexistent"),
)
SCORER = SHARED / "tools" / "score_extraction.py"


@pytest.mark.skipif(not SCORER.exists(), reason="the shared corpus is not beside the checkout")
@pytest.mark.parametrize("corpus", ["seeds", "dev", "dev2"])
def test_corpus_quality_holds(corpus):
    command = f"{sys.executable} -m samverkan.extraction {{file}} --format json"
    result = subprocess.run(
        [sys.executable, str(SCORER), str(SHARED / "corpus" / corpus), "--cmd", command],
        capture_output=True,
        text=True,
        timeout=600,
    )
    score = result.stdout.strip().splitlines()[-1]
    macro = float(score.split("macro-F1 ")[1].split()[0])
    assert macro >= {"seeds": 0.95, "dev": 0.92, "dev2": 0.82}[corpus], result.stdout


MALFORMED = st.one_of(
    st.binary(max_size=4000).map(lambda b: b.decode("latin-1")),
    st.lists(st.one_of(SWEDISH, st.text(max_size=40)), max_size=400).map(" ".join),
    st.lists(
        st.one_of(SWEDISH, st.sampled_from(["§", "1.", "2)", "Förhinder:", "[ ]"])), max_size=2000
    ).map("".join),
)


@settings(max_examples=1000, deadline=None)
@given(MALFORMED)
def test_malformed_inputs_are_quick_and_small(text):
    """1,000 generated malformed inputs: no exception, each within 2 s and 500 MB."""
    import resource
    import time

    started = time.perf_counter()
    json.loads(extract_text(text).to_json())
    assert time.perf_counter() - started < 2.0
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 500 * 1024  # KB on Linux


def test_long_flattened_line_is_linear():
    """A 500 KB page with no line breaks (labels, numbers, names, bullets) stays quick.

    Measured in CPU time: on a machine shared with other builds the wall time says more about
    them than about this code (about 1.3 s of CPU here, against the 10 s allowed)."""
    import time

    unit = "Närvarande: Anna Berg, Lund 1. Öppnande Mötet öppnades. - Per: - Bokar lokal. § 3 "
    started = time.process_time()
    extract_text(unit * (500_000 // len(unit)))
    assert time.process_time() - started < 10.0


@pytest.mark.skipif(not SCORER.exists(), reason="the shared corpus is not beside the checkout")
def test_every_corpus_document_is_quick():
    import time

    from samverkan.extraction import extract

    for folder in ("seeds", "dev", "dev2"):
        for doc in sorted((SHARED / "corpus" / folder).glob("*.txt")):
            started = time.perf_counter()
            extract(doc).to_json()
            assert time.perf_counter() - started < 2.0, doc.name
