"""The public archive, its Atom feed and Swedish search — and what they never show."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from samverkan.meetings.models import Attachment
from samverkan.minutes.services import (
    add_decision,
    approve,
    minutes_for,
    save_note,
    start_correction,
)
from samverkan.publishing.archive import publish
from tests.factories import make_body, make_meeting

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def held_meeting(body, day, note, decision, by):
    meeting = make_meeting(body, date=day)
    minutes = minutes_for(meeting)
    item = meeting.items.first()
    save_note(minutes, item, text=note, revision=0)
    add_decision(minutes, text=decision, item=item)
    approve(minutes, by=by, approvers=[])
    return meeting


@pytest.fixture
def archive(cast, django_capture_on_commit_callbacks):
    """Published public minutes, approved-but-unpublished public minutes, internal minutes."""
    by = cast.alice.user
    with django_capture_on_commit_callbacks(execute=True):
        published = held_meeting(
            cast.public_body,
            datetime.date(2025, 3, 12),
            "Kommunerna redovisade läget i hemsjukvården. Målen för året nåddes.",
            "Ledningsgruppen beslutade att utöka samverkan om äldreomsorg.",
            by,
        )
        older = held_meeting(
            cast.public_body,
            datetime.date(2024, 5, 2),
            "Genomgång av hemsjukvården i Ystad.",
            "Rapporten godkänns.",
            by,
        )
        waiting = held_meeting(
            cast.public_body,
            datetime.date(2025, 9, 1),
            "Utkast om hemsjukvården som inte är publicerat.",
            "Beslutet väntar på publicering.",
            by,
        )
        internal = held_meeting(
            cast.internal_body,
            datetime.date(2025, 4, 1),
            "Hemlig genomgång av hemsjukvården i arbetsgruppen.",
            "Arbetsgruppen beslutade om bemanningen.",
            by,
        )
        for meeting in (published, older, internal):  # even a publication of an internal body
            publish(meeting, by=by)
    return published, older, waiting, internal


def test_archive_lists_bodies_with_published_minutes_and_each_body_its_years(archive, client, cast):
    published, older, waiting, internal = archive
    page = client.get(reverse("publishing:archive")).content.decode()
    body_url = reverse("publishing:archive_body", args=[cast.public_body.pk])
    assert "Delregional samverkan Sydost" in page
    assert f'<a href="{body_url}">Delregional samverkan Sydost</a>' in page
    assert "Arbetsgrupp Sydost" not in page
    # one year at a time, the latest first, with the other years a link away
    text = client.get(body_url).content.decode()
    assert "onsdag 12 mars 2025" in text.lower() and "2 maj 2024" not in text
    assert 'href="?ar=2024"' in text
    assert "1 september 2025" not in text
    older_year = client.get(body_url, {"ar": "2024"}).content.decode()
    assert "torsdag 2 maj 2024" in older_year.lower() and "12 mars 2025" not in older_year
    # a year without minutes, or not a year at all, shows the latest
    assert "12 mars 2025" in client.get(body_url, {"ar": "1999"}).content.decode()
    assert "12 mars 2025" in client.get(body_url, {"ar": "x"}).content.decode()
    assert (
        client.get(reverse("publishing:archive_body", args=[cast.internal_body.pk])).status_code
        == 404
    )


def test_published_minutes_are_a_page_and_a_pdf_for_anyone(archive, client):
    import io

    import pdfplumber

    published = archive[0]
    page = client.get(reverse("publishing:archive_minutes", args=[published.pk])).content.decode()
    assert "Ledningsgruppen beslutade att utöka samverkan om äldreomsorg." in page
    pdf = client.get(reverse("publishing:archive_pdf", args=[published.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(pdf.content)) as document:
        assert "Ledningsgruppen beslutade" in document.pages[0].extract_text()


@pytest.mark.parametrize("which", [2, 3], ids=["not published", "internal body"])
def test_unpublished_and_internal_minutes_are_not_in_the_archive(archive, client, login, which):
    meeting = archive[which]
    for username in (None, "carl", "bob"):  # bob sits in the internal body: still not public
        viewer = login(username)
        assert (
            viewer.get(reverse("publishing:archive_minutes", args=[meeting.pk])).status_code == 404
        )
        assert viewer.get(reverse("publishing:archive_pdf", args=[meeting.pk])).status_code == 404


def test_atom_feed_has_only_published_public_minutes(archive, client):
    published, older, waiting, internal = archive
    response = client.get(reverse("publishing:archive_feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    links = [e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")]
    assert sorted(links) == sorted(
        f"http://testserver{reverse('publishing:archive_minutes', args=[m.pk])}"
        for m in (published, older)
    )
    assert "bemanningen" not in response.content.decode()


def search(client, **params):
    return client.get(reverse("publishing:search"), params).content.decode()


def test_search_stems_swedish_words_and_highlights_them(archive, client):
    page = search(client, q="beslut äldreomsorgen")
    assert "1 träff" in page
    assert "<mark>beslutade</mark>" in page and "<mark>äldreomsorg</mark>" in page
    assert "Inga träffar" in search(client, q="ingenting sådant")


def test_search_keeps_a_a_and_o_apart(archive, client):
    assert "<mark>Målen</mark>" in search(client, q="mål")
    assert "Inga träffar" in search(client, q="mal")


def test_search_filters_by_body_and_year(archive, client, cast):
    assert "2 träffar" in search(client, q="hemsjukvården")
    only_2024 = search(client, q="hemsjukvården", year=2024)
    assert "1 träff" in only_2024 and "Ystad" in only_2024
    assert "2 träffar" in search(client, q="hemsjukvården", body=cast.public_body.pk)


def test_the_public_finds_only_published_minutes(archive, client):
    assert "Hemlig" not in search(client, q="hemsjukvården")
    assert "Inga träffar" in search(client, q="bemanning")
    assert "Inga träffar" in search(client, q="utkast")


def test_signed_in_non_members_find_no_internal_minutes(archive, login):
    carl = login("carl")
    assert "Hemlig" not in search(carl, q="hemsjukvården")
    assert "Inga träffar" in search(carl, q="bemanning")


def test_members_find_their_internal_minutes(archive, login):
    page = search(login("bob"), q="bemanning")
    assert "Arbetsgruppen <mark>beslutade</mark>" not in page  # the query word is bemanning
    assert "<mark>bemanningen</mark>" in page


def test_a_correction_keeps_the_published_version_in_search_until_published_again(
    archive, client, django_capture_on_commit_callbacks
):
    published = archive[0]
    minutes = published.minutes
    with django_capture_on_commit_callbacks(execute=True):
        start_correction(minutes)
        add_decision(minutes, text="Rättelsen gäller hemtjänsten.", item=published.items.first())
    assert "1 träff" in search(client, q="äldreomsorg")
    assert "Inga träffar" in search(client, q="hemtjänsten")
    with django_capture_on_commit_callbacks(execute=True):
        approve(minutes, by=None, approvers=[])
        publish(published, by=None)
    assert "1 träff" in search(client, q="hemtjänsten")


def test_bad_search_input_gets_a_message_not_an_error(archive, client):
    page = search(client, q="hemsjukvården", year="tvåtusen", body="x")
    assert "Välj ett år i listan." in page and "Välj ett organ i listan." in page
    assert client.get(reverse("publishing:search"), {"q": "x" * 500}).status_code == 200


def test_attachments_of_internal_meetings_are_for_members_only(cast, login, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = make_meeting(cast.internal_body)
    attachment = Attachment.objects.create(
        item=meeting.items.first(), name="Budget.xlsx", file=ContentFile(b"hemligt", "budget.xlsx")
    )
    url = reverse("meetings:attachment", args=[meeting.pk, attachment.pk])
    assert login(None).get(url).status_code == 404
    assert login("carl").get(url).status_code == 404
    login("carl").logout()
    response = login("bob").get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"hemligt"


def test_internal_meetings_are_not_in_the_public_calendar_feed(cast, client):
    make_meeting(cast.internal_body)
    assert (
        client.get(reverse("publishing:body_feed", args=[cast.internal_body.pk])).status_code == 404
    )
    other = make_body(name="Öppet organ", short_name="Öppet")
    assert client.get(reverse("publishing:body_feed", args=[other.pk])).status_code == 200


def test_many_matches_come_newest_first(archive, client, monkeypatch):
    from samverkan.publishing import search as search_module

    monkeypatch.setattr(search_module, "RANKED_AT_MOST", 1)
    page = search(client, q="hemsjukvården")
    assert "Fler än 1 000 träffar" in page
    assert page.index("12 mars 2025") < page.index("2 maj 2024")


def test_reindex_rebuilds_what_signals_built(archive, client):
    from django.core.management import call_command

    from samverkan.publishing.models import SearchDocument

    before = sorted(SearchDocument.objects.values_list("title", "public"))
    SearchDocument.objects.all().delete()
    call_command("reindex", verbosity=0)
    assert sorted(SearchDocument.objects.values_list("title", "public")) == before
    assert "1 träff" in search(client, q="äldreomsorg")


def test_a_body_turning_internal_leaves_the_public_search(
    archive, client, cast, django_capture_on_commit_callbacks
):
    assert "1 träff" in search(client, q="äldreomsorg")
    with django_capture_on_commit_callbacks(execute=True):
        cast.public_body.is_public = False
        cast.public_body.save()
    assert "Inga träffar" in search(client, q="äldreomsorg")


def test_publishing_again_keeps_one_publication_with_a_new_date(archive, cast):
    from samverkan.publishing.models import Publication

    published = archive[0]
    before = published.publication.published_at
    publish(published, by=cast.alice.user)
    assert Publication.objects.filter(meeting=published).count() == 1
    assert Publication.objects.get(meeting=published).published_at > before
