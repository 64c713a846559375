"""Correcting measured values: one at a time, or a file that replaces after a confirmation."""

import datetime
import io
import re

import pytest
from django.urls import reverse

from samverkan.plans.charts import line_chart, nice_ticks
from samverkan.plans.models import Goal, Indicator, Measurement, Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator(cast):
    plan = Plan.objects.create(body=cast.public_body, title="Handlingsplan 2025")
    goal = Goal.objects.create(plan=plan, title="Fler får fast läkarkontakt")
    indicator = Indicator.objects.create(
        goal=goal, name="Hembesök", unit="antal", baseline=37, target=120
    )
    for month, value in [(1, 40), (4, 75)]:
        Measurement.objects.create(
            indicator=indicator, period=datetime.date(2025, month, 1), value=value
        )
    return indicator


def upload(text: str, name="varden.csv"):
    buffer = io.BytesIO(text.encode())
    buffer.name = name
    return buffer


def test_the_secretary_corrects_one_value(indicator, login):
    client = login("alice")
    plan = indicator.goal.plan
    page = client.get(plan.get_absolute_url()).content.decode()
    value = indicator.values.get(period="2025-04-01")
    edit = reverse("plans:value_edit", args=[plan.pk, value.pk])
    assert edit in page
    form = client.get(edit).content.decode()
    assert 'value="75"' in form
    refused = client.post(edit, {"value": "sjuttio"}).content.decode()
    assert "Skriv ett tal" in refused and 'value="sjuttio"' in refused
    value.refresh_from_db()
    assert value.value == 75
    client.post(edit, {"value": "77,5"})
    value.refresh_from_db()
    assert str(value.value) == "77.50"
    assert "77,5" in client.get(plan.get_absolute_url()).content.decode()


def test_a_member_cannot_correct_a_value(indicator, login):
    value = indicator.values.first()
    url = reverse("plans:value_edit", args=[indicator.goal.plan_id, value.pk])
    assert login("bob").post(url, {"value": "1"}).status_code == 403
    value.refresh_from_db()
    assert value.value == 40


def test_a_file_replaces_a_periods_value_after_a_confirmation(indicator, login):
    client = login("alice")
    url = reverse("plans:values_import", args=[indicator.goal.plan_id])
    file = upload("indikator;period;värde\nHembesök;2025-04;80\nHembesök;2025-07;90\n")
    page = client.post(url, {"file": file}).content.decode()
    assert "Ersätta värden?" in page and "Inget är sparat ännu" in page
    assert re.search(r"2025-04</td><td>75</td><td><strong>80</strong>", page)
    assert sorted(indicator.values.values_list("value", flat=True)) == [40, 75]

    token = re.search(r'name="confirm" value="([^"]+)"', page)[1]
    altered = client.post(url, {"confirm": token[:-2] + "xx"}).content.decode()
    assert "Bekräftelsen gick inte att läsa" in altered
    assert indicator.values.count() == 2

    client.post(url, {"confirm": token})
    assert {str(m.period): m.value for m in indicator.values.all()} == {
        "2025-01-01": 40,
        "2025-04-01": 80,
        "2025-07-01": 90,
    }


def test_the_same_values_again_need_no_confirmation(indicator, login):
    url = reverse("plans:values_import", args=[indicator.goal.plan_id])
    response = login("alice").post(url, {"file": upload("Hembesök;2025-04;75\n")})
    assert response.status_code == 302 and indicator.values.count() == 2


@pytest.mark.parametrize(
    "low, high, ticks",
    [
        (0, 120, [0, 50, 100, 150]),
        (0, 80, [0, 20, 40, 60, 80]),
        (0, 0.5, [0, 0.2, 0.4, 0.6]),
        (-3, 7, [-5, 0, 5, 10]),
        (0, 13, [0, 5, 10, 15]),
    ],
)
def test_axis_ticks_are_round_numbers(low, high, ticks):
    assert nice_ticks(low, high) == ticks


def test_the_chart_draws_baseline_and_target(indicator, login):
    chart = line_chart(indicator)
    assert [label for _, label in chart.ticks] == ["0", "50", "100", "150"]
    assert chart.baseline_y is not None and chart.target_y < chart.baseline_y
    page = login("alice").get(indicator.goal.plan.get_absolute_url()).content.decode()
    assert 'class="baseline"' in page and "utgångsvärde" in page


def test_one_value_alone_is_drawn(indicator):
    indicator.baseline = indicator.target = None
    indicator.values.exclude(period="2025-01-01").delete()
    chart = line_chart(indicator)
    assert [label for _, label in chart.ticks] == ["0", "10", "20", "30", "40"]
