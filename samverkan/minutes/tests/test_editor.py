"""The minutes editor: conflicts shown where one types, decisions edited and removed, the page's parts."""

import pytest
from django.urls import reverse

from samverkan.directory.models import Membership
from samverkan.minutes.models import Decision, Note
from samverkan.minutes.services import add_decision, minutes_for
from tests.factories import make_meeting, make_membership, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(cast):
    return make_meeting(cast.public_body, days_ahead=0)


@pytest.fixture
def dana(cast):
    """A second editor of the body: its chair."""
    dana = make_person("dana", name="Dana Dahl", organisation=cast.region)
    make_membership(dana, cast.public_body, role=Membership.Role.CHAIR)
    return dana


def note_url(meeting):
    return reverse("minutes:note", args=[meeting.pk, meeting.items.first().pk])


def editor(client, meeting) -> str:
    return client.get(reverse("minutes:editor", args=[meeting.pk])).content.decode()


def conflict(meeting, login, dana, **headers):
    """Dana saves first; Alice, who read revision 0, then saves her own text."""
    login("dana").post(note_url(meeting), {"text": "Danas text", "revision": 0})
    login("dana").logout()
    return login("alice").post(note_url(meeting), {"text": "Alices text", "revision": 0}, **headers)


def test_conflict_shows_both_versions_beside_the_text(meeting, login, dana):
    response = conflict(meeting, login, dana, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 409
    assert "Din text" in html and "Alices text" in html
    assert "Sparad av Dana Dahl" in html and "Danas text" in html
    for choice in ["Behåll min text", "Använd den sparade", "Slå ihop båda"]:
        assert choice in html
    assert Note.objects.get().text == "Danas text"


def test_typing_on_after_a_conflict_never_overwrites_the_other_text(meeting, login, dana):
    conflict(meeting, login, dana, HTTP_HX_REQUEST="true")
    again = login("alice").post(
        note_url(meeting), {"text": "Alices text, mer", "revision": 0}, HTTP_HX_REQUEST="true"
    )
    assert again.status_code == 409 and Note.objects.get().text == "Danas text"


@pytest.mark.parametrize(
    "choice, saved",
    [
        ("mine", "Alices text"),
        ("theirs", "Danas text"),
        ("both", "Danas text\n\nAlices text"),
    ],
)
def test_the_writer_picks_or_combines_and_saves(meeting, login, dana, choice, saved):
    conflict(meeting, login, dana, HTTP_HX_REQUEST="true")
    response = login("alice").post(
        note_url(meeting),
        {"text": "Alices text", "revision": 0, "resolve": choice, "base": 1},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and "Sparat kl." in response.content.decode()
    assert Note.objects.get().text == saved


def test_a_third_save_during_the_choice_is_a_new_conflict(meeting, login, dana):
    conflict(meeting, login, dana)
    login("alice").logout()
    login("dana").post(note_url(meeting), {"text": "Danas andra text", "revision": 1})
    login("dana").logout()
    response = login("alice").post(
        note_url(meeting),
        {"text": "Alices text", "revision": 0, "resolve": "mine", "base": 1},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 409 and Note.objects.get().text == "Danas andra text"


def test_conflict_without_javascript_shows_both_and_saves_the_choice(meeting, login, dana):
    response = conflict(meeting, login, dana)
    item = meeting.items.first()
    assert response.url.endswith(f"#item-{item.pk}")
    client = login("alice")
    html = editor(client, meeting)
    assert "Alices text</textarea>" in html
    assert "Sparad av Dana Dahl" in html and "Danas text" in html
    assert 'name="resolve" value="both"' in html and 'name="base" value="1"' in html
    client.post(
        note_url(meeting), {"text": "Alices text", "revision": 0, "resolve": "both", "base": 1}
    )
    assert Note.objects.get().text == "Danas text\n\nAlices text"
    assert "Alices text</textarea>" in editor(client, meeting)


def test_editor_has_an_agenda_menu_and_live_status(meeting, login):
    html = editor(login("alice"), meeting)
    assert '<nav class="agenda-menu" aria-label="Dagordning">' in html
    for item in meeting.items.all():
        assert f'href="#item-{item.pk}"' in html
        assert f'id="note-status-{item.pk}" role="status"' in html
    assert 'href="#assignments-h"' in html


def test_editor_scripts_are_static_files_without_inline_handlers(meeting, login):
    html = editor(login("alice"), meeting)
    assert "editor.js" in html and "<script src=" in html
    assert "hx-on" not in html and " onclick=" not in html and "<script>" not in html


def test_when_of_an_assignment_is_a_fieldset_with_a_legend(meeting, login):
    html = editor(login("alice"), meeting)
    assert "<legend>När</legend>" in html


# Finding 6: decisions can be changed and removed until justering


def decision(meeting, text="Dagordningen godkänns."):
    return add_decision(minutes_for(meeting), text=text, item=meeting.items.first())


def test_secretary_changes_a_decision_and_the_history_says_who(meeting, login):
    d = decision(meeting)
    client = login("alice")
    url = reverse("minutes:decision_edit", args=[meeting.pk, d.pk])
    assert "Dagordningen godkänns." in client.get(url).content.decode()
    response = client.post(url, {"text": "Dagordningen godkänns med ett tillägg."})
    assert response.url.endswith(f"#item-{meeting.items.first().pk}")
    d.refresh_from_db()
    assert d.text == "Dagordningen godkänns med ett tillägg."
    html = editor(client, meeting)
    assert "Alice Andersson" in html and "beslut ändrat" in html


def test_removing_a_decision_asks_first_then_removes_it(meeting, login):
    d = decision(meeting)
    client = login("alice")
    url = reverse("minutes:decision_delete", args=[meeting.pk, d.pk])
    confirm = client.get(url).content.decode()
    assert "Vill du ta bort beslutet?" in confirm and "Dagordningen godkänns." in confirm
    assert Decision.objects.exists()
    client.post(url)
    assert not Decision.objects.exists()
    assert "beslut borttaget" in editor(client, meeting)


def test_an_empty_decision_text_is_refused_on_edit(meeting, login):
    d = decision(meeting)
    response = login("alice").post(
        reverse("minutes:decision_edit", args=[meeting.pk, d.pk]), {"text": "  "}
    )
    assert response.status_code == 200 and "Skriv vad som beslutades" in response.content.decode()
    d.refresh_from_db()
    assert d.text == "Dagordningen godkänns."


def test_decisions_of_approved_minutes_cannot_be_changed_or_removed(meeting, login):
    d = decision(meeting)
    client = login("alice")
    client.post(reverse("minutes:approve", args=[meeting.pk]), {"approval": "nästa möte"})
    edit = reverse("minutes:decision_edit", args=[meeting.pk, d.pk])
    remove = reverse("minutes:decision_delete", args=[meeting.pk, d.pk])
    refused = client.post(edit, {"text": "Ändrat i efterhand"}, follow=True).content.decode()
    assert "justerade och låsta" in refused
    assert "justerade och låsta" in client.post(remove, follow=True).content.decode()
    d.refresh_from_db()
    assert d.text == "Dagordningen godkänns."
    assert "Ta bort" not in editor(client, meeting)


@pytest.mark.parametrize("username", ["bob", "carl", None])
def test_only_editors_change_or_remove_decisions(meeting, login, username):
    d = decision(meeting)
    client = login(username)
    for name in ["minutes:decision_edit", "minutes:decision_delete"]:
        url = reverse(name, args=[meeting.pk, d.pk])
        assert client.post(url, {"text": "x"}).status_code in (403, 404)
    assert Decision.objects.get().text == "Dagordningen godkänns."


def test_choice_groups_of_the_approval_are_fieldsets_with_legends(meeting, login):
    html = editor(login("alice"), meeting)
    assert "<fieldset><legend>Begär justering av</legend>" in html
    assert "<fieldset><legend>Som justerade på papper</legend>" in html
