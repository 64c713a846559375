"""The English interface: every text of the code and templates has an English translation in
the committed catalogue, the compiled catalogue is the committed one, and the main pages shown
in English keep no Swedish interface text."""

import datetime
import re
import shutil
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

import samverkan
from samverkan.directory.models import Membership
from samverkan.followup.models import Assignment
from samverkan.followup.services import create_assignment
from samverkan.minutes.services import add_decision, approve, minutes_for
from samverkan.publishing.archive import publish
from tests.factories import make_body, make_meeting, make_membership, make_person

PACKAGE = Path(samverkan.__file__).parent
MESSAGES = Path("locale/en/LC_MESSAGES")
CATALOGUE = PACKAGE / MESSAGES / "django.po"
COMPILED = PACKAGE / MESSAGES / "django.mo"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|%[sd]|\{\w*\}")


def _key(entry) -> tuple[str, str]:
    return (entry.msgctxt or "", entry.msgid)


def _live(catalogue) -> list:
    return [entry for entry in catalogue if not entry.obsolete]


@pytest.fixture(scope="module")
def committed():
    return polib.pofile(str(CATALOGUE))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The catalogue as `make messages` would write it, from a copy of the package."""
    copy = tmp_path_factory.mktemp("extraction") / "samverkan"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(copy)
        patch.setattr(settings, "LOCALE_PATHS", [copy / "locale"])
        call_command("makemessages", locale=["en"], no_obsolete=True, verbosity=0)
    return polib.pofile(str(copy / MESSAGES / "django.po"))


def test_the_catalogue_holds_exactly_the_texts_of_the_code(committed, extracted):
    in_code = {_key(entry) for entry in _live(extracted)}
    in_catalogue = {_key(entry) for entry in _live(committed)}
    assert sorted(in_code - in_catalogue) == [], "run `make messages` and translate"
    assert sorted(in_catalogue - in_code) == [], "run `make messages` to drop unused texts"


def test_every_text_has_an_english_translation(committed):
    missing = [entry.msgid for entry in _live(committed) if not entry.translated()]
    assert missing == []


def test_translations_keep_their_placeholders(committed):
    changed = [
        entry.msgid
        for entry in _live(committed)
        for translation in [entry.msgstr, *entry.msgstr_plural.values()]
        if translation
        and sorted(PLACEHOLDER.findall(entry.msgid)) != sorted(PLACEHOLDER.findall(translation))
        and not entry.msgid_plural
    ]
    assert changed == []


def test_the_compiled_catalogue_is_the_committed_one(committed):
    def translations(catalogue):
        return {
            _key(entry): (entry.msgstr, dict(sorted(entry.msgstr_plural.items())))
            for entry in catalogue
            if entry.msgid and not entry.obsolete and "fuzzy" not in entry.flags
            if entry.msgstr or any(entry.msgstr_plural.values())
        }

    compiled = polib.mofile(str(COMPILED))
    assert translations(compiled) == translations(committed), "run `make messages`"


# The main pages in English


def _a_body_at_work():
    """A body with its secretary, a meeting held, approved and published with one decision and
    one assignment, and an upcoming meeting."""
    body = make_body(name="DOT Nordost", short_name="DOT NO")
    secretary = make_person("erin", name="Erin Eriksson", email="erin@example.org")
    make_membership(secretary, body, role=Membership.Role.SECRETARY)
    held = make_meeting(body, date=datetime.date(2026, 3, 12), standard_items=False)
    minutes = minutes_for(held)
    decision = add_decision(minutes, text="Plan approved.", item=None)
    create_assignment(
        minutes=minutes,
        body=body,
        text="Map the home visits.",
        people=[secretary],
        due_date=datetime.date(2026, 6, 30),
        decision=decision,
        notify=False,
    )
    approve(minutes, by=secretary.user, approvers=[])
    publish(held, by=secretary.user)
    return body, secretary, held, make_meeting(body, standard_items=False)


@pytest.fixture
def english_client(client, db):
    """A secretary of one body, signed in, who chose English with the switch after a meeting
    held, approved and published in Swedish."""
    with translation.override("sv"):
        body, secretary, held, upcoming = _a_body_at_work()
    assignment = Assignment.objects.get()
    client.login(username="erin", password="pw-erin")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.pages = {
        "overview": reverse("home"),
        "my assignments": reverse("followup:mine"),
        "bodies": reverse("directory:body_list"),
        "body": reverse("directory:body", args=[body.pk]),
        "held meeting": reverse("meetings:meeting", args=[held.pk]),
        "upcoming meeting": reverse("meetings:meeting", args=[upcoming.pk]),
        "minutes": reverse("minutes:editor", args=[held.pk]),
        "decisions": reverse("followup:decisions"),
        "register": reverse("followup:register", args=[body.pk]),
        "archive": reverse("publishing:archive"),
        "organisations": reverse("directory:organisation_list"),
        "inventory": reverse("plans:rounds"),
        "assignment": reverse("followup:assignment", args=[assignment.pk]),
        "invitation": reverse("meetings:invitation", args=[upcoming.pk]),
        "archive of the body": reverse("publishing:archive_body", args=[body.pk]),
        "published minutes": reverse("publishing:archive_minutes", args=[held.pk]),
        "archive search": reverse("publishing:search") + "?q=plan",
        "directory search": reverse("directory:search") + "?q=Erin",
        "my page": reverse("directory:person", args=[secretary.pk]),
        "calendar": reverse("publishing:my_calendar"),
        "reminders": reverse("publishing:reminders"),
        "api keys": reverse("api_pages:tokens"),
        "open data": reverse("api_pages:open_data"),
        "two-step verification": reverse("two_factor"),
        "accessibility": reverse("accessibility"),
    }
    return client


def _visible_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    for other_language in soup.select("body [lang]"):  # the switch offers Svenska in Swedish
        other_language.decompose()
    labels = [
        value
        for tag in soup.find_all(True)
        for name in ("aria-label", "placeholder", "title", "alt")
        if (value := tag.get(name))
    ]
    return " ".join([soup.get_text(" "), *labels])


@pytest.fixture(scope="module")
def swedish(committed) -> list[tuple[str, re.Pattern]]:
    """The Swedish texts whose English differs, as whole words; those with placeholders or
    markup are left out."""
    return [
        (entry.msgid, re.compile(rf"(?<!\w){re.escape(entry.msgid)}(?!\w)"))
        for entry in _live(committed)
        if entry.msgstr
        and entry.msgstr != entry.msgid
        and not PLACEHOLDER.search(entry.msgid)
        and "<" not in entry.msgid
    ]


def _swedish_in(html: str, swedish) -> list[str]:
    text = _visible_text(html)
    return [swedish_text for swedish_text, pattern in swedish if pattern.search(text)]


def test_the_menu_and_main_pages_are_in_english(english_client):
    html = english_client.get(reverse("home")).content.decode()
    assert '<html lang="en">' in html
    for label in ["My assignments", "Bodies", "Decisions", "Archive", "Sign out"]:
        assert label in html
    for label in ["Mina uppdrag", "Beslut", "Arkiv", "Logga ut"]:
        assert label not in html


# Swedish that the catalogue cannot reach, written by the code itself. Remove a line here once
# its text goes through the catalogue (or the product decides it stays Swedish).
LEFT_IN_CODE = {
    # Minutes.approval_lines writes the Swedish of the documents
    "minutes": ["Justerat på papper", "Justerat"],
    # the report-back item that the code puts on the next agenda stores a Swedish title
    "upcoming meeting": ["Återrapportering"],
    "invitation": ["Återrapportering"],
    # the first update of an assignment stores its text in the language of the moment
    "assignment": ["Uppdraget gavs."],
    # the approved minutes are shown from their frozen snapshot, whose labels are Swedish
    "published minutes": [
        *["När", "Vem", "Vad", "Uppdrag", "Datum", "Närvarande", "Tid"],
        *["Justerat på papper", "Justerat", "Justering"],
    ],
}


def test_the_main_pages_in_english_keep_no_swedish_interface_text(english_client, swedish):
    left = {}
    for name, address in english_client.pages.items():
        response = english_client.get(address)
        assert response.status_code == 200, name
        assert response["Content-Language"] == "en"
        if found := _swedish_in(response.content.decode(), swedish):
            left[name] = found
    assert left == LEFT_IN_CODE


def test_english_dates_name_english_months(english_client):
    page = _visible_text(english_client.get(english_client.pages["held meeting"]).content.decode())
    assert "March" in page
    assert not re.search(r"\b(mars|torsdag|Torsdag)\b", page)


@pytest.mark.django_db
def test_the_pages_for_visitors_in_english_keep_no_swedish_interface_text(client, swedish):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    addresses = [
        reverse("home"),
        reverse("login"),
        reverse("password_reset"),
        reverse("directory:body_list"),
        reverse("publishing:archive"),
        reverse("publishing:search") + "?q=plan",
        reverse("api_pages:open_data"),
        reverse("accessibility"),
    ]
    left = {}
    for address in addresses:
        if found := _swedish_in(client.get(address).content.decode(), swedish):
            left[address] = found
    assert left == {}
    start = client.get(reverse("home")).content.decode()
    assert "brings together meetings, minutes, decisions and assignments" in start
