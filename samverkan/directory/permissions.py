"""Who may do what, derived from memberships: the one place these rules live.

- Administrators (staff or superusers) may do everything.
- A body's current ordförande and sekreterare edit the body, its members and its sub-bodies.
- A body's current members read its internal pages; public bodies are read by everyone.
- A meeting is public only when every one of its bodies is public; otherwise it is read by
  those who take part (members and editors of any of its bodies) and administrators. A meeting
  an import is still writing is shown to nobody, until it is whole.
- Minutes: drafts for the meeting's writers; approved minutes for those who take part; the
  public reads them once they are published, and only of a public meeting. Only those who take
  part see the edit history and, before the minutes are public, the answers and attendance.
- Accounts (who lost access, restoring it, the login id that links a sign-in to a person) are
  for administrators.
- People's pages are for signed-in users; e-mail and phone only for the person, the editors of
  their bodies and administrators.
- Import drafts are for their uploader, the editors of the body they are for and administrators.
- The public API (OParl) shows what an anonymous visitor may read: public bodies, their
  members' names and organisations, and published approved minutes of meetings whose every
  body is public; never contact details, attendance answers or drafts.
"""

from django.apps import apps
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet

from samverkan.directory.models import Body, Membership, Person

AnyUser = User | AnonymousUser


def require(allowed: bool) -> None:
    """Views call this with a rule's answer; a no is a 403 page."""
    if not allowed:
        raise PermissionDenied


def is_admin(user: AnyUser) -> bool:
    return user.is_authenticated and (user.is_superuser or user.is_staff)


def _current(user: AnyUser):
    return Membership.objects.current().for_user(user)


def _roles(user: AnyUser) -> dict[int, set[str]]:
    """The user's current roles by body id. Read once per user object, like Django's own
    permission cache: a request's user is loaded afresh for every request."""
    if not user.is_authenticated:
        return {}
    if not hasattr(user, "_samverkan_roles"):
        roles: dict[int, set[str]] = {}
        for body_id, role in _current(user).values_list("body_id", "role"):
            roles.setdefault(body_id, set()).add(role)
        user._samverkan_roles = roles
    return user._samverkan_roles


def member_body_ids(user: AnyUser) -> set[int]:
    """Bodies the user sits in now, in any role."""
    return set(_roles(user))


def is_member(user: AnyUser, body: Body) -> bool:
    return body.pk in _roles(user)


def edited_body_ids(user: AnyUser) -> set[int]:
    """Bodies the user chairs or is secretary of, with all their sub-bodies (read once per
    user object, like `_roles`)."""
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_samverkan_edited"):
        editor = set(Membership.EDITOR_ROLES)
        frontier = {body_id for body_id, roles in _roles(user).items() if roles & editor}
        children: dict[int, list[int]] = {}
        if frontier:
            for pk, parent_id in Body.objects.exclude(parent=None).values_list("pk", "parent_id"):
                children.setdefault(parent_id, []).append(pk)
        found: set[int] = set()
        while frontier:
            found |= frontier
            frontier = {child for pk in frontier for child in children.get(pk, ())} - found
        user._samverkan_edited = found
    return set(user._samverkan_edited)


def can_view_body(user: AnyUser, body: Body) -> bool:
    return body.is_public or is_admin(user) or is_member(user, body) or can_edit_body(user, body)


def can_edit_body(user: AnyUser, body: Body) -> bool:
    return is_admin(user) or body.pk in edited_body_ids(user)


def can_create_body(user: AnyUser, parent: Body | None = None) -> bool:
    if is_admin(user):
        return True
    return parent is not None and can_edit_body(user, parent)


def can_create_bodies(user: AnyUser) -> bool:
    """May open the new-body form at all: administrators and anyone who edits a body."""
    return is_admin(user) or bool(edited_body_ids(user))


def can_view_people(user: AnyUser) -> bool:
    return user.is_authenticated


def can_see_contact_details(user: AnyUser, person: Person) -> bool:
    """E-mail and phone: the person, the editors of their bodies and administrators."""
    return can_edit_person(user, person)


def can_manage_personal_data(user: AnyUser) -> bool:
    """Export everything about a person, or erase them: administrators only."""
    return is_admin(user)


def can_manage_accounts(user: AnyUser) -> bool:
    """See who lost access, restore it, confirm organisations from sign-in: administrators."""
    return is_admin(user)


def can_create_person(user: AnyUser) -> bool:
    return is_admin(user) or bool(edited_body_ids(user))


