"""Who may do what, derived from memberships: the one place these rules live.

- Administrators (staff or superusers) may do everything.
- A body's current ordförande and sekreterare edit the body, its members and its sub-bodies.
- A body's current members read its internal pages; public bodies are read by everyone.
- People's pages and contact details are for signed-in users only.
- The public API (OParl) shows what an anonymous visitor may read: public bodies, their
  members' names and organisations, and published approved minutes of meetings whose every
  body is public; never contact details, attendance answers or drafts.
"""

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

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


def is_member(user: AnyUser, body: Body) -> bool:
    return _current(user).filter(body=body).exists()


def edited_body_ids(user: AnyUser) -> set[int]:
    """Bodies the user chairs or is secretary of, with all their sub-bodies."""
    if not user.is_authenticated:
        return set()
    frontier = set(
        _current(user).filter(role__in=Membership.EDITOR_ROLES).values_list("body_id", flat=True)
    )
    found: set[int] = set()
    while frontier:
        found |= frontier
        frontier = set(Body.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        frontier -= found
    return found


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


def visible_body_filter(user: AnyUser) -> Q:
    """The bodies a user may read, as a filter: public ones, their own, the ones they edit."""
    if is_admin(user):
        return Q()
    if not user.is_authenticated:
        return Q(is_public=True)
    own = _current(user).values("body")
    return Q(is_public=True) | Q(pk__in=own) | Q(pk__in=edited_body_ids(user))


# Meetings, minutes and assignments: the rules follow from the bodies they belong to.


def can_view_meeting(user: AnyUser, meeting) -> bool:
    return any(can_view_body(user, body) for body in meeting.bodies.all())


def can_edit_meeting(user: AnyUser, meeting) -> bool:
    return any(can_edit_body(user, body) for body in meeting.bodies.all())


def is_secretary_of(user: AnyUser, meeting) -> bool:
    if is_admin(user):
        return True
    secretaries = _current(user).filter(role=Membership.Role.SECRETARY)
    return secretaries.filter(body__in=meeting.bodies.all()).exists()


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


def can_update_assignment(user: AnyUser, assignment) -> bool:
    if can_edit_body(user, assignment.body):
        return True
    return user.is_authenticated and assignment.owner_people.filter(user=user).exists()


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
    return meetings.exclude(bodies__in=Body.objects.exclude(pk__in=public_bodies()))


def public_meetings(meetings: QuerySet) -> QuerySet:
    """The meetings whose minutes anyone may read: approved, published, every body public.

    The archive's rule (`Publication.objects.public()`).
    """
    return of_public_bodies(meetings).filter(
        publication__isnull=False, minutes__approved_at__isnull=False
    )


def can_view_inventories(user: AnyUser) -> bool:
    """Inventory rounds and their answers are for signed-in users (as their pages)."""
    return user.is_authenticated
