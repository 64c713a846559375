"""Ersättare called in when a member cannot come: same organisation and body, their own first."""

from django.db.models import Case, IntegerField, Q, Value, When

from samverkan.directory.models import Membership, Person
from samverkan.meetings.events import substitute_called
from samverkan.meetings.models import Attendance, Meeting, SubstituteCall

DECLINED = (Attendance.Status.ABSENT, Attendance.Status.SUBSTITUTE)


def own_substitutes(meeting: Meeting, member: Person):
    """The member's ersättare (memberships), in order: those whose membership names the
    member, then the others from the same organisation in that body (first those who replace
    no one in particular)."""
    seats = Membership.objects.current(on=meeting.date).filter(body__in=meeting.bodies.all())
    own = seats.filter(person=member, seat=Membership.Seat.REGULAR).first()
    if own is None:  # only an ordinarie's place is filled by an ersättare
        return Membership.objects.none()
    named = Q(substitute_for=member)
    return (
        seats.filter(named | Q(organisation=own.organisation))
        .filter(body=own.body, seat=Membership.Seat.SUBSTITUTE)
        .exclude(person=member)
        .filter(person__in=Person.objects.reachable(on=meeting.date))
        .annotate(
            rank=Case(
                When(named, then=Value(0)),
                When(substitute_for__isnull=True, then=Value(1)),
                default=Value(2),  # the organisation's ersättare named for someone else
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "start", "pk")
        .select_related("person")
    )


def candidates(meeting: Meeting, member: Person) -> list[Person]:
    """Whom to call for the member, in order; never someone already called to this meeting
    or who said they cannot come."""
    rows = (
        own_substitutes(meeting, member)
        .exclude(person__in=meeting.substitute_calls.values("substitute"))
        .exclude(person__in=meeting.attendance.filter(status__in=DECLINED).values("person"))
    )
    return list(dict.fromkeys(m.person for m in rows))


def call_in(meeting: Meeting, member: Person) -> SubstituteCall | None:
    """Call the first candidate; None when there is no one left to ask."""
    found = candidates(meeting, member)
    if not found:
        return None
    call = SubstituteCall.objects.create(meeting=meeting, member=member, substitute=found[0])
    Attendance.objects.get_or_create(meeting=meeting, person=found[0])
    substitute_called.send(sender=SubstituteCall, call=call)
    return call


def after_answer(meeting: Meeting, person: Person, status: str) -> None:
    """A member who cannot come gets an ersättare; an ersättare who cannot makes way for the
    next; a member who comes after all (or sends someone) no longer needs the one called."""
    calls = meeting.substitute_calls.filter(withdrawn=False)
    if status != Attendance.Status.ABSENT:
        calls.filter(member=person).update(withdrawn=True)
        return
    mine = calls.filter(substitute=person).first()
    if mine is not None:
        latest = calls.filter(member=mine.member).last()
        if latest == mine:  # only the one asked last passes it on
            call_in(meeting, mine.member)
    elif not calls.filter(member=person).exists():
        call_in(meeting, person)


def substitute_choices(meeting: Meeting, member: Person, people=None):
    """ "Vem går i stället?": the member's own ersättare first, never the member."""
    own = own_substitutes(meeting, member).values("person")
    people = Person.objects.all() if people is None else people
    return (
        people.exclude(pk=member.pk)
        .annotate(own=Case(When(pk__in=own, then=Value(0)), default=Value(1)))
        .order_by("own", "name")
        .distinct()
    )
