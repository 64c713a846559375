"""Stored XSS and the browser's protections: user-given links are http(s) only, no inline
script runs (Content-Security-Policy), HSTS behind HTTPS, signed-in pages stay private."""

import os
import subprocess
import sys

import pytest
from django.urls import reverse

from samverkan.meetings.models import Meeting
from samverkan.plans.models import Activity, Goal, Plan


@pytest.fixture
def goal(cast):
    plan = Plan.objects.create(body=cast.public_body, title="Handlingsplan 2025")
    return Goal.objects.create(plan=plan, title="Tryggare hemgång")


@pytest.mark.parametrize(
    "address",
    [
        "javascript:alert(document.cookie)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<b>x",
        "ftp://x.se/a",
    ],
)
def test_an_activity_link_must_be_a_web_address(goal, login, address):
    client = login("alice")
    response = client.post(
        reverse("plans:activity_add", args=[goal.plan.pk, goal.pk]),
        {"title": "Utbildning", "status": "planerad", "origin": "Beslut 12", "origin_url": address},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Fyll i en giltig URL." in page or "börjar med https://" in page
    assert not Activity.objects.exists()


def test_a_web_address_is_kept_and_linked(goal, login):
    client = login("alice")
    client.post(
        reverse("plans:activity_add", args=[goal.plan.pk, goal.pk]),
        {
            "title": "Utbildning",
            "status": "planerad",
            "origin": "Beslut 12",
            "origin_url": "https://example.se/beslut/12",
        },
    )
    page = client.get(goal.plan.get_absolute_url()).content.decode()
    assert '<a href="https://example.se/beslut/12">Beslut 12</a>' in page


def test_a_script_link_stored_before_is_not_drawn_as_a_link(goal, login):
    Activity.objects.create(
        goal=goal, title="Gammal", origin="Beslut 3", origin_url="javascript:alert(1)"
    )
    page = login("alice").get(goal.plan.get_absolute_url()).content.decode()
    assert "Beslut 3" in page and "javascript:" not in page


def test_a_meeting_link_must_be_a_web_address(cast, login):
    data = {"kind": "ordinarie", "date": "2030-03-05", "start": "09:00", "end": "11:00"}
    client = login("alice")
    url = reverse("followup:plan_meeting", args=[cast.public_body.pk])
    for address in ("javascript:alert(1)", "ftp://teams.example/abc"):
        response = client.post(url, {**data, "link": address})
        assert response.status_code == 200
    assert not Meeting.objects.exists()
    client.post(url, {**data, "link": "teams.example/abc"})
    assert Meeting.objects.get().link == "https://teams.example/abc"


def test_pages_forbid_inline_script(cast, login):
    for client in (login(None), login("alice")):
        policy = client.get(reverse("directory:body_list"))["Content-Security-Policy"]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
        assert directives["script-src"] == "'self'"
        assert "unsafe" not in policy
        assert directives["object-src"] == "'none'"


def test_no_template_has_inline_script():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "samverkan"
    for template in root.rglob("templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        assert " onclick=" not in text and "hx-on" not in text, template
        assert "<script>" not in text, template


def test_signed_in_pages_are_private_and_sessions_end_after_eight_idle_hours(cast, login):
    client = login("bob")
    response = client.get(reverse("directory:body_list"))
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert response.cookies["sessionid"]["max-age"] == 8 * 3600  # renewed on every request


def test_a_signed_in_feed_or_file_is_private_too(cast, login):
    client = login("bob")
    response = client.get(reverse("publishing:my_calendar"))
    assert "private" in response["Cache-Control"]


def test_https_installs_send_hsts():
    """SECURE_COOKIES=1 (behind HTTPS) turns on HSTS, secure cookies and the https redirect."""
    script = (
        "import django; django.setup(); from django.test import Client; "
        "r = Client().get('/konto/login/', secure=True); "
        "print(r.status_code, r.headers.get('Strict-Transport-Security')); "
        "print(Client().get('/konto/login/').status_code)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samverkan.settings",
        "SECURE_COOKIES": "1",
        "SECRET_KEY": "x" * 60,
        "DEBUG": "0",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env
    )
    secure, plain = result.stdout.splitlines()
    assert secure == "200 max-age=31536000; includeSubDomains", result.stderr
    assert plain == "301"
