"""Importing minutes: the seeds, choices for ambiguous names, repeats, bad files, rollbacks."""

import io
import zipfile
from importlib import resources

import pytest
from django.core.management import call_command
from django.urls import reverse

from samverkan.directory.models import Body, Person
from samverkan.directory.services import load_reference
from samverkan.extraction import extract_text
from samverkan.followup.models import Assignment
from samverkan.importer import services
from samverkan.importer.models import Document
from samverkan.importer.tests.helpers import review_post, uploaded
from samverkan.meetings.models import Attendance, Meeting
from samverkan.minutes.models import Decision

pytestmark = pytest.mark.django_db

SEEDS = resources.files("samverkan.importer") / "data"
DOT = (SEEDS / "dot-nordost-2023-11-24.txt").read_bytes()
SYDOST = (SEEDS / "sydost-tjanstemannaforberedande.txt").read_bytes()


@pytest.fixture
def bodies():
    load_reference()
    return Body.objects.get(short_name="DOT Nordost"), Body.objects.get(short_name="TB Sydost")


def test_two_marias_are_a_choice_not_a_guess(bodies):
    outcome = services.ingest("dot.txt", DOT, confirm_when_clear=True)
    assert outcome.status == services.REVIEW
    plan = services.review_plan(outcome.document)
    assert plan.needs_choice
    assert [p.name for p in plan.matches["Maria"].choices] == [
        "Maria Kusagård",
        "Maria Tischbierek",
    ]
    assert not Meeting.objects.exists()


def test_seed_imports_with_all_its_parts(bodies):
    dot, _ = bodies
    outcome = services.ingest("dot.txt", DOT)
    assert outcome.document.body == dot  # inferred from "Delregional operativ … Skåne Nordost"
    meeting = services.confirm(outcome.document, body=dot, chosen={"Maria": "Maria Kusagård"})
    assert meeting.date.isoformat() == "2023-11-24" and meeting.source == outcome.document
    assert meeting.attendance.filter(status=Attendance.Status.PRESENT).count() == 18
    assert Decision.objects.filter(minutes__meeting=meeting).count() == 4
    assignments = Assignment.objects.filter(meeting=meeting)
    assert assignments.count() == len(extract_text(DOT.decode()).actions)
    plan = assignments.get(text__startswith="Beslutas att utkast")
    assert {p.name for p in plan.owner_people.all()} == {"Maria Kusagård", "Anita Joelsson"}
    assert dot.meetings.filter(date="2024-02-16").exists()
    assert meeting.minutes.is_locked
    assert Document.objects.get().state == Document.State.IMPORTED


def test_two_evas_stay_as_written_when_not_chosen(bodies):
    _, sydost = bodies
    outcome = services.ingest("sydost.txt", SYDOST, body=sydost, confirm_when_clear=True)
    assert outcome.status == services.REVIEW
    assert [p.name for p in services.review_plan(outcome.document).matches["Eva"].choices] == [
        "Eva Svensson",
        "Eva Gustafsson",
    ]
    with pytest.raises(services.ValidationError, match="saknar datum"):
        services.confirm(outcome.document, body=sydost)
    import datetime

    meeting = services.confirm(outcome.document, body=sydost, date=datetime.date(2020, 9, 10))
    psychiatry = Assignment.objects.get(text__startswith="Psykiatri sydost")
    assert [p.name for p in psychiatry.owner_people.all()] == ["Dan Kjellsson"]
    assert "ansvariga enligt protokollet: Eva" in psychiatry.text
    assert {m.date.isoformat() for m in sydost.meetings.exclude(pk=meeting.pk)} == {
        "2020-10-15",
        "2020-12-02",
        "2020-12-14",
    }


def test_same_content_is_recognised(bodies):
    services.ingest("dot.txt", DOT)
    again = services.ingest("kopia.md", DOT.replace(b"\n", b"\r\n"))
    assert again.status == services.ALREADY and Document.objects.count() == 1


def test_failure_in_the_middle_leaves_nothing_behind(bodies, monkeypatch):
    dot, _ = bodies
    outcome = services.ingest("dot.txt", DOT)

    def fail_after_the_assignments(**kwargs):
        real(**kwargs)
        assert Assignment.objects.exists()
        raise RuntimeError("disken tog slut")

    real = services.create_assignments
    monkeypatch.setattr(services, "create_assignments", fail_after_the_assignments)
    people_before = Person.objects.count()
    with pytest.raises(RuntimeError):
        services.confirm(outcome.document, body=dot, chosen={"Maria": "Maria Kusagård"})
    assert not Meeting.objects.exists() and not Decision.objects.exists()
    assert not Assignment.objects.exists() and Person.objects.count() == people_before
    assert Document.objects.get().state == Document.State.REVIEW


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("tom.txt", b"", "filen är tom"),
        ("bild.pdf", b"\x89PNG\r\n\x1a\n\x00\x00", "ingen läsbar PDF"),
        ("trasig.docx", b"PK\x03\x04trasig", "skadad"),
        ("krypterad.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "lösenordsskyddad"),
        (
            "recept.txt",
            "Kanelbullar\n\nSmör, socker och kanel.".encode(),
            "inte ut som mötesanteckningar",
        ),
    ],
)
def test_bad_files_are_reported_and_nothing_is_written(bodies, name, data, reason):
    outcome = services.ingest(name, data)
    assert outcome.status == services.FAILED and reason in outcome.reason
    assert not Document.objects.exists()


