"""Follow-up pages: plan a meeting, assignments and their återrapportering, registers, Översikt."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Max, Min
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
from samverkan.minutes.views import confirm_removal, editor_page
from samverkan.pages import act, form_page, paginate


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
    minutes = minutes_for(meeting)
    form = QuickAssignmentForm(request.POST, candidates=_invited(meeting))
    if form.is_valid():
        try:
            services.create_assignment(
                minutes=minutes, by=request.user, **_as_given(form.cleaned_data, meeting)
            )
        except ValidationError as error:
            form.add_error(None, error)
    saved = not form.errors
    if request.htmx:
        context = {
            "meeting": meeting,
            "assignments": meeting.assignments.prefetch_related("owner_people", "owner_bodies"),
            "can_write": True,
            "assignment_form": None if saved else form,
            "assignment_saved": saved,
        }
        status = 200 if saved else 400
        return render(request, "minutes/editor.html#assignments", context, status=status)
    if not saved:
        # the editor again, with what was typed and the errors beside the fields
        return editor_page(request, minutes, status=400, assignment_form=form)
    messages.success(request, _("Uppdraget är sparat."))
    return redirect(_in_editor(meeting))


def _invited(meeting: Meeting, *also: Person):
    invited = list(meeting.called())
    return invited + [p for p in also if p not in invited]


def _as_given(data: dict, meeting: Meeting) -> dict:
    """The form's answers as the services take them; "till nästa möte" means this body's."""
    body = list(meeting.bodies.all())[0]
    return {
        "body": body,
        "text": data["what"],
        "people": data["people"],
        "bodies": data["bodies"],
        "due_date": data["due"],
        "due_body": body if data["next_meeting"] and not data["due"] else None,
    }


def _in_editor(meeting: Meeting) -> str:
    return f"{reverse('minutes:editor', args=[meeting.pk])}#assignments"


def _given(request, pk) -> Assignment:
    """An assignment given in a meeting's minutes, for those who write them."""
    given = Assignment.objects.visible_to(request.user).exclude(meeting=None)
    assignment = get_object_or_404(given.select_related("meeting"), pk=pk)
    permissions.require(permissions.can_write_minutes(request.user, assignment.meeting))
    return assignment


def assignment_edit(request, pk):
    assignment = _given(request, pk)
    meeting = assignment.meeting
    initial = {
        "who": ", ".join(assignment.owners()),
        "what": assignment.text,
        "due": assignment.due_date,
        "next_meeting": assignment.due_body_id is not None,
    }
    owners = assignment.owner_people.select_related("organisation")
    form = QuickAssignmentForm(
        request.POST or None, initial=initial, candidates=_invited(meeting, *owners)
    )
    if form.is_valid():
        given = _as_given(form.cleaned_data, meeting)
        del given["body"]
        try:
            services.edit_assignment(assignment, by=request.user, **given)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Uppdraget är ändrat."))
            return redirect(_in_editor(meeting))
    context = {"form": form, "assignment": assignment, "back": _in_editor(meeting)}
    status = 400 if form.errors else 200
    return render(request, "followup/assignment_form.html", context, status=status)


def assignment_delete(request, pk):
    assignment = _given(request, pk)
    back = _in_editor(assignment.meeting)
    if request.method == "POST":
        act(
            request,
            lambda: services.remove_assignment(assignment),
            done=_("Uppdraget är borttaget."),
        )
        return redirect(back)
    return confirm_removal(
        request,
        heading=_("Vill du ta bort uppdraget?"),
        text=assignment.text,
        submit=_("Ta bort uppdraget"),
        back=back,
    )


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
    assignment.refresh_from_db(fields=["report_item"])
    # back to the row; one that went on to a later meeting has left this item
    stays = assignment.report_item_id == item.pk
    anchor = f"report-back-{assignment.pk}" if stays else f"item-{item.pk}"
    return redirect(reverse("minutes:editor", args=[item.meeting_id]) + f"#{anchor}")


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
    return form, form.apply(queryset)


def body_register(request, body_pk):
    body = get_object_or_404(Body.objects.visible_to(request.user), pk=body_pk)
    form, assignments = _filtered(request, body.assignments.shown())
    assignments = (
        assignments.select_related("due_body")
        .prefetch_related("owner_people", "owner_bodies")
        .overdue_first()
    )
    context = {
        "body": body,
        "form": form,
        "page": paginate(request, assignments),
        "today": timezone.localdate(),
        "can_give": permissions.can_give_assignments(request.user, body),
        "commissions": (
            body.commissions.prefetch_related("assignments")
            if permissions.takes_part_in_body(request.user, body)
            else []
        ),
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
            "page": paginate(request, assignments),
            "mine": True,
            "today": timezone.localdate(),
        },
    )


def decision_register(request):
    """One year of decisions at a time (`?ar=`, this year by default), newest first; the years
    run from the first held meeting to the latest."""
    held = Meeting.objects.filter(date__lte=timezone.localdate()).aggregate(
        first=Min("date"), last=Max("date")
    )
    years = list(range(held["last"].year, held["first"].year - 1, -1)) if held["last"] else []
    year = request.GET.get("ar", "")
    year = int(year) if year.isdigit() and int(year) in years else timezone.localdate().year
    decisions = (
        Decision.objects.visible_to(request.user)
        .filter(minutes__meeting__date__year=year)
        .select_related("minutes__meeting", "item")
        .prefetch_related("minutes__meeting__bodies")
        .order_by("-minutes__meeting__date", "pk")
    )
    q = request.GET.get("q", "").strip()[:100]
    if q:
        decisions = decisions.filter(text__icontains=q)
    context = {"page": paginate(request, decisions), "q": q, "years": years, "year": year}
    return render(request, "followup/decisions.html", context)


def overview(request):
    if not request.user.is_authenticated:
        return render(request, "start.html")
    person = getattr(request.user, "person", None)
    meetings = Meeting.objects.visible_to(request.user).upcoming().prefetch_related("bodies")
    assignments = Assignment.objects.none()
    if person:
        bodies = person.memberships.current().values("body")
        meetings = meetings.filter(bodies__in=bodies)
        assignments = (
            Assignment.objects.for_person(person)
            .open()
            .shown()
            .overdue_first()
            .select_related("meeting", "due_body")
            .prefetch_related("meeting__bodies")
        )
    recent = (
        Meeting.objects.minutes_readable_by(request.user)
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
