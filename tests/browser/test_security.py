"""In a real browser the Content-Security-Policy holds: no page breaks it, and the buttons
that used inline script (print, the quick-add decision form) still work."""

import pytest

from tests.browser.conftest import serious_violations, sign_in
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db(transaction=True)


def test_kallelse_prints_and_no_page_breaks_the_policy(cast, page):
    blocked = []
    page.on(
        "console",
        lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.add_init_script("window.print = () => { window.printed = true; };")
    meeting = make_meeting(cast.public_body, place="Kommunhuset Sjöbo")
    sign_in(page, "alice")
    page.goto(f"/moten/{meeting.pk}/kallelse/")
    page.get_by_role("button", name="Skriv ut").click()
    assert page.evaluate("window.printed") is True
    assert serious_violations(page) == []

    page.goto(f"/moten/{meeting.pk}/anteckningar/")
    field = page.get_by_label("Nytt beslut").first
    field.fill("Mötet beslutar att godkänna dagordningen.")
    field.press("Enter")
    page.wait_for_selector("text=Mötet beslutar att godkänna dagordningen.")
    page.wait_for_function("() => !document.querySelector('.quick-add input[name=text]').value")

    for path in ("/", "/organ/", "/arkiv/", "/kalender/", f"/moten/{meeting.pk}/"):
        page.goto(path)
    assert blocked == []
