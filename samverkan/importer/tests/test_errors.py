"""Every file of an upload gets its own Swedish result; a confirmation happens once."""

import io
import threading
import zipfile
from importlib import resources

import pytest
from django.db import connection

from samverkan.importer import services
from samverkan.importer.models import Document
from samverkan.importer.tests.helpers import uploaded
from samverkan.meetings.models import Meeting

SEEDS = resources.files("samverkan.importer") / "data"
DOT = (SEEDS / "dot-nordost-2023-11-24.txt").read_bytes()
SYDOST = (SEEDS / "sydost-tjanstemannaforberedande.txt").read_bytes()


def _zip(members, name="protokoll.zip", password=False) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member, data in members:
            archive.writestr(member, data)
    data = bytearray(buffer.getvalue())
    if password:  # the "encrypted" flag as a password-protected archive sets it
        for signature in (b"PK\x03\x04", b"PK\x01\x02"):
            at = data.find(signature)
            while at >= 0:
                flag = at + (6 if signature == b"PK\x03\x04" else 8)
                data[flag] |= 0x1
                at = data.find(signature, at + 4)
    out = io.BytesIO(bytes(data))
    out.name = name
    return out


def _rows(page: str) -> list[str]:
    return page.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]


@pytest.mark.django_db(transaction=True)  # the worker closes its connection
def test_a_bad_file_in_a_zip_stops_no_other(uploader, monkeypatch):
    client, _ = uploader
    real = services.extract_text

    def breaks_on_a_marker(text):
        if "TRASIG" in text:
            raise IndexError("list index out of range")
        return real(text)

    monkeypatch.setattr(services, "extract_text", breaks_on_a_marker)
    archive = _zip(
        [("a.txt", DOT), ("b.txt", b"TRASIG " + SYDOST), ("c.txt", SYDOST.replace(b"Sydost", b"S"))]
    )
    rows = _rows(uploaded(client, archive))
    assert len(rows) == 3
    assert "misslyckades" in rows[1] and "kunde inte läsas" in rows[1]
    assert "granskas" in rows[0] and "granskas" in rows[2]
    assert Document.objects.count() == 2


@pytest.mark.django_db(transaction=True)  # the worker closes its connection
def test_a_path_outside_the_archive_and_a_password_get_swedish_messages(uploader):
    client, _ = uploader
    escaping = _zip([("..\\..\\x.txt", DOT), ("ok.txt", SYDOST)])
    text = uploaded(client, escaping)
    assert "sökväg utanför arkivet" in text and "granskas" in text
    locked = _zip([("a.txt", DOT)], name="låst.zip", password=True)
    assert "lösenordsskyddad" in uploaded(client, locked)
    assert Document.objects.count() == 1


@pytest.mark.django_db
def test_confirming_the_same_draft_twice_makes_one_meeting(uploader):
    _, dot = uploader
    document = services.ingest("dot.txt", DOT).document
    first = services.confirm(document, body=dot)
    again = services.confirm(Document.objects.get(pk=document.pk), body=dot)
    assert first == again and Meeting.objects.filter(date="2023-11-24").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_confirmations_at_once_make_one_meeting(uploader):
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(
        ("file:memorydb", ":memory:")
    ):
        pytest.skip("needs a database file that two connections can share")
    _, dot = uploader
    document = services.ingest("dot.txt", DOT).document
    start = threading.Barrier(2)
    results = []

    def confirm():
        from django.db import connections

        start.wait()
        try:
            results.append(services.confirm(Document.objects.get(pk=document.pk), body=dot).pk)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(results)) == 1 and Meeting.objects.filter(date="2023-11-24").count() == 1
