"""Minutes as PDF and DOCX, read back as a reader would, and who may download them."""

import io
import os
from pathlib import Path

import pytest
from django.urls import reverse

from samverkan.followup.services import create_assignment
from samverkan.meetings.services import set_attendance
from samverkan.minutes.services import add_decision, approve, minutes_for, save_note
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db
SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


@pytest.fixture
def meeting(cast):
    meeting = make_meeting(cast.public_body, days_ahead=0, place="Kommunhuset Sjöbo")
    for person in (cast.alice, cast.bob):
        set_attendance(meeting, person, status="närvarande")
    minutes = minutes_for(meeting)
    first = meeting.items.first()
    save_note(minutes, first, text="Dagordningen gicks igenom.", revision=0)
    add_decision(minutes, text="Dagordningen godkänns.", item=first)
    create_assignment(
        minutes=minutes,
        body=cast.public_body,
        people=[cast.bob],
        text="Ta fram en kommunikationsplan",
        due_body=cast.public_body,
    )
    approve(minutes, by=cast.alice.user, approvers=[cast.bob])
    return meeting


def test_minutes_pdf_reads_back_with_its_parts(meeting, login):
    import pdfplumber

    response = login("bob").get(reverse("publishing:minutes", args=[meeting.pk, "pdf"]))
    assert response["Content-Type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(response.content)) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
        catalog = pdf.doc.catalog
        assert "StructTreeRoot" in catalog and catalog["Lang"] == b"sv"  # tagged for readers
        if os.environ.get("SAMVERKAN_SCREENSHOTS"):
            pdf.pages[0].to_image(resolution=110).save(SCREENSHOTS / "minutes-pdf.png")
    for part in [
        "Delregional samverkan Sydost",
        "Minnesanteckningar",
        "Kommunhuset Sjöbo",
        "Alice Andersson",
        "Beslut: Dagordningen godkänns.",
        "Ta fram en kommunikationsplan",
        "Bob Berg",
        "Justering",
    ]:
        assert part in text, part


def test_minutes_docx_reads_back_with_its_parts(meeting, login):
    import docx

    response = login("bob").get(reverse("publishing:minutes", args=[meeting.pk, "docx"]))
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Minnesanteckningar" in text and "Beslut: Dagordningen godkänns." in text
    assert cells[-6:-3] == ["Vem", "Vad", "När"]
    assert "Ta fram en kommunikationsplan" in cells


def test_drafts_are_for_writers_and_internal_minutes_for_members(cast, login):
    draft = make_meeting(cast.internal_body, days_ahead=0)
    minutes_for(draft)
    url = reverse("publishing:minutes", args=[draft.pk, "pdf"])
    assert login("carl").get(url).status_code == 404
    login("carl").logout()
    assert login(None).get(url).status_code == 404
    assert login("bob").get(url).status_code == 403  # a member, but the minutes are a draft


def test_kallelse_as_pdf_and_docx_has_agenda_and_the_called(cast, login):
    import docx
    import pdfplumber

    from samverkan.meetings.services import add_item

    meeting = make_meeting(cast.public_body, place="Kommunhuset Sjöbo")
    add_item(
        meeting,
        title="Hemsjukvården i sommar",
        kind="information",
        responsible=[cast.bob],
        description="Läget inför semesterperioden.",
    )
    client = login("bob")
    response = client.get(reverse("publishing:invitation", args=[meeting.pk, "pdf"]))
    assert response["Content-Disposition"].startswith('attachment; filename="kallelse-')
    with pdfplumber.open(io.BytesIO(response.content)) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
        if os.environ.get("SAMVERKAN_SCREENSHOTS"):
            pdf.pages[0].to_image(resolution=110).save(SCREENSHOTS / "kallelse-pdf.png")
    for part in [
        "Kallelse till ordinarie möte",
        "Kommunhuset Sjöbo",
        "Dagordning",
        "Hemsjukvården i sommar",
        "Läget inför semesterperioden.",
        "Ansvariga: Bob Berg",
        "Region Skåne: Bob Berg",
        "Sjöbo kommun: Alice Andersson",
    ]:
        assert part in text, part
    response = client.get(reverse("publishing:invitation", args=[meeting.pk, "docx"]))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "Kallelse till ordinarie möte" in text and "5. Hemsjukvården i sommar" in text
    assert "Läget inför semesterperioden." in text


def test_kallelse_of_an_internal_meeting_is_for_members(cast, login):
    meeting = make_meeting(cast.internal_body)
    url = reverse("publishing:invitation", args=[meeting.pk, "pdf"])
    assert login(None).get(url).status_code == 404
    assert login("carl").get(url).status_code == 404
    login("carl").logout()
    assert login("bob").get(url).status_code == 200
