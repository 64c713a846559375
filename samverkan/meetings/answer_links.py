"""Signed answer links in the kallelse: one person, one meeting, no login, expiring.

The token names the meeting and the person and nothing else; it is checked against the
meeting in the address, so it never answers for another meeting or opens any other page.
"""

import datetime

from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from samverkan.directory.models import Person
from samverkan.meetings.models import Attendance, Meeting

SALT = "samverkan.meetings.answer-link"
LIFETIME = datetime.timedelta(days=120)

# the words in the address → the answer they give
CHOICES = {
    "kommer": Attendance.Status.PRESENT,
    "kan-inte": Attendance.Status.ABSENT,
    "ersattare": Attendance.Status.SUBSTITUTE,
}


NOT_VALID = gettext_noop("Länken gäller inte. Kontrollera att hela länken kom med.")


class Refused(Exception):
    """The link does not answer: the message says why, in Swedish."""


def token_for(meeting: Meeting, person: Person) -> str:
    return signing.dumps([meeting.pk, person.pk], salt=SALT)


def answer_url(meeting: Meeting, person: Person, choice: str) -> str:
    return reverse("meetings:answer_link", args=[meeting.pk, token_for(meeting, person), choice])


def person_for(meeting: Meeting, token: str) -> Person:
    """The person the link was made for, if it was made for this meeting and is still valid."""
    try:
        meeting_pk, person_pk = signing.loads(token, salt=SALT, max_age=LIFETIME)
    except signing.SignatureExpired as expired:
        raise Refused(_("Länken har gått ut. Logga in i Samverkan för att svara.")) from expired
    except (signing.BadSignature, ValueError, TypeError) as bad:
        raise Refused(_(NOT_VALID)) from bad
    person = Person.objects.filter(pk=person_pk).first()
    if meeting_pk != meeting.pk or person is None:
        raise Refused(_(NOT_VALID))
    return person
