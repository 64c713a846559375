"""A rich world for access tests: every kind of meeting, minutes, draft and list, with its people.

Bodies: DS Sydost (public; alice secretary, bob member), AG Sydost (internal, under DS; bob
member), Annat organ (public; dora secretary), Internt organ (internal; ivar member).
Meetings: `published` (DS, published minutes), `approved` (DS, approved, not published),
`draft` (DS, minutes being written), `importing` (DS, approved, still being imported),
`upcoming` (DS, answers given), `internal` (AG, published as far as an internal body can be),
`joint` (DS with Internt organ, published), `other_draft` (Annat organ, minutes being written),
which proposes an item to `upcoming` and gives DS and Internt organ an assignment
(`commission`). An import draft for Annat organ (uploaded by dora) and
one for DS (uploaded by alice); a plan, an inventory round, a distribution list and a dispatch.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from samverkan.directory.models import Membership
from samverkan.meetings.models import Attachment, Attendance
from samverkan.minutes.services import (
    add_decision,
    approve,
    minutes_for,
    request_approval,
    save_note,
)
from tests.factories import make_body, make_meeting, make_membership, make_person

PERSONNUMMER = "19811218-9876"  # a valid test number (Skatteverket's test series)


@dataclass
class World:
    cast: object
    ids: dict = field(default_factory=dict)

    def __getitem__(self, key):
        return self.ids[key]


def _held(body_list, days_ago, note, decision, *, by, approved=True, published=False):
    from samverkan.publishing.archive import publish

    meeting = make_meeting(*body_list, date=timezone.localdate() - datetime.timedelta(days_ago))
    minutes = minutes_for(meeting)
    item = meeting.items.first()
    save_note(minutes, item, text=note, revision=0)
    add_decision(minutes, text=decision, item=item)
    if approved:
        approve(minutes, by=by, approvers=[])
    if published:
        publish(meeting, by=by)
    return meeting


def build_world(cast) -> World:
    from samverkan.importer import services as importer
    from samverkan.plans.models import AgreementGoal, InventoryRound, Plan
    from samverkan.publishing.models import CalendarFeed, Dispatch, DistributionList, Follower

    users = get_user_model().objects
    other = make_body(name="Annat organ", short_name="Annat")
    hidden = make_body(name="Internt organ", short_name="Internt", is_public=False)
    dora = make_person("dora", name="Dora Dahl", email="dora@example.se")
    ivar = make_person("ivar", name="Ivar Ek", email="ivar@example.se")
    make_membership(dora, other, role=Membership.Role.SECRETARY)
    make_membership(ivar, hidden)
    users.create_user("staff", password="pw-staff", is_staff=True)
    gone = make_person("gone", name="Gustav Gone", email="gone@example.se")
    make_membership(gone, cast.public_body)
    alice = cast.alice.user
    ds, ag = cast.public_body, cast.internal_body

    # a personnummer written by mistake, then removed: the history still holds it
    published = _held(
        [ds], 30, f"Ärendet gäller {PERSONNUMMER}.", "Rapporten godkänns.", by=alice, approved=False
    )
    minutes = minutes_for(published)
    save_note(minutes, published.items.first(), text="Ärendet gäller en patient.", revision=1)
    approve(minutes, by=alice, approvers=[])
    from samverkan.meetings.models import Meeting
    from samverkan.publishing.archive import publish

    published = Meeting.objects.get(pk=published.pk)
    publish(published, by=alice)
    item = published.items.first()
    attachment = Attachment.objects.create(item=item, name="bilaga.txt")
    attachment.file.save("bilaga.txt", ContentFile(b"Bilaga"), save=True)
    approved = _held([ds], 20, "Godkänt men inte publicerat.", "Väntar på publicering.", by=alice)
    draft = _held([ds], 10, "Utkast som skrivs.", "Utkastets beslut.", by=alice, approved=False)
    internal = _held(
        [ag], 25, "Internt om bemanningen.", "Internt beslut.", by=alice, published=True
    )
    joint = _held(
        [ds, hidden],
        15,
        "Gemensamt och internt.",
        "Gemensamt beslut.",
        by=users.get(username="staff"),
        published=True,
    )
    other_draft = _held(
        [other], 5, "Annat organs utkast.", "Annat beslut.", by=dora.user, approved=False
    )
    # approved minutes an import is still writing: shown to nobody until it is whole
    importing = _held([ds], 30, "Importeras.", "Importerat beslut.", by=alice)
    importing.importing_until = timezone.now() + datetime.timedelta(minutes=5)
    importing.save(update_fields=["importing_until"])
    requested = _held(
        [ds], 15, "Väntar på justering.", "Justeras av Bob.", by=alice, approved=False
    )
    request_approval(minutes_for(requested), people=[cast.bob], by=alice)
    upcoming = make_meeting(ds, days_ahead=10)
    Attendance.objects.filter(meeting=upcoming, person=cast.bob).update(status="närvarande")

    seeds = __import__("importlib").resources.files("samverkan.importer") / "data"
    text = (seeds / "sydost-tjanstemannaforberedande.txt").read_bytes()
    other_import = importer.ingest("annat.txt", text, body=other, by=dora.user).document
    # discarding deletes the file on disk, which a rollback does not bring back
    spare_import = importer.ingest(
        "annat-2.txt", text + b"\nReservexemplar.\n", body=other, by=dora.user
    ).document
    own_import = importer.ingest(
        "eget.txt", text + b"\nEget exemplar.\n", body=ds, by=alice
    ).document

    plan = Plan.objects.create(body=ds, title="Handlingsplan")
    internal_plan = Plan.objects.create(body=ag, title="Intern plan")
    goal = plan.goals.create(title="Mål")
    measurement = goal.indicators.create(name="Indikator").values.create(
        period=datetime.date(2025, 1, 1), value=1
    )
    agreement = AgreementGoal.objects.first() or AgreementGoal.objects.create(
        area="Avtalsmål", text="Mål"
    )
    round_ = InventoryRound.objects.create(title="Inventering", opened=timezone.localdate())
    round_.goals.set([agreement])
    round_.bodies.set([ds])
    lst = DistributionList.objects.create(body=ds, name="Lista", addresses="x@example.se")
    dispatch = Dispatch.objects.create(meeting=upcoming, kind="kallelse", subject="Kallelse")
    feed = CalendarFeed.objects.create(person=cast.bob)
    follower = Follower.objects.create(body=ds, email="vera@example.se")
    from samverkan.followup.models import Assignment

    assignment = Assignment.objects.create(
        body=ds, meeting=published, text="Ta fram rutin", due_date=timezone.localdate()
    )
    draft_assignment = Assignment.objects.create(
        body=ds, meeting=draft, text="Skriv remissvar", due_date=timezone.localdate()
    )
    draft_assignment.owner_people.add(cast.bob)
    from samverkan.followup.commissions import give
    from samverkan.meetings.models import Proposal

    # Annat organ proposes an item to DS Sydost's coming meeting, and gives DS Sydost and the
    # internal body an assignment
    proposal = Proposal.objects.create(
        from_meeting=other_draft, to_meeting=upcoming, title="Förslag från Annat organ"
    )
    commission = give(giver=other, receivers=[ds, hidden], text="Inventera", by=dora.user)
    membership = Membership.objects.get(person=cast.bob, body=ds)
    users.filter(username="gone").update(is_active=False)

    from samverkan.meetings.answer_links import token_for

    world = World(cast)
    world.ids.update(
        published=published.pk,
        approved=approved.pk,
        draft=draft.pk,
        internal=internal.pk,
        joint=joint.pk,
        importing=importing.pk,
        other_draft=other_draft.pk,
        upcoming=upcoming.pk,
        published_item=item.pk,
        draft_item=draft.items.first().pk,
        draft_decision=draft.minutes.decisions.first().pk,
        draft_assignment=draft_assignment.pk,
        requested=requested.pk,
        joint_item=joint.items.first().pk,
        upcoming_item=upcoming.items.first().pk,
        attachment=attachment.pk,
        other_import=other_import.pk,
        own_import=own_import.pk,
        spare_import=spare_import.pk,
        ds=ds.pk,
        ag=ag.pk,
        other=other.pk,
        hidden=hidden.pk,
        bob=cast.bob.pk,
        carl=cast.carl.pk,
        ivar=ivar.pk,
        membership=membership.pk,
        plan=plan.pk,
        internal_plan=internal_plan.pk,
        goal=goal.pk,
        measurement=measurement.pk,
        round=round_.pk,
        list=lst.pk,
        dispatch=dispatch.pk,
        token=feed.token,
        answer_token=token_for(upcoming, cast.bob),
        follow_token=follower.token,
        kommer="kommer",
        assignment=assignment.pk,
        proposal=proposal.pk,
        commission=commission.pk,
        organisation=cast.region.pk,
        note_history=minutes.notes.first().history.get(text__contains=PERSONNUMMER).history_id,
        v1=1,
        pdf="pdf",
        provider="region",
        docx="docx",
        uid="MQ",
        reset_token="set-password",
        anteckning="anteckning",
        minutes="minutes",
        csv="csv",
        nowhere="finns-inte",
    )
    return world
