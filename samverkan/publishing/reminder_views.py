"""Each person's own choice of reminders: the weekly digest, or none."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from samverkan.pages import form_page
from samverkan.publishing.forms import ReminderChoiceForm
from samverkan.publishing.models import ReminderChoice


@login_required
def reminders(request):
    person = getattr(request.user, "person", None)
    if person is None:
        raise Http404
    choice = ReminderChoice.objects.filter(person=person).first() or ReminderChoice(person=person)
    form = ReminderChoiceForm(request.POST or None, instance=choice)
    if form.is_valid():
        form.save()
        messages.success(request, _("Ditt val av påminnelser är sparat."))
        return redirect("publishing:reminders")
    return form_page(
        request,
        form,
        heading=_("Påminnelser"),
        submit=_("Spara"),
        back=person.get_absolute_url(),
        intro=_(
            "Veckobrevet kommer en gång i veckan när du har uppdrag som är försenade eller "
            "förfaller inom en vecka."
        ),
    )
