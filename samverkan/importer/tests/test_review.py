"""The review screen: whatever the reviewer corrects is exactly what is stored."""

from importlib import resources

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from samverkan.directory.models import Body
from samverkan.directory.services import load_reference
from samverkan.followup.models import Assignment
from samverkan.importer import services
from samverkan.importer.models import Document
from samverkan.importer.tests.helpers import review_post
from samverkan.meetings.models import Meeting
from samverkan.minutes.models import Decision, Note

pytestmark = pytest.mark.django_db

SEEDS = resources.files("samverkan.importer") / "data"
DOT = (SEEDS / "dot-nordost-2023-11-24.txt").read_bytes()
SYDOST = (SEEDS / "sydost-tjanstemannaforberedande.txt").read_bytes()


@pytest.fixture
def secretary(cast, login):
    load_reference()
    dot, sydost = (
        Body.objects.get(short_name="DOT Nordost"),
        Body.objects.get(short_name="TB Sydost"),
    )
    cast.alice.memberships.create(body=dot, role="sekreterare")
    cast.alice.memberships.create(body=sydost, role="sekreterare")
    return login("alice"), cast.alice.user, dot, sydost


def _key(data, prefix, startswith):
    return next(
        k for k, v in data.items() if k.startswith(prefix) and str(v).startswith(startswith)
    )


def test_what_the_reviewer_changes_is_what_is_stored(secretary):
    client, user, dot, _ = secretary
    document = services.ingest("dot.txt", DOT).document
    data = review_post(client, document)
    emptied = _key(data, "actions", "Nytt uppdrag blir att varje lokal")
    rewritten = _key(data, "decisions", "Dagordningen godkänns")
    renamed = _key(data, "item", "Föregående mötesanteckningar")
    data.update(
        {
            emptied: "",
            rewritten: "Dagordningen godkänns med tillägg om budget.",
            renamed: "Förra mötets anteckningar",
            "place": "Kristianstad, rum 4",
            "start": "09:30",
        }
    )
    assert client.post(document.get_absolute_url(), data).status_code == 302
    meeting = Meeting.objects.get(date="2023-11-24")
    assert meeting.place == "Kristianstad, rum 4" and meeting.start.isoformat() == "09:30:00"
    assert not Assignment.objects.filter(text__startswith="Nytt uppdrag blir att varje").exists()
    texts = list(Decision.objects.values_list("text", flat=True))
    assert "Dagordningen godkänns med tillägg om budget." in texts
    assert "Dagordningen godkänns." not in texts
    notes = " ".join(Note.objects.values_list("text", flat=True))
    assert "Dagordningen godkänns." not in notes and "tillägg om budget" in notes
    assert meeting.items.filter(title="Förra mötets anteckningar").exists()
    assert meeting.items.get(title="Förra mötets anteckningar").notes.get().text == (
        "Inga synpunkter lämnas."
    )


def test_item_text_is_imported_as_notes(secretary):
    _, _, dot, _ = secretary
    meeting = services.confirm(services.ingest("dot.txt", DOT).document, body=dot)
    notes = {n.item.title: n.text for n in Note.objects.filter(minutes__meeting=meeting)}
    assert notes["Föregående mötesanteckningar"] == "Inga synpunkter lämnas."
    everything = " ".join(notes.values())
    assert "läkarmedverkan" in everything and "Växa tryggt" in everything


def test_an_ambiguous_name_is_chosen_per_occurrence(secretary):
    client, user, _, sydost = secretary
    document = services.ingest("sydost.txt", SYDOST, body=sydost).document
    data = review_post(client, document, date="2020-09-10")
    evas = [k for k, v in data.items() if "_owner" in k and k in _choice_fields(client, document)]
    assert len(evas) >= 2  # "Eva" in several assignments: a choice for each
    text_of = {field: data[field.split("_owner")[0]] for field in evas}
    for field, text in text_of.items():
        data[field] = "Eva Svensson" if text.startswith("Psykiatri sydost") else "Eva Gustafsson"
    assert client.post(document.get_absolute_url(), data).status_code == 302
    first, second = (
        Assignment.objects.get(text__startswith="Psykiatri sydost"),
        Assignment.objects.get(text__startswith="God och nära vård"),
    )
    assert "Eva Svensson" in {p.name for p in first.owner_people.all()}
    assert "Eva Gustafsson" in {p.name for p in second.owner_people.all()}


def _choice_fields(client, document):
    from bs4 import BeautifulSoup

    page = BeautifulSoup(client.get(document.get_absolute_url()).content, "html.parser")
    return {s["name"] for s in page.find_all("select") if "_owner" in s.get("name", "")}


def test_yearless_dates_follow_the_spec_or_are_asked_for(secretary):
    client, user, _, sydost = secretary
    document = services.ingest("sydost.txt", SYDOST, body=sydost).document
    page = client.get(document.get_absolute_url()).content.decode()
    assert "--12-14" in page and "ange datum" in page  # no meeting date: asked for
    data = review_post(client, document, date="2020-09-10")
    assert client.post(document.get_absolute_url(), data).status_code == 302
    dues = set(Assignment.objects.values_list("due_date", flat=True))
    # each yearless date is the first such day on or after the meeting: 14 Dec and 15 Oct 2020
    assert {d.isoformat() for d in dues if d} >= {"2020-12-14"}
    assert all(d.year == 2020 and d.isoformat() >= "2020-09-10" for d in dues if d)


