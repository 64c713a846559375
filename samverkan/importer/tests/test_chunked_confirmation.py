"""Confirming a huge import blocks nobody (issue 15, finding 6): it is written in short
transactions of bounded size, on a meeting nobody is shown until it is whole; a process killed
in the middle leaves nothing anyone sees, and the next confirmation cleans up after it."""

import json
import subprocess
import sys

import pytest
from django.contrib.auth.models import User
from django.db import connection

from samverkan.directory.models import Body, Person
from samverkan.directory.services import load_reference
from samverkan.followup.models import Assignment
from samverkan.importer import services
from samverkan.importer.tests.generated import huge_minutes
from samverkan.meetings.models import AgendaItem, Attendance, Meeting
from samverkan.minutes.models import Decision, Note

WRITES_PER_TRANSACTION = 30

SETUP = """
import json, os, signal, sys, threading, time
import django; django.setup()
from django.conf import settings
from django.contrib.auth.models import User
from django.db import connections, transaction
from samverkan.directory.models import Body
from samverkan.directory.services import load_reference
from samverkan.importer import services
from samverkan.importer.models import Document
from samverkan.importer.tests.generated import huge_minutes
from samverkan.meetings.models import AgendaItem, Meeting
from samverkan.minutes.models import Decision

# larger than a reviewer may confirm, so that one transaction would hold the lock for seconds
settings.IMPORT_MAX_ITEMS = 5000
"""

WRITER = """
import json, os, sys, time
import django; django.setup()
from django.db import transaction
from samverkan.meetings.models import AgendaItem, Meeting
other, waits, errors = Meeting.objects.get(date="2024-03-01"), [], []
print("ready", flush=True)
while not os.path.exists(sys.argv[1]):
    began = time.monotonic()
    try:
        with transaction.atomic():
            AgendaItem.objects.create(meeting=other, position=len(waits) + 1, title="Punkt")
    except Exception as error:
        errors.append(repr(error))
    waits.append(time.monotonic() - began)
    time.sleep(0.02)
print(json.dumps({"waits": waits, "errors": errors}))
"""

CONCURRENT = (
    SETUP
    + """
import subprocess
from django.db.models.signals import post_save
from samverkan.minutes.models import Minutes
from samverkan.publishing.signals import minutes_changed
# the search index is written after the confirmation, one transaction per meeting, as for
# any approval: its length is the search index's own concern, not measured here
post_save.disconnect(minutes_changed, sender=Minutes)
load_reference()
dot = Body.objects.get(short_name="DOT Nordost")
other = Meeting.objects.create(date="2024-03-01")
other.bodies.set([Body.objects.get(short_name="TB Sydost")])
document = services.ingest("stora.txt", huge_minutes(people=300, items=400), body=dot).document
stop = sys.argv[1]
writer = subprocess.Popen(
    [sys.executable, "-c", sys.argv[2], stop], stdout=subprocess.PIPE, text=True
)
assert writer.stdout.readline().strip() == "ready"
began = time.monotonic()
meeting = services.confirm(document, body=dot)
took = time.monotonic() - began
open(stop, "w").close()
written = json.loads(writer.communicate()[0])
print(json.dumps({
    "took": took, **written, "items": meeting.items.count(),
    "written": AgendaItem.objects.filter(meeting=other).count(),
}))
"""
)

KILLED = (
    SETUP
    + """
load_reference()
dot = Body.objects.get(short_name="DOT Nordost")
document = services.ingest("stora.txt", huge_minutes(people=300, items=600), body=dot).document
real = Decision.objects.bulk_create

def killed_in_the_middle(*args, **kwargs):
    if Decision.objects.exists():
        os.kill(os.getpid(), signal.SIGKILL)
    return real(*args, **kwargs)

Decision.objects.bulk_create = killed_in_the_middle
services.confirm(document, body=dot)
"""
)

AGAIN = (
    SETUP
    + """
dot = Body.objects.get(short_name="DOT Nordost")
admin = User.objects.create_superuser("admin", password="pw-admin")
def shown():
    return Meeting.objects.visible_to(admin).filter(date="2024-01-05").count()

before = {
    "shown": shown(),
    "under_import": Meeting.objects.exclude(importing_until=None).count(),
    "document": Document.objects.get().state,
}
# as once the killed process's lease ran out
Meeting.objects.exclude(importing_until=None).update(importing_until="2000-01-01T00:00:00Z")
meeting = services.confirm(Document.objects.get(), body=dot)
print(json.dumps({
    "before": before,
    "shown": shown(),
    "meetings": Meeting.objects.filter(date="2024-01-05").count(),
    "items": meeting.items.count(),
    "decisions": Decision.objects.filter(minutes__meeting=meeting).count(),
    "document": Document.objects.get().state,
}))
"""
)