def can_edit_person(user: AnyUser, person: Person) -> bool:
    if is_admin(user) or (user.is_authenticated and person.user_id == user.pk):
        return True
    editable = edited_body_ids(user)
    return bool(editable) and person.memberships.current().filter(body_id__in=editable).exists()


def can_edit_organisations(user: AnyUser) -> bool:
    return is_admin(user)


def own_body_filter(user: AnyUser) -> Q:
    """The bodies whose unpublished and internal material the user reads: own and edited ones."""
    if is_admin(user):
        return Q()
    if not user.is_authenticated:
        return Q(pk__in=[])
    return Q(pk__in=_current(user).values("body")) | Q(pk__in=edited_body_ids(user))


def editable_body_filter(user: AnyUser) -> Q:
    """The bodies a user edits, as a filter."""
    return Q() if is_admin(user) else Q(pk__in=edited_body_ids(user))


def visible_body_filter(user: AnyUser) -> Q:
    """The bodies a user may read, as a filter: public ones, their own, the ones they edit."""
    if is_admin(user):
        return Q()
    if not user.is_authenticated:
        return Q(is_public=True)
    own = _current(user).values("body")
    return Q(is_public=True) | Q(pk__in=own) | Q(pk__in=edited_body_ids(user))


# Meetings, minutes and assignments: the rules follow from the bodies they belong to.


def _meetings_of(bodies: Q):
    """The ids of meetings held by the bodies matching `bodies`, as a subquery."""
    return Body.objects.filter(bodies, meetings__isnull=False).values("meetings")


def _public_meetings() -> Q:
    """Meetings with at least one body and no internal one."""
    return _held_by() & ~_held_by(is_public=False)


def _held_by(**body) -> Q:
    """Meetings held by a body with these lookups, asked meeting by meeting (a correlated
    subquery): ten meetings on a page cost ten lookups, whatever the history holds."""
    held = Body.meetings.through.objects.filter(meeting=OuterRef("pk"))
    return Q(Exists(held.filter(**{f"body__{key}": value for key, value in body.items()})))


def meeting_rule(rule: Q, via: str) -> Q:
    """A meeting rule for rows that point at a meeting (`via` the path to its id, as
    "minutes__meeting_id"), asked row by row rather than as the set of all meetings it admits."""
    meetings = apps.get_model("meetings", "Meeting").objects.filter(rule, pk=OuterRef(via))
    return Q(Exists(meetings))


def _published() -> Q:
    return Q(minutes__approved_at__isnull=False, publication__isnull=False)


def shown_meetings(via: str = "") -> Q:
    """Meetings anyone may be shown at all, administrators too: not one an import is still
    writing (in short transactions); it appears whole once the import is done. `via` is the
    path to the meeting from another model ("meeting__")."""
    return Q(**{f"{via}importing_until": None})


def is_shown(meeting) -> bool:
    return meeting.importing_until is None


def taking_part_filter(user: AnyUser) -> Q:
    """Meetings of bodies the user sits in or edits (the people who are called to them)."""
    if is_admin(user):
        return shown_meetings()
    # a set, read through the index on the body: one's own bodies hold few of the meetings
    own = sorted(member_body_ids(user) | edited_body_ids(user))
    return shown_meetings() & Q(
        pk__in=Body.meetings.through.objects.filter(body_id__in=own).values("meeting_id")
    )


def meeting_filter(user: AnyUser) -> Q:
    """The meetings a user may read: public ones, and those they take part in."""
    if is_admin(user):
        return shown_meetings()
    return shown_meetings() & (_public_meetings() | taking_part_filter(user))


def minutes_filter(user: AnyUser) -> Q:
    """Meetings whose approved minutes the user reads (drafts are for writers only)."""
    if is_admin(user):
        return own_minutes_filter(user)
    return own_minutes_filter(user) | (
        shown_meetings() & Q(minutes__approved_at__isnull=False) & _public_meetings() & _published()
    )


def own_minutes_filter(user: AnyUser) -> Q:
    """Meetings whose approved minutes the user reads as one who takes part, not as the public."""
    approved = Q(minutes__approved_at__isnull=False)
    if is_admin(user):
        return shown_meetings() & approved
    return approved & taking_part_filter(user)


def is_public_meeting(meeting) -> bool:
    bodies = list(meeting.bodies.all())
    return bool(bodies) and all(body.is_public for body in bodies)


def takes_part(user: AnyUser, meeting) -> bool:
    """Sits in or edits one of the meeting's bodies, or administers everything."""
    if is_admin(user):
        return True
    if not user.is_authenticated:
        return False
    body_ids = {body.pk for body in meeting.bodies.all()}
    return bool(body_ids & (edited_body_ids(user) | member_body_ids(user)))


