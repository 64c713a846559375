"""The central body gives one assignment to three bodies; each reports back on its own."""

import pytest
from django.urls import reverse

from samverkan.directory.models import Body, Membership
from samverkan.followup.models import Assignment, Commission
from tests.factories import make_body, make_meeting, make_membership, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_(cast):
    central = make_body(name="Centralt samverkansorgan", short_name="CS", level=Body.Level.CENTRAL)
    nordost = make_body(name="Delregional samverkan Nordost", short_name="DS Nordost")
    closed = make_body(
        name="Lokal samverkan Ystad", short_name="LS Ystad", is_public=False, parent=central
    )
    cecilia = make_person("cecilia", name="Cecilia Cent")
    make_membership(cecilia, central, role=Membership.Role.SECRETARY)
    nils = make_person("nils", name="Nils Nord")
    make_membership(nils, nordost, role=Membership.Role.SECRETARY)
    receivers = [cast.public_body, nordost, closed]
    return {
        "central": central,
        "receivers": receivers,
        "meetings": {b.pk: make_meeting(b, days_ahead=14) for b in receivers},
        "later": make_meeting(cast.public_body, days_ahead=60),
    }


def _give(client, round_, **extra):
    data = {
        "text": "Inventera målen i HS-avtalet.",
        "receivers": [b.pk for b in round_["receivers"]],
    }
    url = reverse("followup:commission_add", args=[round_["central"].pk])
    return client.post(url, {**data, **extra}, follow=True)


def _report(client, assignment, comment):
    url = reverse("followup:report_back", args=[assignment.pk])
    client.post(url, {"outcome": "reported", "comment": comment})


def test_each_receiver_finds_it_on_its_next_agenda_and_register(round_, login):
    page = _give(login("cecilia"), round_)
    assert "Uppdraget är givet." in page.content.decode()
    commission = Commission.objects.get()
    for body in round_["receivers"]:
        assignment = Assignment.objects.get(commission=commission, body=body)
        assert assignment.report_item.meeting == round_["meetings"][body.pk]
        assert assignment.origin == "Uppdrag från Centralt samverkansorgan"
    html = login("alice").get(round_["meetings"][round_["receivers"][0].pk].get_absolute_url())
    assert "Inventera målen i HS-avtalet." in html.content.decode()
    register = login("alice").get(reverse("followup:register", args=[round_["receivers"][0].pk]))
    assert "Inventera målen i HS-avtalet." in register.content.decode()


def test_a_due_date_puts_it_on_the_first_meeting_on_or_after_it(round_, login):
    due = round_["later"].date
    _give(login("cecilia"), round_, due_date=due.isoformat())
    ds = Assignment.objects.get(body=round_["receivers"][0])
    assert ds.report_item.meeting == round_["later"] and ds.due_date == due


def test_two_answers_and_one_outstanding_side_by_side(round_, login, client):
    _give(login("cecilia"), round_)
    ds, nordost, _closed = round_["receivers"]
    _report(login("alice"), Assignment.objects.get(body=ds), "Sydost har kommit halvvägs.")
    client.logout()
    _report(login("nils"), Assignment.objects.get(body=nordost), "Nordost är klart.")
    client.logout()
    page = login("cecilia").get(Commission.objects.get().get_absolute_url()).content.decode()
    assert "2 svar, 1 väntar" in page
    assert "Sydost har kommit halvvägs." in page and "Nordost är klart." in page
    assert "Lokal samverkan Ystad" in page and "Inget svar ännu." in page


def test_an_internal_receivers_answer_stays_internal(round_, login, client):
    _give(login("cecilia"), round_)
    closed = round_["receivers"][2]
    url = Commission.objects.get().get_absolute_url()
    client.logout()
    html = login("nils").get(url).content.decode()
    assert "Delregional samverkan Nordost" in html and "Lokal samverkan Ystad" not in html
    client.logout()
    assert login("carl").get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404
    assert Assignment.objects.filter(body=closed).exists()


def test_only_the_givers_editors_give_and_bad_input_changes_nothing(round_, login, client):
    assert _give(login("nils"), round_).status_code == 403
    client.logout()
    page = _give(login("cecilia"), round_, receivers=[], text="")
    html = page.content.decode()
    assert "Välj minst ett organ som får uppdraget." in html
    assert not Commission.objects.exists() and not Assignment.objects.exists()
