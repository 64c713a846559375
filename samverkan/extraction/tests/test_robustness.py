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


SHARED = Path(__file__).resolve().parents[3].parent / "shared"
SCORER = SHARED / "tools" / "score_extraction.py"


@pytest.mark.skipif(not SCORER.exists(), reason="the shared corpus is not beside the checkout")
@pytest.mark.parametrize("corpus", ["seeds", "dev"])
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
    assert macro >= {"seeds": 0.95, "dev": 0.90}[corpus], result.stdout