def can_view_meeting(user: AnyUser, meeting) -> bool:
    return is_shown(meeting) and (is_public_meeting(meeting) or takes_part(user, meeting))


def is_published(meeting) -> bool:
    minutes = getattr(meeting, "minutes", None)
    return minutes is not None and minutes.is_locked and hasattr(meeting, "publication")


def can_read_minutes(user: AnyUser, meeting) -> bool:
    """Drafts for the writers, approved minutes for those who take part, published for all."""
    minutes = getattr(meeting, "minutes", None)
    if minutes is None or meeting.is_cancelled or not is_shown(meeting):
        return False
    if not minutes.is_locked:
        return can_write_minutes(user, meeting)
    if takes_part(user, meeting):
        return True
    return is_published(meeting) and is_public_meeting(meeting)


def can_read_version(user: AnyUser, meeting, version) -> bool:
    """An approved version: those who take part; the public only a version that was published."""
    if takes_part(user, meeting):
        return True
    publication = getattr(meeting, "publication", None)
    return (
        publication is not None
        and is_public_meeting(meeting)
        and version.number <= publication.version
    )


def can_see_minutes_history(user: AnyUser, meeting) -> bool:
    """The edit history keeps what was deleted: members only, never the public."""
    return takes_part(user, meeting)


def can_see_answers(user: AnyUser, meeting) -> bool:
    """Answers and attendance: those who take part; the public once the minutes are public."""
    return takes_part(user, meeting) or (is_published(meeting) and is_public_meeting(meeting))


def can_read_original(user: AnyUser, meeting) -> bool:
    """The file a meeting was imported from may hold more than the record: those who take part."""
    return takes_part(user, meeting)


def can_purge_history(user: AnyUser) -> bool:
    return is_admin(user)


def can_edit_meeting(user: AnyUser, meeting) -> bool:
    return any(can_edit_body(user, body) for body in meeting.bodies.all())


def is_secretary_of(user: AnyUser, meeting) -> bool:
    if is_admin(user):
        return True
    roles = _roles(user)
    return any(Membership.Role.SECRETARY in roles.get(b.pk, ()) for b in meeting.bodies.all())


def can_edit_agenda(user: AnyUser, meeting) -> bool:
    """Editors until the meeting is held; after that only its secretary."""
    if meeting.is_cancelled:
        return False
    return is_secretary_of(user, meeting) if meeting.is_held else can_edit_meeting(user, meeting)


def can_write_minutes(user: AnyUser, meeting) -> bool:
    return not meeting.is_cancelled and can_edit_meeting(user, meeting)


def member_person(user: AnyUser, meeting) -> Person | None:
    """The user's person when they sit in one of the meeting's bodies (and may answer)."""
    membership = _current(user).filter(body__in=meeting.bodies.all()).select_related("person")
    first = membership.first()
    return first.person if first else None


def can_answer_by_link(person: Person, meeting) -> bool:
    """A signed answer link (meetings.answer_links) answers for its person, someone called to
    the meeting and still taking part, until the meeting is held; it opens nothing else."""
    return (
        meeting.can_be_answered
        and person.is_reachable()
        and meeting.attendance.filter(person=person).exists()
    )


def can_update_assignment(user: AnyUser, assignment) -> bool:
    if can_edit_body(user, assignment.body):
        return True
    return user.is_authenticated and assignment.owner_people.filter(user=user).exists()


def is_asked_to_approve(user: AnyUser, minutes) -> bool:
    """A justerare named in a request for these minutes: opens the justering page, and
    approves or sends back their own sign-off (never someone else's)."""
    return user.is_authenticated and minutes.signoffs.filter(person__user_id=user.pk).exists()


# Import drafts: a document uploaded for a body, before it becomes a meeting.


def can_import(user: AnyUser) -> bool:
    """Editors of some body, and administrators, may upload documents to import."""
    return can_create_bodies(user)


def import_draft_filter(user: AnyUser) -> Q:
    """Drafts the user may see: their own uploads and those for bodies they edit."""
    if is_admin(user):
        return Q()
    if not user.is_authenticated:
        return Q(pk__in=[])
    return Q(created_by=user) | Q(body_id__in=edited_body_ids(user))


# The public API: what anyone may read, whoever asks (it is the same for signed-in clients).

ANONYMOUS = AnonymousUser()


def public_bodies() -> QuerySet:
    """Bodies an anonymous visitor may read."""
    return Body.objects.visible_to(ANONYMOUS)


