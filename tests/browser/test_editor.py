"""The minutes editor in a real browser: two writers on one item, a refused "Vem", focus kept."""

import pytest

from samverkan.directory.models import Membership
from samverkan.followup.models import Assignment
from samverkan.minutes.models import Note
from tests.browser.conftest import screenshot, serious_violations, sign_in
from tests.factories import make_meeting, make_membership, make_organisation, make_person

pytestmark = pytest.mark.django_db(transaction=True)


def open_as(browser, live_server, username, **options):
    context = browser.new_context(
        base_url=live_server.url, locale="sv-SE", viewport={"width": 1280, "height": 900}, **options
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page, username)
    return context, page


def active(page, what: str = "id"):
    return page.evaluate(f"document.activeElement.{what}")


def test_second_writer_sees_the_conflict_keeps_her_text_and_combines(cast, browser, live_server):
    dana = make_person("dana", name="Dana Dahl", organisation=cast.region)
    make_membership(dana, cast.public_body, role=Membership.Role.CHAIR)
    meeting = make_meeting(cast.public_body, days_ahead=0)
    item = meeting.items.first()
    alice_context, alice = open_as(browser, live_server, "alice")
    dana_context, dana_page = open_as(browser, live_server, "dana")
    try:
        for page in (alice, dana_page):
            page.goto(f"/moten/{meeting.pk}/anteckningar/")
        dana_page.locator(f"#note-{item.pk}").fill("Ordföranden hälsade välkommen.")
        dana_page.wait_for_selector(f"#note-status-{item.pk}:has-text('Sparat kl.')")

        alice.locator(f"#note-{item.pk}").fill("Mötet öppnades kl. 9.05.")
        conflict = alice.locator(f"#conflict-{item.pk} .conflict")
        conflict.wait_for()
        assert "Inte sparat" in alice.locator(f"#note-status-{item.pk}").inner_text()
        assert conflict.get_by_text("Sparad av Dana Dahl").is_visible()
        assert conflict.get_by_text("Ordföranden hälsade välkommen.").is_visible()
        assert alice.locator(f"#note-{item.pk}").input_value() == "Mötet öppnades kl. 9.05."
        assert Note.objects.get().text == "Ordföranden hälsade välkommen."
        assert serious_violations(alice) == []
        screenshot(alice, "minutes-editor-conflict")

        conflict.get_by_role("button", name="Slå ihop båda").click()
        alice.wait_for_selector(f"#note-status-{item.pk}:has-text('Sparat kl.')")
        combined = "Ordföranden hälsade välkommen.\n\nMötet öppnades kl. 9.05."
        assert alice.locator(f"#note-{item.pk}").input_value() == combined
        assert active(alice) == f"note-{item.pk}"
        assert not conflict.is_visible()
        assert Note.objects.get().text == combined

        # Dana's page still holds her old text: her next keystrokes meet the combined one
        dana_page.locator(f"#note-{item.pk}").press_sequentially(" Alla var med.")
        dana_page.locator(f"#conflict-{item.pk} .conflict").wait_for()
        dana_page.get_by_role("button", name="Använd den sparade").click()
        dana_page.wait_for_selector(f"#note-status-{item.pk}:has-text('Sparat kl.')")
        assert dana_page.locator(f"#note-{item.pk}").input_value() == combined
        assert Note.objects.get().text == combined
    finally:
        alice_context.close()
        dana_context.close()


def test_conflict_without_javascript_keeps_the_text_and_saves_the_choice(
    cast, browser, live_server
):
    meeting = make_meeting(cast.public_body, days_ahead=0)
    item = meeting.items.first()
    context, page = open_as(browser, live_server, "alice", java_script_enabled=False)
    try:
        page.goto(f"/moten/{meeting.pk}/anteckningar/")
        Note.objects.create(minutes=meeting.minutes, item=item, text="Sparad före", revision=1)
        page.locator(f"#note-{item.pk}").fill("Min text")
        page.locator(f"#item-{item.pk}").get_by_role("button", name="Spara anteckningar").click()
        assert page.url.endswith(f"#item-{item.pk}")
        assert page.locator(f"#note-{item.pk}").input_value() == "Min text"
        assert page.locator(f"#conflict-{item.pk}").get_by_text("Sparad före").is_visible()
        page.get_by_role("button", name="Behåll min text").click()
        assert Note.objects.get().text == "Min text"
        assert page.locator(f"#note-status-{item.pk}").get_by_text("Sparat kl.").is_visible()
    finally:
        context.close()


@pytest.fixture
def two_evas(cast):
    meeting = make_meeting(cast.public_body, days_ahead=0)
    ystad = make_organisation(name="Ystads kommun")
    for name, org in [("Eva Ek", cast.kommun), ("Eva Eriksson", ystad)]:
        eva = make_person(name=name, organisation=org)
        make_membership(eva, cast.public_body)
        meeting.attendance.create(person=eva)
    return meeting


