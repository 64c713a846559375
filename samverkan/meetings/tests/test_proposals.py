"""A group proposes items to its parent's next meeting; the parent's secretary answers."""

import datetime

import pytest
from django.urls import reverse

from samverkan.directory.models import Membership
from samverkan.meetings.models import Proposal
from tests.factories import make_body, make_meeting, make_membership, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def flow(cast):
    """TB Sydost (internal, under DS Sydost) with tina as secretary; meetings of both."""
    tb = make_body(
        name="Tjänstemannaberedning Sydost",
        short_name="TB Sydost",
        parent=cast.public_body,
        is_public=False,
    )
    tina = make_person("tina", name="Tina Thor", email="t@example.se")
    dan = make_person(name="Dan Dahl")
    make_membership(tina, tb, role=Membership.Role.SECRETARY)
    make_membership(dan, tb)
    return {
        "tb": tb,
        "tina": tina,
        "dan": dan,
        "tb_meeting": make_meeting(tb, days_ahead=1),
        "tb_next": make_meeting(tb, days_ahead=40),
        "ds_next": make_meeting(cast.public_body, days_ahead=20),
        "ds_later": make_meeting(cast.public_body, days_ahead=50),
    }


def _propose(client, flow, title, **extra):
    url = reverse("meetings:proposal_add", args=[flow["tb_meeting"].pk])
    data = {"to_meeting": flow["ds_next"].pk, "title": title, "kind": "information", **extra}
    return client.post(url, data, follow=True)


def _answer(client, proposal, **data):
    url = reverse("meetings:proposal_answer", args=[proposal.to_meeting_id, proposal.pk])
    return client.post(url, data, follow=True)


def test_the_form_offers_the_parents_next_meeting_first(flow, login):
    page = login("tina").get(reverse("meetings:proposal_add", args=[flow["tb_meeting"].pk]))
    form = page.context["form"]
    assert form["to_meeting"].value() == flow["ds_next"].pk
    choices = list(form.fields["to_meeting"].queryset)
    assert flow["tb_next"] not in choices and flow["ds_later"] in choices


def test_two_proposals_one_accepted_one_declined_and_the_next_meeting_hears_back(flow, login):
    tina = login("tina")
    _propose(tina, flow, "Psykiatri sydost", responsible=[flow["dan"].pk], note="Dan och Eva")
    page = _propose(tina, flow, "God och nära vård")
    assert "Punkten är föreslagen till" in page.content.decode()
    first, second = Proposal.objects.order_by("pk")

    alice = login("alice")
    html = alice.get(flow["ds_next"].get_absolute_url()).content.decode()
    assert "Föreslagna punkter" in html and "Psykiatri sydost" in html and "Dan Dahl" in html
    _answer(alice, first, answer="accept")
    refused = _answer(alice, second, answer="decline", comment="")
    assert "Skriv varför förslaget avböjs" in refused.content.decode()
    second.refresh_from_db()
    assert second.is_pending
    _answer(alice, second, answer="decline", comment="Tas upp i våren i stället.")

    item = flow["ds_next"].items.get(title="Psykiatri sydost")
    assert list(item.responsible.all()) == [flow["dan"]] and item.description == "Dan och Eva"
    assert item.proposal == first
    html = alice.get(flow["ds_next"].get_absolute_url()).content.decode()
    assert "Föreslagen av TB Sydost" in html and "Föreslagna punkter" not in html

    html = login("tina").get(flow["tb_next"].get_absolute_url()).content.decode()
    assert "Svar på våra förslag till andra organ" in html
    assert "Tas upp" in html and "Avböjd" in html and "Tas upp i våren i stället." in html


def test_moved_proposal_waits_at_the_later_meeting(flow, login):
    _propose(login("tina"), flow, "Nära vård")
    proposal = Proposal.objects.get()
    _answer(login("alice"), proposal, answer="move", to=flow["ds_later"].pk, comment="Fullt")
    proposal.refresh_from_db()
    assert proposal.to_meeting == flow["ds_later"] and proposal.moved_from == flow["ds_next"]
    html = login("alice").get(flow["ds_later"].get_absolute_url()).content.decode()
    assert "flyttad hit från" in html
    html = login("tina").get(flow["tb_meeting"].get_absolute_url()).content.decode()
    assert "Flyttad" in html and "väntar på svar" in html


def test_the_proposer_never_edits_the_other_agenda(flow, login):
    tina = login("tina")
    _propose(tina, flow, "Psykiatri sydost")
    proposal = Proposal.objects.get()
    assert _answer(tina, proposal, answer="accept").status_code == 403
    add = reverse("meetings:item_add", args=[flow["ds_next"].pk])
    assert tina.post(add, {"title": "Egen", "kind": "information"}).status_code == 403
    assert not flow["ds_next"].items.filter(title__in=["Psykiatri sydost", "Egen"]).exists()
    assert "Föreslagna punkter" not in tina.get(flow["ds_next"].get_absolute_url()).content.decode()


def test_an_internal_groups_proposals_stay_internal(flow, login, client):
    _propose(login("tina"), flow, "Internt förslag")
    proposal = Proposal.objects.get()
    for who in ("bob", None):
        client.logout()
        html = login(who).get(flow["ds_next"].get_absolute_url()).content.decode()
        assert "Internt förslag" not in html
    _answer(login("alice"), proposal, answer="accept")
    client.logout()
    html = client.get(flow["ds_next"].get_absolute_url()).content.decode()
    assert "Internt förslag" in html and "TB Sydost" not in html


def test_a_proposal_to_a_held_meeting_is_refused(flow, login, cast):
    past = make_meeting(cast.public_body, date=datetime.date(2020, 5, 5))
    page = login("tina").post(
        reverse("meetings:proposal_add", args=[flow["tb_meeting"].pk]),
        {"to_meeting": past.pk, "title": "Sent", "kind": "information"},
    )
    assert page.status_code == 200 and "Välj ett giltigt alternativ" in page.content.decode()
    assert not Proposal.objects.exists()
