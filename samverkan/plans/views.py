"""Plan pages (goals, indicator charts, activities, values) and the inventory of agreement goals."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from samverkan.directory import permissions
from samverkan.directory.models import Body
from samverkan.pages import form_page
from samverkan.plans import services, values
from samverkan.plans.charts import line_chart
from samverkan.plans.forms import (
    ActivityForm,
    AnswerForm,
    GoalForm,
    IndicatorForm,
    MeasurementForm,
    PlanForm,
    RoundForm,
    ValuesFileForm,
    ValuesForm,
)
from samverkan.plans.models import AgreementGoal, Indicator, InventoryRound, Measurement, Plan


def _plan(request, pk, *, edit=False) -> Plan:
    plan = get_object_or_404(
        Plan.objects.filter(body__in=Body.objects.visible_to(request.user)).select_related("body"),
        pk=pk,
    )
    if edit:
        permissions.require(permissions.can_edit_body(request.user, plan.body))
    return plan


def body_plans(request, body_pk):
    body = get_object_or_404(Body.objects.visible_to(request.user), pk=body_pk)
    can_edit = permissions.can_edit_body(request.user, body)
    form = PlanForm(request.POST or None)
    if request.method == "POST":
        permissions.require(can_edit)
        if form.is_valid():
            form.instance.body = body
            plan = form.save()
            return redirect(plan)
    return render(
        request,
        "plans/body_plans.html",
        {"body": body, "plans": body.plans.all(), "form": form, "can_edit": can_edit},
    )


def plan_detail(request, pk):
    """Every value in the charts; the tables beside them one year at a time (`?ar=`, the latest
    year with values by default)."""
    plan = _plan(request, pk)
    years = plan.value_years()
    asked = request.GET.get("ar", "")
    year = int(asked) if asked.isdigit() and int(asked) in years else next(iter(years), None)
    goals = plan.goals.for_page(permissions.plan_link_filter(request.user))
    rows = []
    for goal in goals:
        indicators = []
        for i in goal.indicators.all():
            marks = [link.meeting.date for link in i.shown_links if link.meeting]
            table = [v for v in i.values.all() if v.period.year == year]
            indicators.append((i, line_chart(i, marks), table, i.shown_links))
        activities = [(a, a.shown_links) for a in goal.activities.all()]
        rows.append((goal, indicators, goal_status(goal), activities, goal.shown_links))
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan,
            "rows": rows,
            "years": years,
            "year": year,
            "can_edit": permissions.can_edit_body(request.user, plan.body),
        },
    )


def goal_status(goal) -> tuple[int, int]:
    """How many of the goal's indicators have a latest value that reaches the target."""
    indicators = list(goal.indicators.all())
    reached = sum(
        1 for i in indicators if (values := list(i.values.all())) and i.reached(values[-1].value)
    )
    return reached, len(indicators)


def goal_add(request, pk):
    plan = _plan(request, pk, edit=True)
    form = GoalForm(request.POST or None)
    if form.is_valid():
        form.instance.plan, form.instance.position = plan, plan.goals.count() + 1
        form.save()
        return redirect(plan)
    return form_page(
        request, form, heading=_("Nytt mål"), submit=_("Lägg till"), back=plan.get_absolute_url()
    )


def indicator_add(request, pk, goal_pk):
    return _add_to_goal(request, pk, goal_pk, IndicatorForm, _("Ny indikator – %(g)s"))


def activity_add(request, pk, goal_pk):
    return _add_to_goal(request, pk, goal_pk, ActivityForm, _("Ny aktivitet – %(g)s"))


def _add_to_goal(request, pk, goal_pk, form_class, heading: str):
    """A new indicator or activity under one of the plan's goals."""
    plan = _plan(request, pk, edit=True)
    goal = get_object_or_404(plan.goals, pk=goal_pk)
    form = form_class(request.POST or None)
    if form.is_valid():
        form.instance.goal = goal
        form.save()
        return redirect(plan)
    return form_page(
        request,
        form,
        heading=heading % {"g": goal.title},
        submit=_("Lägg till"),
        back=plan.get_absolute_url(),
    )


def values_enter(request, pk):
    plan = _plan(request, pk, edit=True)
    indicators = list(Indicator.objects.filter(goal__plan=plan))
    form = ValuesForm(request.POST or None, indicators=indicators)
    file_form = ValuesFileForm()
    if form.is_valid():
        rows = [
            values.Row(n, i.name, form.cleaned_data["period"], form.cleaned_data[f"i{i.pk}"])
            for n, i in enumerate(indicators, start=1)
            if form.cleaned_data[f"i{i.pk}"]
        ]
        return _save(request, plan, rows, form, file_form)
    return render(
        request, "plans/values.html", {"plan": plan, "form": form, "file_form": file_form}
    )


