"""The same minutes as .txt, Word and PDF become the same meeting, and keep all their text.

Every document of the corpus is imported as text, as a Word file with heading styles, lists
and tables, and as a PDF rendered from the same structure.
"""

import datetime
import re
from pathlib import Path

import pytest
from django.db import transaction

from samverkan.directory.models import Body
from samverkan.extraction.readers import read_text_bytes
from samverkan.extraction.text import clean_line
from samverkan.followup.models import Assignment
from samverkan.importer import services
from samverkan.importer.tests.formats import as_docx, as_pdf
from samverkan.minutes.models import Decision, Note
from tests.factories import make_body

pytestmark = pytest.mark.django_db

# the shared corpus beside the checkout; without it there is nothing to compare
CORPUS = next(
    (p / "shared" / "corpus" for p in Path(__file__).resolve().parents if (p / "shared").is_dir()),
    Path("/nonexistent"),
)
DOCUMENTS = sorted(p for p in CORPUS.glob("*/*.txt") if p.parent.name != "gold")
WORD = re.compile(r"\w+")


def words(text: str) -> str:
    return " " + " ".join(WORD.findall(text.casefold())) + " "


def imported(name: str, data: bytes, body: Body):
    """The meeting one format gives, each imported on its own: a second format is then not
    "finns redan" for having the same words as the first, and meets the same directory."""
    with transaction.atomic():
        found = _imported(name, data, body)
        transaction.set_rollback(True)
    return found


def _imported(name: str, data: bytes, body: Body):
    outcome = services.ingest(name, data, body=body)
    if outcome.status == services.FAILED:
        return outcome.reason
    document = outcome.document
    day = services.parse_iso(document.data["meeting"]["date"]) or datetime.date(2000, 1, 1)
    meeting = services.confirm(document, body=body, date=day, duplicate=services.KEEP)
    notes = {n.item_id: n.text for n in Note.objects.filter(minutes__meeting=meeting)}
    return {
        "items": [
            (" ".join(i.title.split()), " ".join(notes.get(i.pk, "").split()))
            for i in meeting.items.order_by("position")
        ],
        "decisions": sorted(
            " ".join(d.text.split()) for d in Decision.objects.filter(minutes__meeting=meeting)
        ),
        "assignments": sorted(
            (" ".join(a.text.split()), sorted(p.name for p in a.owner_people.all()))
            for a in Assignment.objects.filter(meeting=meeting)
        ),
        "document": document,
    }


@pytest.fixture
def body(db):
    return make_body(name="Provorgan", short_name="Prov")


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_text_word_and_pdf_give_the_same_meeting_with_all_its_text(path, body):
    text = read_text_bytes(path.read_bytes())
    as_text = imported(path.name, path.read_bytes(), body)
    formats = {"docx": as_docx(text), "pdf": as_pdf(text)}
    for suffix, data in formats.items():
        other = imported(f"{path.stem}.{suffix}", data, body)
        if isinstance(as_text, str):
            assert isinstance(other, str), suffix
            continue
        for key in ("items", "decisions", "assignments"):
            assert other[key] == as_text[key], (suffix, key)
    if isinstance(as_text, str):
        return
    found = services.corrected(as_text["document"])
    headings = {i.source.line for i in found.agenda if i.source}
    stored = words(" ".join(n for _, n in as_text["items"]))
    first = min(headings, default=0)
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if number <= first or number in headings or not WORD.search(clean_line(line)):
            continue
        assert words(clean_line(line)) in stored, (number, line)
