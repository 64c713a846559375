"""Plans, values (all or nothing, row-level messages) and the inventory round."""

import io
import re

import pytest
from django.urls import reverse

from samverkan.directory.models import Body
from samverkan.plans.catalogue import load_catalogue
from samverkan.plans.models import (
    AgreementGoal,
    CatalogueIndicator,
    Goal,
    Indicator,
    Measurement,
    Plan,
)
from tests.factories import make_body, make_membership

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def catalogue(db):
    """A flush by an earlier transactional test empties what the migration loaded."""
    load_catalogue()


@pytest.fixture
def plan(cast):
    plan = Plan.objects.create(body=cast.public_body, title="Handlingsplan 2024")
    goal = Goal.objects.create(plan=plan, title="Fler får fast läkarkontakt")
    Indicator.objects.create(goal=goal, name="Fast läkarkontakt", unit="andel %", target=80)
    Indicator.objects.create(goal=goal, name="Hembesök", unit="antal", target=120)
    return plan


def test_secretary_builds_a_plan(cast, login):
    client = login("alice")
    client.post(
        reverse("plans:body_plans", args=[cast.public_body.pk]), {"title": "Plan för nära vård"}
    )
    plan = Plan.objects.get()
    client.post(reverse("plans:goal_add", args=[plan.pk]), {"title": "Tryggare hemgång"})
    goal = plan.goals.get()
    catalogue = CatalogueIndicator.objects.get(name="Kontinuitetsindex")
    client.post(
        reverse("plans:indicator_add", args=[plan.pk, goal.pk]),
        {"catalogue": catalogue.pk, "unit": "index", "direction": "högre", "target": "0,5"},
    )
    client.post(
        reverse("plans:activity_add", args=[plan.pk, goal.pk]),
        {"title": "Gemensam utbildning", "owners": [cast.bob.pk], "status": "pågående"},
    )
    assert goal.indicators.get().name == "Kontinuitetsindex"
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Gemensam utbildning" in page and "Bob Berg" in page


@pytest.mark.parametrize("username", ["bob", "carl", None])
def test_only_editors_change_plans(plan, login, username):
    response = login(username).post(reverse("plans:goal_add", args=[plan.pk]), {"title": "X"})
    assert response.status_code == 403
    assert plan.goals.count() == 1


def test_indicator_needs_a_name_or_a_catalogue_entry(plan, login):
    goal = plan.goals.get()
    page = (
        login("alice")
        .post(
            reverse("plans:indicator_add", args=[plan.pk, goal.pk]),
            {"unit": "antal", "direction": "högre"},
        )
        .content.decode()
    )
    assert "Ge indikatorn ett namn" in page and goal.indicators.count() == 2


def test_values_for_a_period_draw_a_chart(plan, login):
    client = login("alice")
    ids = {i.name: i.pk for i in Indicator.objects.all()}
    for period, share, visits in [("2024-01-01", "61,5", "40"), ("2024-04-01", "68", "75")]:
        client.post(
            reverse("plans:values", args=[plan.pk]),
            {
                "period": period,
                f"i{ids['Fast läkarkontakt']}": share,
                f"i{ids['Hembesök']}": visits,
            },
        )
    assert Measurement.objects.count() == 4
    page = client.get(plan.get_absolute_url()).content.decode()
    assert page.count("<svg") == 2 and "<polyline" in page and "61,5" in page
    assert "0 av 2" in page  # neither indicator has reached its target yet
    coordinates = re.findall(r'c[xy]="([^"]+)"', page)
    assert coordinates and all(float(c) >= 0 for c in coordinates)  # not "61,5" in the SVG


def test_the_values_table_shows_one_year_at_a_time_and_the_chart_every_value(plan, login):
    indicator = Indicator.objects.get(name="Hembesök")
    for year in (2023, 2024):
        for month in range(1, 13):
            Measurement.objects.create(
                indicator=indicator,
                period=f"{year}-{month:02}-01",
                value=f"{year - 2000}{month:02}",
            )
    client = login("alice")
    page = client.get(plan.get_absolute_url()).content.decode()
    assert page.count('r="4" class="dot"') == 24  # the chart draws both years
    table = page.split('<table class="values">')[1].split("</table>")[0]
    assert "2024-12" in table and "2024-01" in table and "2023-12" not in table
    assert '<a href="?ar=2023">2023</a>' in page
    earlier = client.get(plan.get_absolute_url(), {"ar": "2023"}).content.decode()
    table = earlier.split('<table class="values">')[1].split("</table>")[0]
    assert "2023-01" in table and "2024-01" not in table
    edit = reverse("plans:value_edit", args=[plan.pk, indicator.values.get(period="2023-05-01").pk])
    assert edit in earlier and edit not in page
    assert client.get(plan.get_absolute_url(), {"ar": "1999"}).content.decode().count("2024-12") > 0


