"""The same meeting imported twice is shown as a likely duplicate: skip, replace or keep both."""

from importlib import resources

import pytest

from samverkan.directory.models import Body
from samverkan.directory.services import load_reference
from samverkan.followup.models import Assignment
from samverkan.importer import services
from samverkan.importer.models import Document
from samverkan.importer.tests.formats import as_docx
from samverkan.importer.tests.helpers import review_post
from samverkan.meetings.models import Meeting
from samverkan.minutes.services import save_note, start_correction

pytestmark = pytest.mark.django_db

SEEDS = resources.files("samverkan.importer") / "data"
DOT = (SEEDS / "dot-nordost-2023-11-24.txt").read_bytes()


@pytest.fixture
def imported_once(cast, login):
    load_reference()
    dot = Body.objects.get(short_name="DOT Nordost")
    cast.alice.memberships.create(body=dot, role="sekreterare")
    first = services.ingest("dot.txt", DOT).document
    services.confirm(first, body=dot)
    again = services.ingest("dot.docx", as_docx(DOT.decode()))
    return login("alice"), cast.alice.user, dot, again


def test_the_word_file_of_an_imported_text_is_a_likely_duplicate(imported_once):
    client, user, dot, again = imported_once
    assert again.status == services.REVIEW and "troligen samma möte" in again.reason
    page = client.get(again.document.get_absolute_url()).content.decode()
    assert "Troligen samma möte som dot.txt" in page
    data = review_post(client, again.document, duplicate=services.SKIP)
    assert client.post(again.document.get_absolute_url(), data).status_code == 302
    assert Meeting.objects.filter(date="2023-11-24").count() == 1
    assert not Document.objects.filter(pk=again.document.pk).exists()


def test_replacing_the_earlier_import_leaves_one_meeting(imported_once):
    client, user, dot, again = imported_once
    assignments = Assignment.objects.count()
    data = review_post(client, again.document, duplicate=services.REPLACE)
    assert client.post(again.document.get_absolute_url(), data).status_code == 302
    assert Meeting.objects.filter(date="2023-11-24").count() == 1
    assert Assignment.objects.count() == assignments
    assert Document.objects.get().name == "dot.docx"


def test_keeping_both_makes_two_meetings(imported_once):
    client, user, dot, again = imported_once
    data = review_post(client, again.document, duplicate=services.KEEP)
    assert client.post(again.document.get_absolute_url(), data).status_code == 302
    assert Meeting.objects.filter(date="2023-11-24").count() == 2


def test_an_import_that_was_worked_on_is_not_replaced(imported_once):
    client, user, dot, again = imported_once
    meeting = Meeting.objects.get(date="2023-11-24")
    minutes = start_correction(meeting.minutes)
    note = minutes.notes.first()
    save_note(minutes, note.item, text=note.text + " Tillägg.", revision=note.revision)
    data = review_post(client, again.document, duplicate=services.REPLACE)
    page = client.post(again.document.get_absolute_url(), data).content.decode()
    assert "kan inte ersättas" in page
    assert Meeting.objects.filter(date="2023-11-24").count() == 1
    assert Document.objects.count() == 2