def test_ambiguous_vem_offers_the_people_beside_the_field_and_keeps_the_place(two_evas, page):
    sign_in(page, "alice")
    page.goto(f"/moten/{two_evas.pk}/anteckningar/")
    page.get_by_label("Vem").fill("Eva")
    page.get_by_label("Vad").fill("Ta fram en kommunikationsplan")
    page.get_by_label("Datum").fill("2027-02-01")
    page.get_by_role("button", name="Lägg till uppdrag").click()

    choice = page.get_by_role("group", name="Vilken Eva menar du?")
    choice.wait_for()
    assert choice.get_by_label("Eva Ek (Sjöbo kommun)").is_visible()
    assert page.get_by_label("Vad").input_value() == "Ta fram en kommunikationsplan"
    assert page.get_by_label("Datum").input_value() == "2027-02-01"
    assert active(page, "name") == "pick-0"
    assert page.evaluate("window.scrollY") > 500
    assert not Assignment.objects.exists()
    assert serious_violations(page) == []
    screenshot(page, "minutes-editor-vem")

    choice.get_by_label("Eva Eriksson (Ystads kommun)").check()
    page.get_by_role("button", name="Lägg till uppdrag").click()
    page.get_by_role("cell", name="Eva Eriksson", exact=True).wait_for()
    assert page.locator("#assignments-status").inner_text() == "Uppdraget är sparat."
    # the editor moves the focus once htmx has settled the new rows, a moment after the swap
    page.wait_for_function("document.activeElement && document.activeElement.id === 'a-who'")
    assert active(page) == "a-who" and page.get_by_label("Vem").input_value() == ""
    assert page.evaluate("window.scrollY") > 500
    assert [p.name for p in Assignment.objects.get().owner_people.all()] == ["Eva Eriksson"]


def test_unknown_vem_without_javascript_keeps_the_form_beside_the_error(
    two_evas, browser, live_server
):
    context, page = open_as(browser, live_server, "alice", java_script_enabled=False)
    try:
        page.goto(f"/moten/{two_evas.pk}/anteckningar/")
        page.get_by_label("Vem").fill("Zelda")
        page.get_by_label("Vad").fill("Boka lokal")
        page.get_by_role("button", name="Lägg till uppdrag").click()
        assert page.url.endswith("#assignments")
        error = page.locator("#a-who-error")
        assert "”Zelda” finns inte bland de kallade" in error.inner_text()
        assert error.is_visible() and page.get_by_label("Vad").input_value() == "Boka lokal"
        box, height = error.bounding_box(), page.viewport_size["height"]
        assert 0 <= box["y"] <= height, "the error is out of sight"
        page.get_by_label("Vem").fill("Eva Ek")
        page.get_by_role("button", name="Lägg till uppdrag").click()
        assert page.get_by_role("cell", name="Eva Ek", exact=True).is_visible()
    finally:
        context.close()


def test_decision_error_is_told_beside_the_field_and_focus_stays(cast, page):
    meeting = make_meeting(cast.public_body, days_ahead=0)
    item = meeting.items.last()
    sign_in(page, "alice")
    page.goto(f"/moten/{meeting.pk}/anteckningar/")
    page.get_by_role("navigation", name="Dagordning").get_by_role("link", name=item.title).click()
    field = page.locator(f"#decision-{item.pk}")
    field.fill("   ")
    field.press("Enter")
    page.locator(f"#decisions-{item.pk} [role=alert]").wait_for()
    assert "Skriv vad som beslutades" in page.locator(f"#decisions-{item.pk}").inner_text()
    assert active(page) == f"decision-{item.pk}"
    field.fill("Mötet avslutas.")
    field.press("Enter")
    page.locator(f"#decisions-{item.pk} li", has_text="Mötet avslutas.").wait_for()
    assert active(page) == f"decision-{item.pk}" and field.input_value() == ""
    assert page.evaluate("window.scrollY") > 300


def test_editor_with_a_conflict_fits_a_phone(cast, browser, live_server):
    from samverkan.followup.services import create_assignment
    from samverkan.minutes.services import add_decision, minutes_for

    meeting = make_meeting(cast.public_body, days_ahead=0)
    item = meeting.items.first()
    minutes = minutes_for(meeting)
    add_decision(minutes, text="Dagordningen godkänns.", item=item)
    create_assignment(
        minutes=minutes, body=cast.public_body, text="Boka lokal för hösten", people=[cast.bob]
    )
    context = browser.new_context(
        base_url=live_server.url, locale="sv-SE", viewport={"width": 375, "height": 800}
    )
    page = context.new_page()
    try:
        sign_in(page, "alice")
        page.goto(f"/moten/{meeting.pk}/anteckningar/")
        Note.objects.create(minutes=minutes, item=item, text="Sparad text", revision=1)
        page.locator(f"#note-{item.pk}").fill("Min text")
        page.locator(f"#conflict-{item.pk} .conflict").wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        screenshot(page, "minutes-editor-conflict-phone")
    finally:
        context.close()


def test_a_report_back_reloads_the_page_where_the_secretary_was(cast, page):
    import datetime

    from samverkan.followup.services import create_assignment
    from samverkan.meetings.services import plan_meeting
    from samverkan.minutes.services import minutes_for

    first = make_meeting(cast.public_body, days_ahead=-14)
    assignment = create_assignment(
        minutes=minutes_for(first),
        body=cast.public_body,
        text="Boka lokal",
        people=[cast.bob],
        due_body=cast.public_body,
    )
    meeting = plan_meeting(
        bodies=[cast.public_body],
        date=first.date + datetime.timedelta(days=14),
        start=datetime.time(9),
        end=datetime.time(11),
    )
    sign_in(page, "alice")
    page.goto(f"/moten/{meeting.pk}/anteckningar/")
    button = page.get_by_role("button", name="Återrapporterat")
    button.scroll_into_view_if_needed()
    before = page.evaluate("window.scrollY")
    assert before > 300
    button.click()
    page.wait_for_load_state()
    page.locator(".report-back .tag", has_text="Återrapporterad").wait_for()
    assert abs(page.evaluate("window.scrollY") - before) < 50
    # the buttons are gone with the open assignment: focus is on its row, also without JS
    assert page.url.endswith(f"#report-back-{assignment.pk}")
    assert page.evaluate("document.activeElement.id") == f"report-back-{assignment.pk}"
