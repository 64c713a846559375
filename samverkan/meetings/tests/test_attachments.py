"""An agenda item's attachment is what its name says, or it is refused in Swedish."""

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samverkan.meetings.models import Attachment
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def add_item(client, meeting, name: str, content: bytes):
    return client.post(
        reverse("meetings:item_add", args=[meeting.pk]),
        {
            "title": "Psykiatri sydost",
            "kind": "information",
            "attachment": SimpleUploadedFile(name, content),
        },
    )


def word_file() -> bytes:
    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "name, content",
    [
        ("underlag.pdf", b"%PDF-1.7\n1 0 obj\n"),
        ("underlag.docx", word_file()),
        ("deltagare.csv", "namn;kommun\nÅsa;Sjöbo\n".encode()),
        ("bild.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32),
    ],
)
def test_real_documents_are_attached(cast, login, name, content):
    meeting = make_meeting(cast.public_body)
    assert add_item(login("alice"), meeting, name, content).status_code == 302
    assert Attachment.objects.get().name == name


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("underlag.pdf", b"MZ\x90\x00" + b"\x00" * 60, "Filen är inte en PDF"),
        ("underlag.docx", b"%PDF-1.7\n", "Filen är inte ett Word-dokument"),
        ("anteckningar.txt", b"MZ\x90\x00\x03\x00\x00\x00", "Filen är inte en textfil"),
        ("program.exe", b"MZ\x90\x00", "Bilagor kan vara"),
    ],
)
def test_a_file_that_is_not_what_it_says_is_refused(cast, login, name, content, message):
    meeting = make_meeting(cast.public_body)
    response = add_item(login("alice"), meeting, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not meeting.items.filter(title="Psykiatri sydost").exists()
    assert not Attachment.objects.exists()