def test_kind_and_justering_come_from_the_document(secretary):
    client, user, _, sydost = secretary
    document = services.ingest("sydost.txt", SYDOST, body=sydost).document
    data = review_post(client, document, date="2020-09-10")  # the kind as pre-filled
    client.post(document.get_absolute_url(), data)
    meeting = Meeting.objects.get(date="2020-09-10")
    assert meeting.kind == Meeting.Kind.PREPARATORY


def test_justering_named_in_the_document_is_kept(secretary):
    _, _, dot, _ = secretary
    text = DOT.decode() + "\n\nJusterare: Anita Joelsson\nJusterat 2023-11-30\n"
    meeting = services.confirm(services.ingest("dot.txt", text.encode()).document, body=dot)
    minutes = meeting.minutes
    assert [p.name for p in minutes.approvers.all()] == ["Anita Joelsson"]
    assert minutes.approved_at.date().isoformat() == "2023-11-30"


def test_only_importable_bodies_are_offered_and_the_original_is_reachable(secretary, cast):
    client, _, dot, sydost = secretary
    document = services.ingest("dot.txt", DOT).document
    form = client.get(document.get_absolute_url()).context["form"]
    offered = set(form.fields["body"].queryset)
    assert offered == _editable(cast.alice.user) and {dot, sydost} <= offered
    assert offered != set(Body.objects.all())
    page = client.get(document.get_absolute_url()).content.decode()
    assert '<ol class="source-text" tabindex="0"' in page
    for label in ("närvaro", "beslut", "uppdrag", "nästa möte"):
        assert f'<span class="mark-label">{label}</span>' in page
    assert 'class="legend"' in page


def test_body_guess_is_the_same_for_every_format(secretary):
    from samverkan.importer.tests.formats import as_docx

    _, _, dot, _ = secretary
    as_text = services.ingest("dot.txt", DOT).document
    as_word = services.ingest("dot.docx", as_docx(DOT.decode())).document
    assert as_text.body == as_word.body == dot


def test_upload_page_offers_only_importable_bodies(secretary, cast):
    client, _, dot, sydost = secretary
    form = client.get(reverse("importer:upload")).context["form"]
    assert set(form.fields["body"].queryset) == _editable(cast.alice.user)
    assert Document.objects.count() == 0


def _editable(user):
    from samverkan.directory import permissions

    return {b for b in Body.objects.all() if permissions.can_edit_body(user, b)}


def test_minutes_without_justering_say_where_they_came_from(secretary):
    client, _, dot, _ = secretary
    meeting = services.confirm(services.ingest("dot.txt", DOT).document, body=dot)
    page = client.get(reverse("minutes:editor", args=[meeting.pk])).content.decode()
    assert "importerad från originalet dot.txt" in page and "Version 1, justerad" not in page
    import io

    import pdfplumber

    response = client.get(reverse("publishing:minutes", args=[meeting.pk, "pdf"]))
    with pdfplumber.open(io.BytesIO(response.content)) as pdf:
        text = " ".join(page.extract_text() or "" for page in pdf.pages)
    assert "Importerad från originalet dot.txt" in text


LOW_AND_HIGH = (
    "Minnesanteckningar DOT Nordost\n\nDatum: 2023-11-24\n\nNärvarande: Anna Berg, Per Holm\n\n"
    "1. Lokaler\n\nAnna tar fram ett förslag på nya lokaler.\n\n"
    "2. Inbjudan\n\nInbjudan kommer att skickas ut i januari.\n"
).encode()


def test_low_confidence_fields_are_marked_in_words(secretary):
    client, *_ = secretary
    document = services.ingest("lokaler.txt", LOW_AND_HIGH).document
    page = BeautifulSoup(client.get(document.get_absolute_url()).content, "html.parser")
    sure = page.find("textarea", string=lambda s: s and "Anna tar fram" in s)
    unsure = page.find("textarea", string=lambda s: s and "Inbjudan kommer" in s)

    def said_about(field):
        label = page.find("label", attrs={"for": field["id"]})
        described = [page.find(id=i) for i in field.get("aria-describedby", "").split()]
        return label.get_text(" ", strip=True), " ".join(d.get_text() for d in described if d)

    label, help_text = said_about(unsure)
    assert "Kontrollera" in label
    assert "Osäkert utläst" in help_text
    label, help_text = said_about(sure)
    assert "Kontrollera" not in label and "Osäkert" not in help_text
    summary = page.find(class_="review-summary").get_text(" ", strip=True)
    assert "1 fält" in summary and "Kontrollera" in summary
    marks = {li.get_text(" ", strip=True) for li in page.select(".source-text li[data-kind]")}
    assert "uppdrag – kontrollera Inbjudan kommer att skickas ut i januari." in marks
    assert "uppdrag Anna tar fram ett förslag på nya lokaler." in marks
