"""The standard agenda per body, and § numbering in a series per body and year."""

import datetime
import io

import pdfplumber
import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.directory.models import Body
from samverkan.followup import services as followup
from samverkan.meetings.models import Meeting
from samverkan.minutes.services import minutes_for
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db

SWEDISH_ORDER = [
    "Mötets öppnande",
    "Val av justerare",
    "Godkännande av dagordning",
    "Föregående mötesanteckningar",
    "Övriga frågor",
    "Nästa möte",
    "Mötets avslutande",
]


def titles(meeting: Meeting) -> list[str]:
    return [i.title for i in Meeting.objects.get(pk=meeting.pk).items.all()]


def plan(client, body: Body, date: datetime.date) -> Meeting:
    client.post(
        reverse("followup:plan_meeting", args=[body.pk]),
        {"kind": "ordinarie", "date": date.isoformat()},
    )
    return body.meetings.get(date=date)


def edit_body(client, body: Body, **changes):
    fields = {
        "name": body.name,
        "short_name": body.short_name,
        "level": body.level,
        "area": body.area,
        "parent": body.parent_id or "",
        "description": body.description,
        "is_public": "on" if body.is_public else "",
        "standard_agenda": body.standard_agenda,
        "numbers_paragraphs": "on" if body.numbers_paragraphs else "",
    }
    return client.post(reverse("directory:body_edit", args=[body.pk]), {**fields, **changes})


def in_days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def test_a_planned_meeting_starts_with_the_swedish_order_of_business(cast, login):
    meeting = plan(login("alice"), cast.public_body, in_days(10))
    assert titles(meeting) == SWEDISH_ORDER
    kinds = {i.title: i.kind for i in meeting.items.all()}
    assert kinds["Val av justerare"] == "beslut" and kinds["Mötets öppnande"] == "information"


def test_new_items_come_before_the_closing_items(cast, login):
    client = login("alice")
    meeting = plan(client, cast.public_body, in_days(10))
    client.post(
        reverse("meetings:item_add", args=[meeting.pk]),
        {"title": "Budget 2027", "kind": "diskussion", "description": ""},
    )
    client.post(
        reverse("meetings:item_add", args=[meeting.pk]),
        {"title": "Rapport från fokusgrupperna", "kind": "information", "description": ""},
    )
    assert titles(meeting)[4:] == [
        "Budget 2027",
        "Rapport från fokusgrupperna",
        "Övriga frågor",
        "Nästa möte",
        "Mötets avslutande",
    ]
    assert [i.position for i in meeting.items.all()] == list(range(1, 10))


def test_the_secretary_edits_the_standard_agenda_and_the_next_meeting_uses_it(cast, login):
    client = login("alice")
    page = client.get(reverse("directory:body_edit", args=[cast.public_body.pk])).content.decode()
    assert "Mötets öppnande" in page and "Standarddagordning" in page
    response = edit_body(
        client,
        cast.public_body,
        standard_agenda="Mötets öppnande\nVal av justerare\n…\nMötets avslutande",
    )
    assert response.status_code == 302
    meeting = plan(client, cast.public_body, in_days(10))
    client.post(
        reverse("meetings:item_add", args=[meeting.pk]),
        {"title": "Lägesrapport", "kind": "information", "description": ""},
    )
    assert titles(meeting) == [
        "Mötets öppnande",
        "Val av justerare",
        "Lägesrapport",
        "Mötets avslutande",
    ]


def test_a_member_cannot_change_the_standard_agenda(cast, login):
    response = edit_body(login("bob"), cast.public_body, standard_agenda="Bara en punkt")
    assert response.status_code == 403
    cast.public_body.refresh_from_db()
    assert cast.public_body.standard_agenda.startswith("Mötets öppnande")


def test_reports_back_are_one_item_in_its_standard_place(cast, login):
    client = login("alice")
    held = make_meeting(cast.public_body, days_ahead=-7)
    for text in ("Inventera målen", "Ta fram en kommunikationsplan"):
        followup.create_assignment(
            minutes=minutes_for(held),
            body=cast.public_body,
            text=text,
            people=[cast.bob],
            due_body=cast.public_body,
        )
    meeting = plan(client, cast.public_body, in_days(10))
    client.post(
        reverse("meetings:item_add", args=[meeting.pk]),
        {"title": "Budget 2027", "kind": "diskussion", "description": ""},
    )
    assert titles(meeting)[3:6] == [
        "Föregående mötesanteckningar",
        "Återrapportering",
        "Budget 2027",
    ]
    report = meeting.items.get(kind="återrapportering")
    assert sorted(a.text for a in report.report_backs.all()) == [
        "Inventera målen",
        "Ta fram en kommunikationsplan",
    ]
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert page.count("Inventera målen") == 1


def test_paragraphs_are_numbered_in_a_series_per_body_and_year(cast, login):
    client = login("alice")
    edit_body(client, cast.public_body, numbers_paragraphs="on")
    year = timezone.localdate().year
    first = make_meeting(cast.public_body, date=datetime.date(year, 1, 2))
    second = make_meeting(cast.public_body, date=datetime.date(year, 1, 3))
    client.post(reverse("minutes:approve", args=[first.pk]), {"approval": "nästa möte"})
    assert [i.paragraph for i in first.items.all()] == [1, 2, 3, 4, 5, 6, 7]

    page = client.get(second.get_absolute_url()).content.decode()
    assert "§ 8" in page and "§ 14" in page
    client.post(reverse("minutes:approve", args=[second.pk]), {"approval": "nästa möte"})
    assert [i.paragraph for i in second.items.all()] == list(range(8, 15))

    # a correction keeps the numbers; an item added to it takes the next one of the series
    client.post(reverse("minutes:correct", args=[first.pk]))
    Meeting.objects.filter(pk=first.pk).update(date=datetime.date(year, 1, 2))
    first.refresh_from_db()
    from samverkan.meetings.services import add_item

    add_item(first, title="Tillägg", kind="information")
    client.post(reverse("minutes:approve", args=[first.pk]), {"approval": "nästa möte"})
    numbers = {i.title: i.paragraph for i in first.items.all()}
    assert numbers["Mötets öppnande"] == 1 and numbers["Tillägg"] == 15

    editor = client.get(reverse("minutes:editor", args=[second.pk])).content.decode()
    assert "§ 8 Mötets öppnande" in editor
    for fmt in ("pdf", "docx"):
        document = client.get(reverse("publishing:minutes", args=[second.pk, fmt]))
        assert "§ 8 Mötets öppnande" in text_of(document.content, fmt), fmt
    client.post(reverse("publishing:publish", args=[second.pk]), {"to_members": ""})
    archive = login(None).get(reverse("publishing:archive_minutes", args=[second.pk]))
    assert "§ 14 Mötets avslutande" in archive.content.decode()


def test_a_body_that_does_not_number_counts_its_items(cast, login):
    client = login("alice")
    meeting = make_meeting(cast.public_body, days_ahead=-1)
    client.post(reverse("minutes:approve", args=[meeting.pk]), {"approval": "nästa möte"})
    assert not meeting.items.exclude(paragraph=None).exists()
    pdf = client.get(reverse("publishing:minutes", args=[meeting.pk, "pdf"])).content
    assert "3. Godkännande av dagordning" in text_of(pdf, "pdf") and "§" not in text_of(pdf, "pdf")


def text_of(content: bytes, fmt: str) -> str:
    if fmt == "pdf":
        with pdfplumber.open(io.BytesIO(content)) as document:
            return "\n".join(p.extract_text() or "" for p in document.pages)
    import docx

    return "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)
