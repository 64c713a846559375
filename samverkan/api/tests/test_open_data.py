"""Open data: the registers as CSV, XLSX and JSON with their page's filters, and the feeds page."""

import io

import pytest
from openpyxl import load_workbook

from samverkan.followup.models import Assignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def risky(cast):
    """An assignment whose text a spreadsheet would run as a formula."""
    a = Assignment.objects.create(
        text='=HYPERLINK("http://evil.example","klicka")', body=cast.public_body
    )
    a.owner_people.add(cast.bob)
    Assignment.objects.create(text="+46 samtal", body=cast.public_body, status="klar")
    Assignment.objects.create(text="Intern sak", body=cast.internal_body)
    return a


def test_csv_cells_that_look_like_formulas_are_made_text(cast, risky, client):
    response = client.get(f"/organ/{cast.public_body.pk}/uppdrag.csv")
    assert response["Content-Disposition"].startswith("attachment")
    text = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'+46 samtal" in text
    assert ";=HYPERLINK" not in text and "\n=HYPERLINK" not in text


def test_xlsx_cells_that_look_like_formulas_are_made_text(cast, risky, client):
    response = client.get(f"/organ/{cast.public_body.pk}/uppdrag.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    texts = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert all(t.startswith("'") for t in texts)
    assert sheet["B2"].data_type == "s"


def test_json_keeps_the_text_and_the_page_filters_apply(cast, risky, client):
    rows = client.get(f"/organ/{cast.public_body.pk}/uppdrag.json", {"status": "open"}).json()
    assert [r["uppdrag"] for r in rows] == ['=HYPERLINK("http://evil.example","klicka")']


def test_an_internal_bodys_register_is_not_open_data(cast, risky, client):
    assert client.get(f"/organ/{cast.internal_body.pk}/uppdrag.csv").status_code == 404


def test_the_decision_register_downloads(cast, client):
    response = client.get("/beslut.csv")
    assert response.status_code == 200
    assert response.content.decode("utf-8-sig").startswith("datum;organ;dagordningspunkt")


def test_the_open_data_page_lists_the_feeds_and_the_licence(cast, client):
    page = client.get("/oppna-data/").content.decode()
    for link in ("/oparl/v1/", "/api/docs", "/arkiv/nya.atom", "/beslut.csv", "kalender.ics"):
        assert link in page
    assert "creativecommons.org/publicdomain/zero" in page
    assert "AG Sydost" not in page
    assert "/oppna-data/" in client.get("/arkiv/").content.decode()  # footer
