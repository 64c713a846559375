"""Reading an upload is bounded at every stage and happens in the worker, not in the request.

The upload page answers at once; the worker reads each file and the page shows how far it has
come and then each file's result. Text, XML, pages, items and time each have a hard bound with
a Swedish reason.
"""

import io
import time
import zipfile

import pytest
from django.urls import reverse

from samverkan.extraction import pdf as pdf_reader
from samverkan.extraction import readers
from samverkan.importer import services
from samverkan.importer.models import Document
from samverkan.importer.tests.test_errors import DOT, SYDOST, _rows, _zip
from tests.smtp import run_worker

pytestmark = pytest.mark.django_db


@pytest.mark.django_db(transaction=True)  # the worker closes its connection
def test_the_upload_answers_at_once_and_the_worker_reads_it_with_progress(uploader):
    client, _ = uploader
    archive = _zip([("a.txt", DOT), ("b.txt", SYDOST)])
    response = client.post(reverse("importer:upload"), {"files": [archive]})
    assert response.status_code == 302  # nothing was read in the request
    assert Document.objects.count() == 0
    waiting = client.get(reverse("importer:upload")).content.decode()
    assert "protokoll.zip" in waiting and "Väntar på att läsas in" in waiting
    assert 'hx-trigger="every 2s"' in waiting  # the list refreshes itself while it waits

    run_worker()

    page = client.get(reverse("importer:upload")).content.decode()
    rows = _rows(page)
    assert len(rows) == 2 and all("granskas" in row for row in rows)
    assert "2 av 2 filer lästa" in page and 'hx-trigger="every 2s"' not in page
    assert Document.objects.count() == 2


@pytest.mark.django_db(transaction=True)  # the worker closes its connection
def test_progress_is_shown_as_files_are_read(uploader, monkeypatch):
    client, _ = uploader
    seen = []
    real = services.ingest

    def watching(*args, **kwargs):
        seen.append(client.get(reverse("importer:upload")).content.decode())
        return real(*args, **kwargs)

    monkeypatch.setattr(services, "ingest", watching)
    client.post(reverse("importer:upload"), {"files": [_zip([("a.txt", DOT), ("b.txt", SYDOST)])]})
    run_worker()
    assert "0 av 2 filer lästa" in seen[0] and "1 av 2 filer lästa" in seen[1]


def test_another_users_upload_is_not_shown(uploader, login, cast):
    client, _ = uploader
    client.post(reverse("importer:upload"), {"files": [_zip([("hemlig.txt", DOT)])]})
    client.logout()
    staff_page = login("bob").get(reverse("importer:upload"))
    assert staff_page.status_code == 403 or "protokoll.zip" not in staff_page.content.decode()


def test_text_beyond_the_bound_is_refused_with_a_reason(uploader, settings):
    settings.IMPORT_MAX_TEXT_CHARS = 10_000
    outcome = services.ingest("lång.txt", DOT + "\nInga synpunkter lämnas.\n".encode() * 1000)
    assert outcome.status == services.FAILED
    assert "för mycket text" in outcome.reason
    assert Document.objects.count() == 0


def test_too_many_items_to_review_are_refused_with_a_reason(uploader, settings):
    settings.IMPORT_MAX_ITEMS = 3
    outcome = services.ingest("dot.txt", DOT)
    assert outcome.status == services.FAILED
    assert "för många" in outcome.reason


def test_a_docx_whose_xml_unpacks_beyond_the_bound_is_refused_before_parsing(monkeypatch):
    monkeypatch.setattr(readers, "MAX_XML", 100_000)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>" + " " * 200_000 + "</w:document>")
    started = time.perf_counter()
    with pytest.raises(readers.ReadError, match="för stor"):
        readers.read_bytes("bomb.docx", buffer.getvalue())
    assert time.perf_counter() - started < 1


def test_a_pdf_with_more_pages_than_the_bound_is_refused(monkeypatch):
    from weasyprint import HTML

    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 2)
    pdf = HTML(string="<p style='break-after: page'>Sida</p>" * 3).write_pdf()
    with pytest.raises(readers.ReadError, match="fler än 2 sidor"):
        readers.read_bytes("lång.pdf", pdf)


def test_a_document_that_takes_too_long_is_stopped(uploader, settings, monkeypatch):
    settings.IMPORT_SECONDS_PER_DOCUMENT = 1

    def endless(text):
        while True:
            pass

    monkeypatch.setattr(services, "extract_text", endless)
    started = time.perf_counter()
    outcome = services.ingest("dot.txt", DOT)
    assert time.perf_counter() - started < 5
    assert outcome.status == services.FAILED and "tog för lång tid" in outcome.reason
