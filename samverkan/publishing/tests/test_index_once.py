"""The search index follows the minutes once per transaction, whatever a rollback dropped."""

import pytest
from django.db import transaction

from samverkan.minutes.models import Minutes
from samverkan.minutes.services import approve, minutes_for
from samverkan.publishing import search
from samverkan.publishing.archive import publish
from samverkan.publishing.models import SearchDocument
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def indexed(monkeypatch):
    """The meetings indexed, in order."""
    done = []
    real = search.index_meeting
    monkeypatch.setattr(search, "index_meeting", lambda pk: (done.append(pk), real(pk)))
    return done


def test_minutes_saved_twice_in_one_transaction_are_indexed_once(cast, indexed):
    meeting = make_meeting(cast.public_body)
    with transaction.atomic():
        minutes = minutes_for(meeting)
        minutes.save()
    assert indexed == [meeting.pk]


def test_a_change_rolled_back_inside_the_transaction_keeps_the_one_that_stays(cast, indexed):
    meeting = make_meeting(cast.public_body)
    with transaction.atomic():
        minutes = minutes_for(meeting)
        with pytest.raises(RuntimeError), transaction.atomic():
            minutes.save()
            raise RuntimeError
    assert indexed == [meeting.pk]


def test_after_a_rolled_back_transaction_the_next_change_is_indexed(cast, indexed):
    meeting = make_meeting(cast.public_body)
    with pytest.raises(RuntimeError), transaction.atomic():
        minutes_for(meeting)
        raise RuntimeError
    assert indexed == []
    minutes_for(meeting)
    assert indexed == [meeting.pk]
    Minutes.objects.get(meeting=meeting).save()
    assert indexed == [meeting.pk, meeting.pk]


@pytest.mark.parametrize(("internal_too", "public"), [(False, True), (True, False)])
def test_published_minutes_are_public_in_search_only_when_every_body_is(cast, internal_too, public):
    bodies = [cast.public_body] + ([cast.internal_body] if internal_too else [])
    meeting = make_meeting(*bodies, days_ahead=-1)
    approve(minutes_for(meeting), by=cast.alice.user, approvers=[])
    assert not SearchDocument.objects.filter(meeting=meeting, public=True).exists()
    publish(meeting, by=cast.alice.user)
    found = SearchDocument.objects.filter(meeting=meeting)
    assert found.exists() and {d.public for d in found} == {public}


def test_an_index_gathered_before_a_publication_does_not_overwrite_it(cast, monkeypatch):
    meeting = make_meeting(cast.public_body, days_ahead=-1)
    approve(minutes_for(meeting), by=cast.alice.user, approvers=[])
    real = search.documents_for
    published = []

    def gathered_then_published(m):
        documents = real(m)  # what an indexer read just before someone else published
        if not published:
            published.append(True)
            publish(meeting, by=cast.alice.user)  # indexes the published minutes at once
        return documents

    monkeypatch.setattr(search, "documents_for", gathered_then_published)
    search.index_meeting(meeting.pk)
    found = SearchDocument.objects.filter(meeting=meeting)
    assert found.exists() and {d.public for d in found} == {True}
