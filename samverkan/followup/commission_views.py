"""Pages for an assignment given to several bodies and its answers side by side."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from samverkan.directory import permissions
from samverkan.directory.models import Body
from samverkan.followup import commissions
from samverkan.followup.forms import CommissionForm
from samverkan.followup.models import Commission
from samverkan.pages import form_page


def commission_add(request, body_pk):
    giver = get_object_or_404(Body.objects.visible_to(request.user), pk=body_pk)
    permissions.require(permissions.can_give_assignments(request.user, giver))
    bodies = Body.objects.visible_to(request.user).exclude(pk=giver.pk).order_by("name")
    form = CommissionForm(request.POST or None, bodies=bodies)
    if form.is_valid():
        try:
            commission = commissions.give(giver=giver, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Uppdraget är givet."))
            return redirect(commission)
    return form_page(
        request,
        form,
        heading=_("Ge uppdrag till andra organ – %(b)s") % {"b": giver.short_name},
        submit=_("Ge uppdraget"),
        back=giver.get_absolute_url(),
        intro=_(
            "Varje organ får uppdraget i sitt register och på dagordningen för sitt nästa möte "
            "(eller det första mötet efter datumet) och återrapporterar för sig."
        ),
    )


def commission_detail(request, pk):
    commission = get_object_or_404(Commission.objects.select_related("giver"), pk=pk)
    receivers = commissions.receivers(commission)
    if not permissions.can_view_commission(request.user, commission.giver, receivers):
        raise Http404
    answers = commissions.answers(commission, request.user)
    context = {
        "commission": commission,
        "answers": answers,
        "answered": sum(a.is_answered for a in answers),
        "outstanding": sum(not a.is_answered for a in answers),
    }
    return render(request, "followup/commission.html", context)
