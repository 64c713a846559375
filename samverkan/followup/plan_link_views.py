"""The page that links a decision or an assignment to a plan's goal, indicator or activity."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from samverkan.directory import permissions
from samverkan.directory.models import Body
from samverkan.followup import plan_links
from samverkan.followup.forms import PlanLinkForm
from samverkan.pages import form_page
from samverkan.plans.models import Plan


def plan_link_add(request, plan_pk):
    plans = Plan.objects.filter(body__in=Body.objects.visible_to(request.user))
    plan = get_object_or_404(plans.select_related("body"), pk=plan_pk)
    permissions.require(permissions.can_edit_body(request.user, plan.body))
    form = PlanLinkForm(
        request.POST or None,
        targets=plan_links.targets(plan),
        decisions=plan_links.decisions_for(plan, request.user),
        assignments=plan_links.assignments_for(plan, request.user),
        initial={"target": request.GET.get("till", "")},
    )
    if form.is_valid():
        try:
            plan_links.link(plan, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Kopplingen är sparad."))
            return redirect(plan)
    return form_page(
        request,
        form,
        heading=_("Koppla beslut eller uppdrag till %(p)s") % {"p": plan.title},
        submit=_("Koppla"),
        back=plan.get_absolute_url(),
    )