def public_memberships() -> QuerySet:
    """Memberships of public bodies: who sits there for which organisation, and when."""
    return Membership.objects.filter(body__in=public_bodies())


def public_people() -> QuerySet:
    """People with a membership in a public body (their names only; never contact details)."""
    return Person.objects.filter(pk__in=public_memberships().values("person"))


def of_public_bodies(meetings: QuerySet) -> QuerySet:
    """Meetings whose every body is public: held together with an internal body is internal."""
    return meetings.filter(~_held_by(is_public=False))


def public_meeting_filter() -> Q:
    """Meetings of public bodies only, that may be shown: what the archive and the API show
    once the minutes are published."""
    return shown_meetings() & _public_meetings()


def public_meetings(meetings: QuerySet) -> QuerySet:
    """The meetings whose minutes anyone may read: approved, published, every body public.

    The archive's rule (`Publication.objects.public()`).
    """
    return meetings.filter(
        public_meeting_filter(), publication__isnull=False, minutes__approved_at__isnull=False
    )


def can_view_inventories(user: AnyUser) -> bool:
    """Inventory rounds and their answers are for signed-in users (as their pages)."""
    return user.is_authenticated


# Work between bodies: agenda items proposed to another body's meeting.


def can_propose(user: AnyUser, meeting) -> bool:
    """A meeting's editors propose items from it to other bodies' meetings."""
    return not meeting.is_cancelled and can_edit_meeting(user, meeting)


def proposal_target_filter(user: AnyUser, meeting) -> Q:
    """Meetings a proposal from `meeting` may go to: those the user may read and those of the
    parents of its bodies (a group prepares its parent's agenda), never its own bodies'."""
    bodies = list(meeting.bodies.all())
    parents = [body.parent_id for body in bodies if body.parent_id]
    return (meeting_filter(user) | Q(pk__in=_meetings_of(Q(pk__in=parents)))) & ~Q(
        pk__in=_meetings_of(Q(pk__in=[body.pk for body in bodies]))
    )


def can_answer_proposal(user: AnyUser, proposal) -> bool:
    """The receiving meeting's agenda editors accept, move or decline; the proposer never
    edits the other body's agenda."""
    return can_edit_agenda(user, proposal.to_meeting)


def can_see_proposal(user: AnyUser, proposal) -> bool:
    """A proposal stays between the two sides: those who take part in the proposing meeting and
    the receiving meeting's editors (an internal body's proposals stay internal). Once taken up,
    a public body's proposal is public with the meeting that took it up."""
    if takes_part(user, proposal.from_meeting) or can_answer_proposal(user, proposal):
        return True
    return proposal.item_id is not None and is_public_meeting(proposal.from_meeting)


# Work between bodies: one assignment given to several bodies, answered by each.


def takes_part_in_body(user: AnyUser, body: Body) -> bool:
    return is_member(user, body) or can_edit_body(user, body)


def can_give_assignments(user: AnyUser, body: Body) -> bool:
    """A body's editors give assignments in its name to other bodies."""
    return can_edit_body(user, body)


def can_view_commission(user: AnyUser, giver: Body, receivers) -> bool:
    """The giving body's side and each receiving body's side; nobody else."""
    return is_admin(user) or any(takes_part_in_body(user, b) for b in [giver, *receivers])


def sees_answer(user: AnyUser, giver: Body, receiver: Body) -> bool:
    """An internal body's answer stays with it and with the body that asked."""
    return (
        receiver.is_public
        or is_admin(user)
        or takes_part_in_body(user, giver)
        or takes_part_in_body(user, receiver)
    )


def prefixed(q: Q, prefix: str) -> Q:
    """The same rule for rows reached through a relation: `pk__in` becomes `meeting__pk__in`."""
    out = Q()
    out.connector, out.negated = q.connector, q.negated
    for child in q.children:
        if isinstance(child, Q):
            out.children.append(prefixed(child, prefix))
        else:
            out.children.append((prefix + child[0], child[1]))
    return out


def plan_link_filter(user: AnyUser) -> Q:
    """Links to a plan the user may see: decisions of minutes they read, assignments they see."""
    readable = meeting_rule(minutes_filter(user), "decision__minutes__meeting_id")
    meetings = minutes_filter(user) | taking_part_filter(user)
    seen = prefixed(visible_body_filter(user), "assignment__body__") & (
        Q(assignment__meeting=None) | meeting_rule(meetings, "assignment__meeting_id")
    )
    return (Q(decision__isnull=False) & readable) | (Q(assignment__isnull=False) & seen)
