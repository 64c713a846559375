"""Ärendets väg: proposal → meeting → decision → assignment, each showing only what may be read."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.directory.models import Membership
from samverkan.followup.services import create_assignment
from samverkan.meetings import proposals
from samverkan.meetings.models import Meeting
from samverkan.minutes.services import add_decision, approve, minutes_for
from samverkan.publishing.archive import publish
from tests.factories import make_body, make_meeting, make_membership, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(cast):
    tb = make_body(
        name="TB Sydost", short_name="TB Sydost", parent=cast.public_body, is_public=False
    )
    tina = make_person("tina", name="Tina Thor")
    make_membership(tina, tb, role=Membership.Role.SECRETARY)
    tb_meeting = make_meeting(tb, days_ahead=1)
    ds = make_meeting(cast.public_body, days_ahead=5)
    proposal = proposals.propose(
        tb_meeting, to_meeting=ds, title="Psykiatri sydost", kind="beslut", note="Dan och Eva"
    )
    item = proposals.accept(proposal).item
    Meeting.objects.filter(pk=ds.pk).update(date=timezone.localdate() - datetime.timedelta(3))
    ds.refresh_from_db()
    minutes = minutes_for(ds)
    decision = add_decision(minutes, text="En arbetsgrupp bildas.", item=item)
    create_assignment(
        minutes=minutes,
        body=cast.public_body,
        text="Ta fram en plan för psykiatrin.",
        people=[cast.bob],
        decision=decision,
    )
    return {"item": item, "meeting": ds, "minutes": minutes, "tb_meeting": tb_meeting}


def _page(client, chain):
    response = client.get(reverse("followup:case", args=[chain["item"].pk]))
    return response.status_code, response.content.decode()


def test_the_whole_chain_for_those_who_take_part(chain, login):
    status, html = _page(login("alice"), chain)
    assert status == 200 and "Ärendets väg" in html
    for text in (
        "Föreslagen av TB Sydost",
        "Dan och Eva",
        "En arbetsgrupp bildas.",
        "Ta fram en plan för psykiatrin.",
    ):
        assert text in html
    meeting_page = login("alice").get(chain["meeting"].get_absolute_url()).content.decode()
    assert reverse("followup:case", args=[chain["item"].pk]) in meeting_page
    tb_page = login("tina").get(chain["tb_meeting"].get_absolute_url()).content.decode()
    assert reverse("followup:case", args=[chain["item"].pk]) in tb_page


def test_the_public_follows_only_what_is_published(chain, client, cast):
    status, html = _page(client, chain)
    assert status == 200 and "Psykiatri sydost" in html
    assert "En arbetsgrupp bildas." not in html and "TB Sydost" not in html
    approve(chain["minutes"], by=cast.alice.user, approvers=[])
    publish(Meeting.objects.get(pk=chain["meeting"].pk), by=cast.alice.user)
    status, html = _page(client, chain)
    assert "En arbetsgrupp bildas." in html and "TB Sydost" not in html
    archive = client.get(reverse("publishing:archive_minutes", args=[chain["meeting"].pk]))
    assert reverse("followup:case", args=[chain["item"].pk]) in archive.content.decode()


def test_an_internal_meetings_items_are_not_followed_by_outsiders(chain, login):
    item = chain["tb_meeting"].items.first()
    assert login("carl").get(reverse("followup:case", args=[item.pk])).status_code == 404
