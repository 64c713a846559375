"""Bob answers the kallelse from the mail without signing in; alice sees who is called in."""

import pytest

from samverkan.directory.models import Membership
from samverkan.publishing.mailing import send_invitation
from samverkan.publishing.tests.mail_reading import answer_link, subject_of
from tests.browser.conftest import serious_violations, sign_in
from tests.factories import make_meeting, make_membership, make_person
from tests.smtp import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def test_bob_cannot_come_from_the_mail_and_alice_sees_the_ersattare_called_in(
    cast, page, browser, live_server, mailbox
):
    cast.bob.email = "bob@example.se"
    cast.bob.save()
    eva = make_person(name="Eva Ek", email="eva@example.se", organisation=cast.region)
    make_membership(
        eva,
        cast.public_body,
        organisation=cast.region,
        seat=Membership.Seat.SUBSTITUTE,
        substitute_for=cast.bob,
    )
    meeting = make_meeting(cast.public_body, days_ahead=14, place="Kommunhuset Sjöbo")
    send_invitation(meeting, by=cast.alice.user)
    run_worker()
    link = answer_link(mailbox.to("bob@example.se")[0], "kan-inte")
    mailbox.messages.clear()

    for width in (375, 1280):  # on the phone first; the same link works again on the laptop
        context = browser.new_context(
            base_url=live_server.url, locale="sv-SE", viewport={"width": width, "height": 900}
        )
        bob = context.new_page()
        bob.goto(link)
        assert bob.get_by_role("heading", name="Ordinarie möte DS Sydost").is_visible()
        assert bob.get_by_text("Du svarar som Bob Berg.").is_visible()
        assert bob.get_by_label("Jag kan inte komma", exact=True).is_checked()
        bob.get_by_role("button", name="Skicka svar").click()
        assert bob.get_by_text("Tack, ditt svar är sparat.").is_visible()
        assert bob.get_by_text("Frånvarande").first.is_visible()
        assert bob.get_by_role("button", name="Logga ut").count() == 0  # still not signed in
        assert serious_violations(bob) == []
        bob.screenshot(path=f"/tmp/answer-link-{width}.png", full_page=True)
        context.close()

    run_worker()
    [called] = mailbox.messages
    assert called["To"] == "eva@example.se"
    assert subject_of(called).startswith("Kallelse i stället för Bob Berg")

    sign_in(page, "alice")
    page.goto(meeting.get_absolute_url())
    assert page.get_by_role("heading", name="Inkallade ersättare").is_visible()
    assert page.get_by_text("Eva Ek kallas i stället för Bob Berg: inte svarat").is_visible()
    assert serious_violations(page) == []
    page.screenshot(path="/tmp/meeting-called-in-1280.png", full_page=True)
    page.set_viewport_size({"width": 375, "height": 900})
    page.screenshot(path="/tmp/meeting-called-in-375.png", full_page=True)
