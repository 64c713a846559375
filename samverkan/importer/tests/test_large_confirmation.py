"""Confirming the largest import the importer accepts (issue 15, finding 6): whole or nothing,
though it is written in many short transactions."""

import pytest

from samverkan.directory.models import Body, Person
from samverkan.directory.services import load_reference
from samverkan.followup.models import Assignment
from samverkan.importer import services
from samverkan.importer.models import Document
from samverkan.importer.tests.generated import huge_minutes
from samverkan.meetings.models import AgendaItem, Attendance, Meeting
from samverkan.minutes.models import Decision, Note

pytestmark = pytest.mark.django_db(transaction=True)  # each part is committed


@pytest.fixture
def draft():
    load_reference()
    dot = Body.objects.get(short_name="DOT Nordost")
    document = services.ingest("stora.txt", huge_minutes(people=400, items=250), body=dot).document
    assert len(document.data["actions"]) == 500 and len(document.data["attendees"]) == 400
    return document, dot


def test_a_failure_in_the_middle_of_a_huge_import_leaves_nothing_behind(draft, monkeypatch):
    document, dot = draft
    real = services.create_assignments

    def fails_in_the_middle_of_the_assignments(**kwargs):
        if Assignment.objects.count() >= 200:
            raise RuntimeError("disken tog slut")
        real(**kwargs)

    monkeypatch.setattr(services, "create_assignments", fails_in_the_middle_of_the_assignments)
    people = Person.objects.count()
    with pytest.raises(RuntimeError):
        services.confirm(document, body=dot)
    assert not Meeting.objects.filter(date="2024-01-05").exists()
    for model in (Attendance, AgendaItem, Note, Decision, Assignment):
        assert not model.objects.exists(), model
    assert Person.objects.count() == people
    assert Document.objects.get().state == Document.State.REVIEW