def _run(script: str, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, timeout=600
    )


@pytest.mark.django_db(transaction=True)
def test_other_users_write_at_once_while_a_huge_import_is_confirmed(environment, tmp_path):
    result = _run(CONCURRENT, environment, str(tmp_path / "confirmed"), WRITER)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.splitlines()[-1])
    assert found["items"] > 400 and found["errors"] == []
    assert max(found["waits"]) < 1, (found["took"], sorted(found["waits"])[-5:])
    assert found["written"] == len(found["waits"]) >= 5, found["took"]


@pytest.mark.django_db(transaction=True)
def test_a_process_killed_while_confirming_leaves_nothing_shown_and_is_cleaned_up(environment):
    killed = _run(KILLED, environment)
    assert killed.returncode == -9, killed.stderr
    again = _run(AGAIN, environment)
    assert again.returncode == 0, again.stderr
    found = json.loads(again.stdout.splitlines()[-1])
    assert found["before"] == {"shown": 0, "under_import": 1, "document": "granskas"}
    assert found["shown"] == found["meetings"] == 1
    assert found["items"] > found["decisions"] == 600
    assert found["document"] == "importerad"


@pytest.mark.django_db(transaction=True)  # the transactions are committed, and counted
def test_each_transaction_of_a_confirmation_writes_a_bounded_number_of_rows():
    load_reference()
    dot = Body.objects.get(short_name="DOT Nordost")
    document = services.ingest("stora.txt", huge_minutes(people=400, items=250), body=dot).document
    models = (Person, Attendance, AgendaItem, Note, Decision, Assignment)
    rows, statements, current = [], [], [0]

    def total() -> int:
        return sum(model.objects.count() for model in models)

    def counted(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            current[0] += 1
        return execute(sql, params, many, context)

    commit, before = connection.commit, [total()]

    def committed():
        now = total()  # what this transaction sees, as it will be committed
        rows.append(now - before[0])
        before[0] = now
        statements.append(current[0])
        current[0] = 0
        commit()

    connection.commit = committed
    try:
        with connection.execute_wrapper(counted):
            meeting = services.confirm(document, body=dot)
    finally:
        del connection.commit
    assert AgendaItem.objects.filter(meeting=meeting).count() > 250
    assert max(rows) <= services.CHUNK + 10, sorted(rows)[-5:]
    assert max(statements) <= WRITES_PER_TRANSACTION, sorted(statements)[-5:]
    assert not Meeting.objects.exclude(importing_until=None).exists()


@pytest.mark.django_db
def test_a_meeting_under_import_is_shown_to_nobody(
    uploader, admin_client, django_capture_on_commit_callbacks
):
    from importlib import resources

    from django.urls import reverse

    client, dot = uploader
    seed = (
        resources.files("samverkan.importer") / "data" / "dot-nordost-2023-11-24.txt"
    ).read_bytes()
    with django_capture_on_commit_callbacks(execute=True):  # the search index
        meeting = services.confirm(services.ingest("dot.txt", seed).document, body=dot)
    decision = Decision.objects.filter(minutes__meeting=meeting).first()
    given = Assignment.objects.filter(meeting=meeting)
    owner = given.exclude(owner_people=None).first().owner_people.first()
    url = meeting.get_absolute_url()
    pages = [
        url,
        reverse("directory:body", args=[dot.pk]),
        reverse("publishing:search") + "?q=" + decision.text.split()[0],
    ]
    register = reverse("followup:register", args=[dot.pk])
    task = given.first().text
    meeting_page, body_page, search = (client.get(page) for page in pages)
    assert meeting_page.status_code == 200
    assert url in body_page.content.decode() and url in search.content.decode()
    assert task in client.get(register).content.decode()

    Meeting.objects.filter(pk=meeting.pk).update(importing_until="2000-01-01T00:00:00Z")
    for user_client in (client, admin_client):
        meeting_page, body_page, search = (user_client.get(page) for page in pages)
        assert meeting_page.status_code == 404
        assert url not in body_page.content.decode() and url not in search.content.decode()
        assert task not in user_client.get(register).content.decode()
    admin = User.objects.get(username="admin")
    assert not Meeting.objects.visible_to(admin).filter(pk=meeting.pk).exists()
    assert not Assignment.objects.for_person(owner).visible_to(admin).filter(meeting=meeting)
    assert not Decision.objects.visible_to(admin).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("people, items", [(8, 3), (120, 200)], ids=["at once", "in parts"])
def test_the_meeting_an_earlier_import_planned_is_the_one_filled(uploader, people, items):
    _, dot = uploader
    seed = huge_minutes(people=people, items=items, seed=5)  # held 2024-02-09
    first = services.confirm(
        services.ingest("först.txt", huge_minutes(people=8, items=3)).document, body=dot
    )
    planned = dot.meetings.get(date="2024-02-09", state=Meeting.State.PLANNED)
    AgendaItem.objects.create(meeting=planned, position=1, title="Inbjuden gäst")
    filled = services.confirm(services.ingest("sedan.txt", seed).document, body=dot)
    assert filled.pk == planned.pk != first.pk
    assert list(filled.items.values_list("title", flat=True))[:2] == [
        "Inbjuden gäst",
        "Ärende 1 om samverkan kring område",
    ]
    assert filled.attendance.count() == people
    assert filled.minutes.decisions.count() == items
    assert Meeting.objects.filter(date="2024-02-09").count() == 1
    assert not Meeting.objects.exclude(importing_until=None).exists()


def _failing(*args, **kwargs):
    raise RuntimeError("planeringen föll")


@pytest.mark.django_db(transaction=True)
def test_a_failure_at_the_end_keeps_the_planned_meeting_and_what_it_had(uploader, monkeypatch):
    _, dot = uploader
    services.confirm(
        services.ingest("först.txt", huge_minutes(people=8, items=3)).document, body=dot
    )
    planned = dot.meetings.get(date="2024-02-09", state=Meeting.State.PLANNED)
    AgendaItem.objects.create(meeting=planned, position=1, title="Inbjuden gäst")
    large = services.ingest("sedan.txt", huge_minutes(people=120, items=200, seed=5)).document
    monkeypatch.setattr(services, "_next_meeting", _failing)
    with pytest.raises(RuntimeError):
        services.confirm(large, body=dot)
    planned.refresh_from_db()
    assert planned.state == Meeting.State.PLANNED and planned.importing_until is None
    assert list(planned.items.values_list("title", flat=True)) == ["Inbjuden gäst"]
    assert not Meeting.objects.exclude(importing_until=None).exists()


@pytest.mark.django_db(transaction=True)
def test_a_failed_replacement_keeps_the_earlier_import(uploader, monkeypatch):
    _, dot = uploader
    earlier = services.confirm(
        services.ingest("a.txt", huge_minutes(people=8, items=3)).document, body=dot
    )
    again = services.ingest("b.txt", huge_minutes(people=120, items=200)).document
    assert again.duplicate_of is not None
    monkeypatch.setattr(services, "_next_meeting", _failing)
    with pytest.raises(RuntimeError):
        services.confirm(again, body=dot, duplicate=services.REPLACE)
    assert Meeting.objects.filter(pk=earlier.pk).exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("people, items", [(8, 3), (120, 200)], ids=["at once", "in parts"])
def test_the_approved_version_names_the_next_meeting(uploader, people, items):
    _, dot = uploader
    meeting = services.confirm(
        services.ingest("a.txt", huge_minutes(people=people, items=items)).document, body=dot
    )
    assert dot.meetings.filter(date="2024-02-09").exists()
    assert "9 februari 2024" in meeting.minutes.versions.get().content["next_meeting"]


@pytest.mark.django_db(transaction=True)
def test_another_meeting_planned_that_day_is_left_alone(uploader):
    import datetime

    from samverkan.meetings.services import plan_meeting

    _, dot = uploader
    services.confirm(
        services.ingest("först.txt", huge_minutes(people=8, items=3)).document, body=dot
    )
    other = plan_meeting(bodies=[dot], date=datetime.date(2024, 2, 9), standard_items=False)
    AgendaItem.objects.create(meeting=other, position=1, title="Egen punkt")
    before = set(dot.meetings.filter(date="2024-02-09").values_list("pk", flat=True))
    services.confirm(
        services.ingest("sedan.txt", huge_minutes(people=8, items=3, seed=5)).document, body=dot
    )
    assert set(dot.meetings.filter(date="2024-02-09").values_list("pk", flat=True)) == before
    assert list(other.items.values_list("title", flat=True)) == ["Egen punkt"]
