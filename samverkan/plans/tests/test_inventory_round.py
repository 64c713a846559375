"""An inventory round: deadline, how many have answered, and exports that carry everything."""

import datetime
import io
import os
from pathlib import Path

import pdfplumber
import pytest
from django.urls import reverse
from openpyxl import load_workbook

from samverkan.plans.catalogue import load_catalogue
from samverkan.plans.models import AgreementGoal, InventoryRound
from samverkan.plans.services import answer
from tests.factories import make_body, make_membership

pytestmark = pytest.mark.django_db

LINK = "https://www.skane.se/organisation-politik/rapporter/uppfoljning-hs-avtalet-2025"


@pytest.fixture
def round_(cast, db):
    load_catalogue()
    central = make_body(name="Centralt samverkansorgan", short_name="CSO", level="central")
    make_membership(cast.carl, central, role="ordförande")
    others = [make_body(name=f"Delregional samverkan {n}", short_name=f"DS{n}") for n in range(6)]
    goals = list(AgreementGoal.objects.all())
    client_bodies = [cast.public_body.pk] + [b.pk for b in others]
    return goals, client_bodies, others


def test_a_round_has_a_deadline_and_says_how_many_have_answered(cast, login, round_):
    goals, bodies, others = round_
    client = login("carl")
    client.post(
        reverse("plans:rounds"),
        {
            "title": "Inventering 2026",
            "goals": [g.pk for g in goals],
            "bodies": bodies,
            "deadline": "2026-12-15",
        },
    )
    created = InventoryRound.objects.get()
    assert created.deadline == datetime.date(2026, 12, 15)
    statuses = {g.pk: {"status": "pågår", "comment": "", "evidence": ""} for g in goals}
    for body in [cast.public_body, *others[:2]]:
        answer(created, body, statuses)
    page = client.get(created.get_absolute_url()).content.decode()
    assert "3 av 7 har svarat" in page and "svar senast 15 december 2026" in page
    listing = client.get(reverse("plans:rounds")).content.decode()
    assert "3 av 7 har svarat" in listing


def test_excel_and_pdf_carry_comments_and_links_and_the_pdf_fits_the_page(cast, login, round_):
    goals, bodies, others = round_
    from samverkan.plans.services import open_round

    created = open_round(title="Inventering 2026", goals=goals, bodies=[cast.public_body, *others])
    comment = "Rutin för samordnad individuell plan finns i alla kommuner i området."
    answer(
        created,
        cast.public_body,
        {g.pk: {"status": "uppnått", "comment": comment, "evidence": LINK} for g in goals},
    )
    client = login("carl")
    sheet = load_workbook(
        io.BytesIO(client.get(reverse("plans:export", args=[created.pk])).content)
    ).active
    texts = [c.value or "" for row in sheet.iter_rows() for c in row]
    assert any(comment in t and LINK in t for t in texts)

    pdf = client.get(reverse("plans:pdf", args=[created.pk])).content
    if os.environ.get("SAMVERKAN_REVIEW_SHOTS"):  # a folder: the PDF to look at
        Path(os.environ["SAMVERKAN_REVIEW_SHOTS"], "inventory.pdf").write_bytes(pdf)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = "\n".join(p.extract_text() or "" for p in document.pages)
        for page in document.pages:
            assert all(ch["x0"] >= 0 and ch["x1"] <= page.width for ch in page.chars)
    words = set(text.split())
    assert all(word in words for word in comment.split())
    assert "uppfoljning-hs-avtalet-2025" in "".join(text.split())
