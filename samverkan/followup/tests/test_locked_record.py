"""Justerade minutes are locked: every edit of what the record shows is refused until a
correction is opened, and the documents stay as approved."""

import datetime
import io

import pdfplumber
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from samverkan.followup.models import Assignment
from samverkan.meetings.models import AgendaItem, Attachment, Attendance, Meeting
from samverkan.minutes.models import Decision, Note
from samverkan.minutes.services import minutes_for
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def text_of(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages)


@pytest.fixture
def locked(cast, login, settings, tmp_path):
    """A held meeting with an attachment, attendance, a note, a decision and an assignment,
    justerad to be confirmed at the next meeting."""
    settings.MEDIA_ROOT = tmp_path
    meeting = make_meeting(cast.public_body, days_ahead=-1)
    client = login("alice")
    item = meeting.items.first()
    Attachment.objects.create(
        item=item, name="Underlag.pdf", file=SimpleUploadedFile("u.pdf", b"%PDF-1.4 x")
    )
    client.post(
        reverse("meetings:attendance", args=[meeting.pk]),
        {f"p{cast.alice.pk}": "närvarande", f"p{cast.bob.pk}": "närvarande"},
    )
    client.post(
        reverse("minutes:note", args=[meeting.pk, item.pk]),
        {"text": "Dagordningen gicks igenom.", "revision": 0},
    )
    client.post(
        reverse("minutes:decision_add", args=[meeting.pk, item.pk]),
        {"text": "Dagordningen godkänns."},
    )
    client.post(
        reverse("followup:assignment_add", args=[meeting.pk]),
        {"who": "Bob", "what": "Ta fram en kommunikationsplan", "due": "2031-03-01"},
    )
    client.post(reverse("minutes:approve", args=[meeting.pk]), {"approval": "nästa möte"})
    meeting.refresh_from_db()
    assert minutes_for(meeting).is_locked
    return meeting


def record(meeting: Meeting) -> tuple:
    """Everything the approved minutes show, read from the database."""
    items = [
        (i.title, i.kind, i.description, i.position, sorted(i.responsible.values_list("pk")))
        for i in AgendaItem.objects.filter(meeting=meeting).order_by("position")
    ]
    return (
        items,
        sorted(Attachment.objects.filter(item__meeting=meeting).values_list("name", flat=True)),
        sorted(Attendance.objects.filter(meeting=meeting).values_list("person_id", "status")),
        sorted(Note.objects.filter(minutes__meeting=meeting).values_list("text", flat=True)),
        sorted(Decision.objects.filter(minutes__meeting=meeting).values_list("text", flat=True)),
        sorted(Assignment.objects.filter(meeting=meeting).values_list("text", "due_date")),
    )


def test_after_justering_every_edit_is_refused_and_the_documents_stay(locked, cast, login):
    meeting = locked
    client = login("alice")
    first, second = meeting.items.all()[:2]
    before = record(meeting)
    pdf_url = reverse("publishing:minutes", args=[meeting.pk, "pdf"])
    pdf_before = client.get(pdf_url).content
    text_before = text_of(pdf_before)
    assert "Dagordningen godkänns." in text_before and "Underlag" not in text_before

    item_form = {"title": "Ny rubrik", "kind": "beslut", "description": "Ändrad"}
    attempts = [
        (reverse("meetings:item_add", args=[meeting.pk]), item_form),
        (reverse("meetings:item_edit", args=[meeting.pk, first.pk]), item_form),
        (
            reverse("meetings:item_edit", args=[meeting.pk, first.pk]),
            {
                "title": first.title,
                "kind": first.kind,
                "attachment": SimpleUploadedFile("ny.pdf", b"%PDF-1.4 ny"),
            },
        ),
        (reverse("meetings:item_move", args=[meeting.pk, second.pk]), {"up": "1"}),
        (reverse("meetings:item_remove", args=[meeting.pk, second.pk]), {}),
        (
            reverse("meetings:attendance", args=[meeting.pk]),
            {f"p{cast.alice.pk}": "frånvarande", f"p{cast.bob.pk}": "frånvarande"},
        ),
        (
            reverse("minutes:note", args=[meeting.pk, first.pk]),
            {"text": "Efterhandsändring", "revision": 1},
        ),
        (reverse("minutes:decision_add", args=[meeting.pk, first.pk]), {"text": "Sent beslut"}),
        (
            reverse("followup:assignment_add", args=[meeting.pk]),
            {"who": "Alice", "what": "Smyguppdrag", "due": "2031-04-01"},
        ),
        (reverse("publishing:request_approval", args=[meeting.pk]), {"approvers": [cast.bob.pk]}),
    ]
    for url, data in attempts:
        response = client.post(url, data, follow=True)
        html = response.content.decode()
        assert "justerade och låsta" in html, url
        assert record(meeting) == before, url

    assert client.get(pdf_url).content == pdf_before
    assert text_of(client.get(pdf_url).content) == text_before


def test_a_locked_meeting_page_offers_no_edits(locked, login):
    html = login("alice").get(locked.get_absolute_url()).content.decode()
    for hidden in ("Flytta upp", "Flytta ned", "Ta bort", "Ny punkt", "Registrera närvaro"):
        assert hidden not in html
    assert ">Ändra<" not in html
    editor = login("alice").get(reverse("minutes:editor", args=[locked.pk])).content.decode()
    assert "Lägg till beslut" not in editor and "Lägg till uppdrag" not in editor
    assert "Rätta (ny version)" in editor and "Justeras vid nästa möte" in editor


def test_a_later_meetings_report_back_is_not_an_edit_of_the_locked_one(locked, cast, login):
    client = login("alice")
    pdf_url = reverse("publishing:minutes", args=[locked.pk, "pdf"])
    text_before = text_of(client.get(pdf_url).content)
    assignment = Assignment.objects.get(meeting=locked)
    response = client.post(
        reverse("followup:report_back", args=[assignment.pk]),
        {"outcome": "continued", "new_due": "2031-09-01"},
        follow=True,
    )
    assert "Uppdraget är uppdaterat." in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.due_date == datetime.date(2031, 9, 1)
    text_after = text_of(client.get(pdf_url).content)
    assert text_after == text_before and "1 mars 2031" in text_after


def test_correction_opens_the_record_again(locked, login):
    client = login("alice")
    client.post(reverse("minutes:correct", args=[locked.pk]))
    item = locked.items.first()
    client.post(
        reverse("meetings:item_edit", args=[locked.pk, item.pk]),
        {"title": "Godkännande av dagordningen", "kind": "beslut"},
    )
    item.refresh_from_db()
    assert item.title == "Godkännande av dagordningen"
    assert timezone.localdate() > locked.date
