"""Follow-up pages: plan a meeting, assignments and their återrapportering, registers, Översikt."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.directory import permissions
from samverkan.directory.models import Body, Person
from samverkan.followup import services
from samverkan.followup.forms import QuickAssignmentForm, RegisterFilter, ReportBackForm, StatusForm
from samverkan.followup.models import Assignment
from samverkan.meetings import services as meeting_services
from samverkan.meetings.forms import MeetingForm
from samverkan.meetings.models import Meeting
from samverkan.minutes.models import Decision
from samverkan.minutes.services import minutes_for
from samverkan.pages import act, form_page


def plan_meeting(request, body_pk):
    body = get_object_or_404(Body.objects.visible_to(request.user), pk=body_pk)
    permissions.require(permissions.can_edit_body(request.user, body))
    form = MeetingForm(request.POST or None, body=body)
    if form.is_valid():
        fields = {k: v for k, v in form.cleaned_data.items() if k != "also"}
        try:
            meeting = meeting_services.plan_meeting(
                bodies=[body, *form.cleaned_data["also"]], **fields
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Mötet är planerat."))
            return redirect(meeting)
    return form_page(
        request,
        form,
        heading=_("Planera möte – %(body)s") % {"body": body.name},
        submit=_("Planera mötet"),
        back=body.get_absolute_url(),
    )


@require_POST
def assignment_add(request, meeting_pk):
    meeting = get_object_or_404(Meeting.objects.visible_to(request.user), pk=meeting_pk)
    permissions.require(permissions.can_write_minutes(request.user, meeting))
    form = QuickAssignmentForm(request.POST)
    minutes = minutes_for(meeting)
    if form.is_valid():
        data = form.cleaned_data
        bodies = list(meeting.bodies.all())
        try:
            people, owner_bodies = _owners(data["who"], meeting)
            services.create_assignment(
                minutes=minutes,
                body=bodies[0],
                text=data["what"],
                people=people,
                bodies=owner_bodies,
                due_date=data["due"],
                due_body=bodies[0] if data["next_meeting"] and not data["due"] else None,
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Uppdraget är sparat."))
    else:
        messages.error(request, _("Fyll i vem och vad."))
    return redirect(f"{minutes.get_absolute_url()}#assignments-h")


def _owners(who: str, meeting: Meeting) -> tuple[list[Person], list[Body]]:
    """Body short names become owning bodies; the rest are matched among the invited."""
    names = [n.strip() for n in who.replace(" och ", ",").split(",") if n.strip()]
    bodies = list(Body.objects.filter(short_name__in=names))
    people_names = ", ".join(n for n in names if n not in {b.short_name for b in bodies})
    invited = Person.objects.filter(attendance__meeting=meeting)
    people = services.people_named(people_names, list(invited)) if people_names else []
    return people, bodies


@require_POST
def report_back(request, pk):
    assignment = get_object_or_404(Assignment.objects.visible_to(request.user), pk=pk)
    permissions.require(permissions.can_edit_body(request.user, assignment.body))
    item = assignment.report_item  # where it was reported, before a "fortsätter" moves it on
    form = ReportBackForm(request.POST)
    if form.is_valid():
        act(
            request,
            lambda: services.record_report_back(assignment, by=request.user, **form.cleaned_data),
            done=_("Uppdraget är uppdaterat."),
        )
    else:
        messages.error(request, " ".join(m for e in form.errors.values() for m in e))
    if item is None:
        return redirect(assignment)
    return redirect(reverse("minutes:editor", args=[item.meeting_id]) + f"#item-{item.pk}")


def assignment_detail(request, pk):
    assignment = get_object_or_404(Assignment.objects.visible_to(request.user), pk=pk)
    can_update = permissions.can_update_assignment(request.user, assignment)
    form = StatusForm(request.POST or None, initial={"status": assignment.status})
    if request.method == "POST":
        permissions.require(can_update)
        if form.is_valid():
            services.change_status(assignment, by=request.user, **form.cleaned_data)
            messages.success(request, _("Uppdraget är uppdaterat."))
            return redirect(assignment)
    return render(
        request,
        "followup/assignment_detail.html",
        {
            "assignment": assignment,
            "form": form,
            "can_update": can_update,
            "updates": assignment.updates.select_related("by"),
        },
    )


def _filtered(request, queryset):
    form = RegisterFilter(request.GET or None)
    if form.is_valid():
        data = form.cleaned_data
        if data["status"] == "open":
            queryset = queryset.open()
        elif data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["owner"]:
            queryset = queryset.filter(owner_people__name__icontains=data["owner"]).distinct()
        if data["due_before"]:
            queryset = queryset.filter(due_date__lte=data["due_before"])
    return form, queryset


def body_register(request, body_pk):
    body = get_object_or_404(Body.objects.visible_to(request.user), pk=body_pk)
    form, assignments = _filtered(request, body.assignments.all())
    assignments = (
        assignments.select_related("due_body")
        .prefetch_related("owner_people", "owner_bodies")
        .overdue_first()
    )
    context = {
        "body": body,
        "form": form,
        "assignments": assignments,
        "today": timezone.localdate(),
    }
    template = "followup/register.html#rows" if request.htmx else "followup/register.html"
    return render(request, template, context)


@login_required
def my_assignments(request):
    person = getattr(request.user, "person", None)
    assignments = Assignment.objects.none()
    if person:
        assignments = Assignment.objects.for_person(person).visible_to(request.user)
    form, assignments = _filtered(request, assignments)
    assignments = (
        assignments.select_related("due_body")
        .prefetch_related("owner_people", "owner_bodies")
        .overdue_first()
    )
    return render(
        request,
        "followup/register.html",
        {
            "form": form,
            "assignments": assignments,
            "mine": True,
            "today": timezone.localdate(),
        },
    )


def decision_register(request):
    decisions = (
        Decision.objects.visible_to(request.user)
        .filter(minutes__approved_at__isnull=False)
        .select_related("minutes__meeting", "item")
        .prefetch_related("minutes__meeting__bodies")
        .order_by("-minutes__meeting__date", "pk")
    )
    q = request.GET.get("q", "").strip()[:100]
    if q:
        decisions = decisions.filter(text__icontains=q)
    return render(request, "followup/decisions.html", {"decisions": decisions[:200], "q": q})


def overview(request):
    if not request.user.is_authenticated:
        return redirect("directory:body_list")
    person = getattr(request.user, "person", None)
    meetings = Meeting.objects.visible_to(request.user).upcoming().prefetch_related("bodies")
    assignments = Assignment.objects.none()
    if person:
        bodies = person.memberships.current().values("body")
        meetings = meetings.filter(bodies__in=bodies)
        assignments = (
            Assignment.objects.for_person(person)
            .open()
            .overdue_first()
            .select_related("meeting", "due_body")
            .prefetch_related("meeting__bodies")
        )
    recent = (
        Meeting.objects.visible_to(request.user)
        .filter(minutes__approved_at__isnull=False)
        .prefetch_related("bodies")
        .order_by("-date")
    )
    if person:
        recent = recent.filter(bodies__in=person.memberships.current().values("body"))
    return render(
        request,
        "followup/overview.html",
        {
            "meetings": meetings.distinct()[:10],
            "assignments": assignments[:20],
            "recent": recent.distinct()[:10],
            "person": person,
            "today": timezone.localdate(),
        },
    )
