"""The main pages as each role sees them: nothing wider than a phone, no serious axe finding,
a header on one line at 1280 px, and screenshots of every page at both widths."""

from dataclasses import dataclass

import pytest

from samverkan.plans.catalogue import load_catalogue
from samverkan.plans.demo import load_demo_plans
from tests.browser.conftest import screenshot, serious_violations, sign_in
from tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 900}
ANON, MEMBER, SECRETARY = "anonymous", "bob", "alice"
EVERYONE = (ANON, MEMBER, SECRETARY)
SIGNED_IN = (MEMBER, SECRETARY)
HEADER_CONTROLS = "'header.site a, header.site button, header.site summary'"


@dataclass(frozen=True)
class Page:
    name: str
    url: str  # with {world keys} filled in from tests/world.py
    roles: tuple[str, ...]  # the first one is the screenshot's

    def address(self, world) -> str:
        return self.url.format(**world.ids)


PAGES = [
    Page("start", "/", (ANON,)),
    Page("overview", "/", SIGNED_IN),
    Page("archive", "/arkiv/", (ANON, MEMBER)),
    Page("archive-search", "/arkiv/sok/?q=beslut", (ANON, MEMBER)),
    Page("archive-minutes", "/arkiv/moten/{published}/", (ANON, MEMBER)),
    Page("bodies", "/organ/", EVERYONE),
    Page("body", "/organ/{ds}/", (SECRETARY, ANON, MEMBER)),
    Page("meeting", "/moten/{upcoming}/", (SECRETARY, ANON, MEMBER)),
    Page("invitation", "/moten/{upcoming}/kallelse/", EVERYONE),
    Page("decisions", "/beslut/", (ANON, MEMBER)),
    Page("organisations", "/organisationer/", (ANON, MEMBER)),
    Page("accessibility", "/tillganglighet/", (ANON, MEMBER)),
    Page("my-assignments", "/mina-uppdrag/", SIGNED_IN),
    Page("register", "/organ/{ds}/uppdrag/", (SECRETARY, ANON, MEMBER)),
    Page("person", "/personer/{bob}/", SIGNED_IN),
    Page("minutes-editor", "/moten/{draft}/anteckningar/", (SECRETARY,)),
    Page("import", "/import/", (SECRETARY,)),
    Page("import-review", "/import/{own_import}/", (SECRETARY,)),
    Page("plan", "/handlingsplaner/{demo_plan}/", (SECRETARY, ANON, MEMBER)),
    Page("inventory", "/inventering/{demo_round}/", SIGNED_IN),
]


@pytest.fixture
def world(cast):
    world = build_world(cast)
    load_catalogue()  # a browser test's flush empties what the migration loaded
    plan, round_ = load_demo_plans(cast.public_body, bodies=[cast.public_body, cast.internal_body])
    world.ids.update(demo_plan=plan.pk, demo_round=round_.pk)
    return world


def test_there_are_twenty_main_pages():
    assert len(PAGES) == 20
    assert len({page.name for page in PAGES}) == 20


@pytest.mark.parametrize("role", EVERYONE)
def test_main_pages_fit_a_phone_and_pass_axe(role, world, browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="sv-SE", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    if role != ANON:
        sign_in(page, role)
    statuses, too_wide, findings = {}, {}, {}
    for shown in [p for p in PAGES if role in p.roles]:
        response = page.goto(shown.address(world))
        statuses[shown.name] = response.status
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[shown.name] = width
        if found := serious_violations(page):
            findings[shown.name] = found
        if shown.roles[0] == role:
            screenshot(page, f"pages/{shown.name}-375")
            page.set_viewport_size(DESKTOP)
            screenshot(page, f"pages/{shown.name}-1280")
            page.set_viewport_size(PHONE)
    context.close()
    assert set(statuses.values()) == {200}, statuses
    assert too_wide == {}
    assert findings == {}


@pytest.mark.parametrize("role", EVERYONE)
def test_the_header_is_one_line_at_1280_px(role, cast, browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="sv-SE", viewport=DESKTOP)
    page = context.new_page()
    if role != ANON:
        sign_in(page, role)
    page.goto("/organ/")
    tops = page.evaluate(
        """() => [...document.querySelectorAll(CONTROLS)]
                 .filter(e => e.checkVisibility())
                 .map(e => e.getBoundingClientRect())
                 .map(r => Math.round((r.top + r.bottom) / 2))""".replace(
            "CONTROLS", HEADER_CONTROLS
        )
    )
    context.close()
    assert max(tops) - min(tops) <= 8, tops


def test_on_a_phone_the_menu_folds_behind_a_button(cast, browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="sv-SE", viewport=PHONE)
    page = context.new_page()
    sign_in(page, MEMBER)
    menu = page.get_by_role("navigation", name="Huvudmeny")
    assert not menu.is_visible()
    assert page.locator("header.site").bounding_box()["height"] < 80
    page.get_by_role("button", name="Meny").click()
    assert page.get_by_role("button", name="Meny").get_attribute("aria-expanded") == "true"
    menu.get_by_role("link", name="Mina uppdrag").click()
    page.wait_for_url("**/mina-uppdrag/")
    context.close()
