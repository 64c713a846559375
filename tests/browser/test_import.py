"""Importing a Word file of seed 004, correcting it on the review screen, and what comes out."""

import io
from pathlib import Path

import pytest

from samverkan.directory.models import Body
from samverkan.directory.services import load_reference
from samverkan.importer.tests.formats import as_docx
from samverkan.meetings.models import Meeting
from samverkan.publishing.archive import publish
from tests.browser.conftest import screenshot, serious_violations, sign_in
from tests.smtp import run_worker

pytestmark = pytest.mark.django_db(transaction=True)

SEED = Path("/work/shared/corpus/seeds/004_6c05e29f5e5add90.txt")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _upload(page, name, data, mime):
    page.goto("/import/")
    page.set_input_files(
        "input[type=file]", files=[{"name": name, "mimeType": mime, "buffer": data}]
    )
    page.get_by_role("button", name="Läs in").click()
    page.wait_for_selector("text=Väntar på att läsas in")  # the page answers before reading
    run_worker()
    page.wait_for_selector(f"td:has-text('{name}') + td")  # the page updates itself
    screenshot(page, "import-upload-read")


@pytest.fixture
def secretary(cast, page):
    """Alice, secretary of DOT Nordost, signed in."""
    load_reference()
    dot = Body.objects.get(short_name="DOT Nordost")
    cast.alice.memberships.create(body=dot, role="sekreterare")
    sign_in(page, "alice")


def test_the_corrected_import_is_what_everyone_sees(cast, secretary, page, live_server):
    text = SEED.read_text(encoding="utf-8")
    _upload(page, "dot-2023-11-24.docx", as_docx(text), DOCX)
    page.get_by_role("link", name="dot-2023-11-24.docx").first.click()
    assert serious_violations(page) == []
    screenshot(page, "import-review")
    page.locator("textarea", has_text="Nytt uppdrag blir att varje lokal").fill("")
    page.locator("textarea", has_text="Dagordningen godkänns.").fill(
        "Dagordningen godkänns med en extra punkt om budget."
    )
    page.locator("select[name*='_owner']").first.select_option("Maria Tischbierek")
    page.locator("input[name=place]").fill("Kristianstad, rum 4")
    page.get_by_role("button", name="Bekräfta och importera").click()
    page.wait_for_selector("text=Mötet är importerat.")
    meeting = Meeting.objects.get(date="2023-11-24")
    assert "Kristianstad, rum 4" in page.content()

    publish(meeting, by=cast.alice.user)
    public = page.context.browser.new_context(base_url=live_server.url, locale="sv-SE").new_page()
    public.goto(f"/arkiv/moten/{meeting.pk}/")
    archive = public.content()
    assert "Dagordningen godkänns med en extra punkt om budget." in archive
    assert "Inga synpunkter lämnas." in archive and "Kristianstad, rum 4" in archive
    public.goto("/arkiv/sok/?q=läkarmedverkan")
    assert f"/arkiv/moten/{meeting.pk}/" in public.content()

    pdf = page.request.get(f"/moten/{meeting.pk}/minnesanteckningar.pdf")
    assert pdf.ok
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf.body())) as document:
        words = " ".join((p.extract_text() or "").replace("\n", " ") for p in document.pages)
    assert "extra punkt om budget" in words

    _upload(page, "dot-2023-11-24.txt", SEED.read_bytes(), "text/plain")
    assert "troligen samma möte" in page.locator("table").first.inner_text()


UNSURE = (
    "Minnesanteckningar DOT Nordost\n\nDatum: 2023-11-24\n\nNärvarande: Anna Berg, Per Holm\n\n"
    "1. Lokaler\n\nAnna tar fram ett förslag på nya lokaler.\n\n"
    "2. Inbjudan\n\nInbjudan kommer att skickas ut i januari.\n"
)


def test_what_was_read_with_low_confidence_says_so(secretary, page):
    _upload(page, "lokaler.txt", UNSURE.encode(), "text/plain")
    page.get_by_role("link", name="lokaler.txt").first.click()
    assert page.get_by_text("1 fält är osäkert utläst och märkt ”Kontrollera”").is_visible()
    unsure = page.get_by_label("Uppdrag 2 (valfritt) Kontrollera")
    assert unsure.input_value() == "Inbjudan kommer att skickas ut i januari."
    assert page.get_by_label("Uppdrag 1 (valfritt)", exact=True).is_visible()
    assert "Osäkert utläst" in unsure.evaluate(
        "e => document.getElementById(e.getAttribute('aria-describedby')).textContent"
    )
    assert serious_violations(page) == []
    screenshot(page, "import-review-unsure")
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.get_by_text("Kontrollera", exact=True).is_visible()
    screenshot(page, "import-review-unsure-phone")


def test_each_kind_of_highlight_has_its_own_colour_shown_in_the_legend(secretary, page):
    _upload(page, "dot.txt", SEED.read_bytes(), "text/plain")
    page.get_by_role("link", name="dot.txt").first.click()
    colours = {}
    for kind in ("närvaro", "beslut", "uppdrag", "nästa möte"):
        line = page.locator(".source-text li", has=page.locator(".mark-label", has_text=kind))
        legend = page.locator(".legend li", has_text=kind)
        background, bar = line.first.evaluate(
            "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).borderLeftColor]"
        )
        assert legend.evaluate("e => getComputedStyle(e).borderLeftColor") == bar, kind
        colours[kind] = (background, bar)
    assert len({background for background, _ in colours.values()}) == 4, colours
    assert len({bar for _, bar in colours.values()}) == 4, colours