@pytest.mark.parametrize(
    "rows, problem",
    [
        (
            "indikator;period;värde\nFast läkarkontakt;2024-01;62\nOkänd;2024-01;3\n",
            "Rad 3: okänd indikator ”Okänd”.",
        ),
        ("Fast läkarkontakt;2024-01;sextio\n", "Rad 1: ”sextio” är inget tal."),
        (
            "Fast läkarkontakt;2024-01;60\nFast läkarkontakt;2024-01;61\n",
            "Rad 2: Fast läkarkontakt har redan ett värde för 2024-01-01 längre upp.",
        ),
        ("Fast läkarkontakt;januari;60\n", "Rad 1: ”januari” är ingen period"),
    ],
)
def test_bad_value_files_save_nothing(plan, login, rows, problem):
    upload = io.BytesIO(rows.encode())
    upload.name = "varden.csv"
    page = (
        login("alice")
        .post(reverse("plans:values_import", args=[plan.pk]), {"file": upload})
        .content.decode()
    )
    assert problem in page and "Inget sparades" in page
    assert not Measurement.objects.exists()


def test_a_period_with_a_value_is_replaced_only_after_a_confirmation(plan, login):
    indicator = Indicator.objects.get(name="Hembesök")
    Measurement.objects.create(indicator=indicator, period="2024-01-01", value=10)
    page = (
        login("alice")
        .post(
            reverse("plans:values", args=[plan.pk]),
            {"period": "2024-01-01", f"i{indicator.pk}": "12"},
        )
        .content.decode()
    )
    assert "Ersätta värden?" in page and "Hembesök" in page
    assert Measurement.objects.get().value == 10


def test_xlsx_values_are_read(plan, login):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["indikator", "period", "värde"])
    book.active.append(["Hembesök", "2024-02", 33])
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    buffer.name = "varden.xlsx"
    login("alice").post(reverse("plans:values_import", args=[plan.pk]), {"file": buffer})
    assert Measurement.objects.get().value == 33


def test_inventory_round_from_opening_to_overview(cast, login, django_user_model):
    central = make_body(name="Centralt", short_name="CS2", level="central")
    chair = cast.carl
    make_membership(chair, central, role="ordförande")
    south, north = cast.public_body, make_body(name="DS Nord", short_name="DSN")
    make_membership(cast.bob, north, role="sekreterare")
    goals = list(AgreementGoal.objects.all()[:2])
    client = login("carl")
    client.post(
        reverse("plans:rounds"),
        {
            "title": "Inventering 2024",
            "goals": [g.pk for g in goals],
            "bodies": [south.pk, north.pk],
        },
    )
    round_ = cast.public_body.inventoryround_set.get()
    client.logout()
    for username, body, status in [("alice", south, "pågår"), ("bob", north, "uppnått")]:
        c = login(username)
        c.post(
            reverse("plans:answer", args=[round_.pk, body.pk]),
            {f"s{g.pk}": status for g in goals} | {f"c{goals[0].pk}": "Rutin finns"},
        )
        c.logout()
    page = login("carl").get(round_.get_absolute_url()).content.decode()
    assert page.count("pågår") >= 2 and page.count("uppnått") >= 2
    export = login("carl").get(reverse("plans:export", args=[round_.pk]))
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(export.content)).active
    assert {c.value for c in sheet["A"]} == {"Organ", south.name, north.name}
    import pdfplumber

    pdf = login("carl").get(reverse("plans:pdf", args=[round_.pk]))
    with pdfplumber.open(io.BytesIO(pdf.content)) as document:
        text = document.pages[0].extract_text()
    assert "Inventering 2024" in text and south.name in text and "uppnått" in text


def test_outsider_cannot_answer_for_a_body(cast, login):
    goals = list(AgreementGoal.objects.all()[:1])
    from samverkan.plans.services import open_round

    round_ = open_round(title="R", goals=goals, bodies=[cast.public_body])
    response = login("carl").post(
        reverse("plans:answer", args=[round_.pk, cast.public_body.pk]),
        {f"s{goals[0].pk}": "uppnått"},
    )
    assert response.status_code == 403 and not round_.answers.exists()
    assert Body.objects.count() == 2


def test_the_catalogue_drops_remarks_from_earlier_names():
    CatalogueIndicator.objects.all().delete()
    CatalogueIndicator.objects.create(name="Fast vårdkontakt (text avkortad i källan)")
    load_catalogue()
    names = set(CatalogueIndicator.objects.values_list("name", flat=True))
    assert "Fast vårdkontakt" in names and not any("(" in n and "källan" in n for n in names)
    areas = set(AgreementGoal.objects.values_list("area", flat=True))
    assert "Del B – basal rehabilitering" in areas
    assert not any("OSÄKER" in a or "ej verifierat" in a for a in areas)