def values_import(request, pk):
    plan = _plan(request, pk, edit=True)
    file_form = ValuesFileForm(request.POST or None, request.FILES or None)
    form = ValuesForm(indicators=Indicator.objects.filter(goal__plan=plan))
    if request.method == "POST" and "confirm" in request.POST:
        try:
            rows = values.rows_from_token(request.POST["confirm"])
        except values.ValuesError as error:
            context = {"plan": plan, "form": form, "file_form": ValuesFileForm()}
            return render(request, "plans/values.html", {**context, "problems": error.problems})
        return _save(request, plan, rows, form, ValuesFileForm(), replace=True)
    if file_form.is_valid():
        upload = file_form.cleaned_data["file"]
        try:
            rows = values.rows_from_file(upload.name, upload.read())
        except values.ValuesError as error:
            return render(
                request,
                "plans/values.html",
                {"plan": plan, "form": form, "file_form": file_form, "problems": error.problems},
            )
        return _save(request, plan, rows, form, file_form)
    return render(
        request, "plans/values.html", {"plan": plan, "form": form, "file_form": file_form}
    )


def _save(request, plan, rows, form, file_form, *, replace=False):
    try:
        saved = values.save_values(plan, rows, replace=replace)
    except values.ValuesError as error:
        return render(
            request,
            "plans/values.html",
            {"plan": plan, "form": form, "file_form": file_form, "problems": error.problems},
        )
    except values.ReplaceNeeded as question:
        context = {"plan": plan, "replacements": question.replacements, "token": question.token}
        return render(request, "plans/values_confirm.html", context)
    messages.success(request, _("%(n)d värden är sparade.") % {"n": saved})
    return redirect(plan)


def value_edit(request, pk, value_pk):
    """Correct one measured value."""
    plan = _plan(request, pk, edit=True)
    measurement = get_object_or_404(
        Measurement.objects.filter(indicator__goal__plan=plan), pk=value_pk
    )
    form = MeasurementForm(request.POST or None, instance=measurement)
    if form.is_valid():
        form.save()
        messages.success(request, _("Värdet är rättat."))
        return redirect(plan)
    heading = _("Rätta %(i)s, %(p)s") % {
        "i": measurement.indicator.name,
        "p": measurement.period.strftime("%Y-%m"),
    }
    return form_page(
        request, form, heading=heading, submit=_("Spara"), back=plan.get_absolute_url()
    )


@login_required
def rounds(request):
    can_open = permissions.is_admin(request.user) or any(
        b.level == Body.Level.CENTRAL
        for b in Body.objects.filter(pk__in=permissions.edited_body_ids(request.user))
    )
    form = RoundForm(
        request.POST or None,
        goals=AgreementGoal.objects.all(),
        bodies=Body.objects.filter(level=Body.Level.SUBREGIONAL),
    )
    if request.method == "POST":
        permissions.require(can_open)
        if form.is_valid():
            round_ = services.open_round(**form.cleaned_data)
            messages.success(request, _("Inventeringen är öppnad."))
            return redirect(round_)
    return render(
        request,
        "plans/rounds.html",
        {
            "rounds": InventoryRound.objects.all(),
            "form": form,
            "can_open": can_open,
        },
    )


@login_required
def round_overview(request, pk):
    round_ = get_object_or_404(InventoryRound, pk=pk)
    bodies, goals, cells = services.overview(round_)
    table = [
        (
            body,
            [cells[(body.pk, g.pk)] for g in goals],
            permissions.can_edit_body(request.user, body),
        )
        for body in bodies
    ]
    return render(request, "plans/round.html", {"round": round_, "goals": goals, "table": table})


@login_required
def round_answer(request, pk, body_pk):
    round_ = get_object_or_404(InventoryRound, pk=pk)
    body = get_object_or_404(round_.bodies, pk=body_pk)
    permissions.require(permissions.can_edit_body(request.user, body))
    existing = {a.goal_id: a for a in round_.answers.filter(body=body)}
    form = AnswerForm(request.POST or None, goals=list(round_.goals.all()), existing=existing)
    if form.is_valid():
        with transaction.atomic():
            services.answer(round_, body, form.answers())
        messages.success(request, _("Svaren är sparade."))
        return redirect(round_)
    return form_page(
        request,
        form,
        heading=_("%(r)s – %(b)s") % {"r": round_.title, "b": body.name},
        submit=_("Spara svar"),
        back=round_.get_absolute_url(),
    )


@login_required
def round_pdf(request, pk):
    round_ = get_object_or_404(InventoryRound, pk=pk)
    response = HttpResponse(services.export_pdf(round_), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="inventering-{round_.pk}.pdf"'
    return response


@login_required
def round_export(request, pk):
    round_ = get_object_or_404(InventoryRound, pk=pk)
    response = HttpResponse(
        services.export_xlsx(round_),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="inventering-{round_.pk}.xlsx"'
    return response