def test_size_limit_is_configurable(bodies, settings):
    settings.IMPORT_MAX_BYTES = 1000
    outcome = services.ingest("dot.txt", DOT)
    assert outcome.status == services.FAILED and "för stor" in outcome.reason


def test_command_imports_a_batch_with_a_summary(bodies, tmp_path, capsys):
    (tmp_path / "dot.txt").write_bytes(DOT)
    (tmp_path / "tom.txt").write_bytes(b"")
    archive = tmp_path / "arkiv.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("sydost.txt", SYDOST)
        zf.writestr("dot-igen.txt", DOT)
    with pytest.raises(SystemExit) as exit_status:
        call_command("import", str(tmp_path))
    out = capsys.readouterr().out
    assert exit_status.value.code == 2
    assert "2 granskas" in out and "1 finns redan" in out and "1 misslyckades" in out
    assert "tom.txt: filen är tom" in out


def test_clear_documents_go_straight_in(bodies):
    text = (
        "Minnesanteckningar DOT Skåne Nordost\n\nDatum: 2024-03-05\n\n"
        "Närvarande: Lena Ek, Sven Åström\n\nDagordningen godkänns.\n\nLena återkommer med en plan.\n"
    )
    outcome = services.ingest("mars.txt", text.encode(), confirm_when_clear=True)
    assert outcome.status == services.IMPORTED
    assert Assignment.objects.get().owner_people.get().name == "Lena Ek"


@pytest.mark.django_db(transaction=True)  # the worker closes its connection
def test_upload_review_and_discard_in_the_browser_forms(cast, login, bodies):
    client = login("alice")
    cast.alice.memberships.create(body=bodies[0], role="sekreterare")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("dot.txt", DOT)
    buffer.name = "protokoll.zip"
    buffer.seek(0)
    page = uploaded(client, buffer)
    assert "granskas" in page
    document = Document.objects.get()
    review = client.get(document.get_absolute_url()).content.decode()
    assert 'class="marked kind-decisions"' in review and "vem är ”Maria”?" in review
    data = review_post(client, document, body=bodies[0].pk)
    owner = next(k for k, v in data.items() if k.endswith("_owner0") and v == "")
    data[owner] = "Maria Tischbierek"
    response = client.post(document.get_absolute_url(), data)
    assert response.status_code == 302
    assert Meeting.objects.filter(date="2023-11-24").exists()
    other = services.ingest("sydost.txt", SYDOST).document
    client.post(reverse("importer:discard", args=[other.pk]))
    assert not Document.objects.filter(pk=other.pk).exists()


def test_outsiders_cannot_import(cast, login, bodies):
    assert login("carl").get(reverse("importer:upload")).status_code == 403


def test_original_file_is_linked_from_the_meeting_for_readers_only(cast, login, bodies):
    dot = bodies[0]
    cast.bob.memberships.create(body=dot)
    outcome = services.ingest("dot-2023.txt", DOT)
    meeting = services.confirm(outcome.document, body=dot)
    page = login("bob").get(meeting.get_absolute_url()).content.decode()
    url = reverse("importer:original", args=[outcome.document.pk])
    assert url in page
    download = login("bob").get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == DOT
    login("bob").logout()
    assert login(None).get(url)["Location"].startswith(reverse("login"))
    assert login("carl").get(url).status_code == 403


def test_imported_open_assignments_come_back_at_the_next_planned_meeting(bodies):
    from tests.factories import make_meeting

    dot, _ = bodies
    coming = make_meeting(dot, days_ahead=10)
    outcome = services.ingest("dot.txt", DOT)
    meeting = services.confirm(outcome.document, body=dot, chosen={"Maria": "Maria Kusagård"})
    given = set(Assignment.objects.filter(meeting=meeting).open().values_list("pk", flat=True))
    item = coming.items.get(kind="återrapportering")
    assert given and set(item.report_backs.values_list("pk", flat=True)) == given
    assert not dot.meetings.get(date="2024-02-16").items.filter(kind="återrapportering").exists()
