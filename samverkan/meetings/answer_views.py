"""The page an answer link in the kallelse opens: no login, one person, one meeting."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samverkan.directory import permissions
from samverkan.directory.models import Person
from samverkan.meetings import answer_links, services, substitutes
from samverkan.meetings.forms import AnswerForm
from samverkan.meetings.models import Meeting


def answer_link(request, pk, token, choice):
    meeting = Meeting.objects.filter(pk=pk).prefetch_related("bodies").first()
    try:
        if meeting is None:
            raise answer_links.Refused(_(answer_links.NOT_VALID))
        person = answer_links.person_for(meeting, token)
    except answer_links.Refused as refused:
        return _refused(request, str(refused), status=404)
    if not permissions.can_answer_by_link(person, meeting):
        return _refused(request, _closed(meeting), status=410)
    people = Person.objects.filter(attendance__meeting=meeting)
    form = AnswerForm(
        request.POST or None,
        initial={"status": answer_links.CHOICES[choice]},
        people=substitutes.substitute_choices(meeting, person, people),
    )
    if form.is_valid():
        try:
            services.set_attendance(meeting, person, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Tack, ditt svar är sparat."))
            return redirect(request.path)
    context = {
        "meeting": meeting,
        "person": person,
        "form": form,
        "answer": meeting.attendance.filter(person=person).select_related("substitute").first(),
    }
    return render(request, "meetings/answer_link.html", context)


def _closed(meeting: Meeting) -> str:
    if meeting.is_cancelled:
        return _("Mötet är inställt, så det finns inget att svara på.")
    if meeting.is_held:
        return _("Mötet har redan hållits, så svaret kan inte ändras längre.")
    return _("Länken gäller inte längre. Logga in i Samverkan för att svara.")


def _refused(request, message: str, *, status: int):
    return render(request, "meetings/answer_refused.html", {"message": message}, status=status)
