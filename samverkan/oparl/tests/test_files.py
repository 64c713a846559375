"""Files: the published minutes and kallelse as PDFs, described by size and checksum."""

import hashlib

import pytest

pytestmark = pytest.mark.django_db


def test_the_minutes_file_describes_the_pdf_it_serves(world, oparl, client):
    meeting = world["published"][0]
    protocol = oparl.get(f"/oparl/v1/meeting/{meeting.pk}/")["resultsProtocol"]
    described = oparl.get(protocol["id"])
    access = client.get(described["accessUrl"].removeprefix("http://testserver"))
    assert access["Content-Type"] == "application/pdf"
    assert "attachment" not in access.get("Content-Disposition", "")
    download = client.get(described["downloadUrl"].removeprefix("http://testserver"))
    assert download["Content-Disposition"].startswith("attachment; filename=")
    assert described["size"] == len(download.content)
    assert described["sha512Checksum"] == hashlib.sha512(download.content).hexdigest()


def test_files_of_hidden_meetings_are_not_served(world, client):
    for meeting in world["hidden"]:
        for path in ("file/minutes/", "file/minutes.pdf", "file/invitation/download.pdf"):
            response = client.get(f"/oparl/v1/meeting/{meeting.pk}/{path}")
            assert response.status_code == 404, (meeting, path)
