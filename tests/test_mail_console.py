"""`make run` prints mail readably: recipients, subject, the text and attachment names."""

import io

from django.core.mail import EmailMessage

from samverkan.mail_console import EmailBackend


def test_the_terminal_shows_who_what_and_the_text_not_base64():
    stream = io.StringIO()
    message = EmailMessage(
        subject="Kallelse i stället för Bob Berg: DS Sydost 16 december 2026",
        body="Du kallas i stället för Bob Berg, som inte kan komma.\nJag kommer: http://x/",
        to=["eva@example.se"],
    )
    message.attach("kallelse-2026-12-16.pdf", b"%PDF-1.4", "application/pdf")
    message.attach("inbjudan.ics", b"BEGIN:VCALENDAR", "text/calendar; method=REQUEST")
    EmailBackend(stream=stream).send_messages([message])
    printed = stream.getvalue()
    assert "Till:   eva@example.se" in printed
    assert "Ämne:   Kallelse i stället för Bob Berg: DS Sydost 16 december 2026" in printed
    assert "Bifogat: kallelse-2026-12-16.pdf, inbjudan.ics" in printed
    assert "Du kallas i stället för Bob Berg, som inte kan komma." in printed
    assert "base64" not in printed and "Content-Type" not in printed
