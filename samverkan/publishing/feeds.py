"""Calendar feeds: a public body's meetings, and each person's private feed of their bodies."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.directory.models import Body
from samverkan.meetings.models import Meeting
from samverkan.publishing.calendar import calendar_for
from samverkan.publishing.models import CalendarFeed

CALENDAR = "text/calendar; charset=utf-8"
SINCE_DAYS = 400


def _recent(queryset):
    since = timezone.localdate() - timezone.timedelta(days=SINCE_DAYS)
    return queryset.filter(date__gte=since).prefetch_related("bodies", "items").distinct()


def body_feed(request, pk):
    body = get_object_or_404(Body, pk=pk, is_public=True)
    # a joint meeting with an internal body is not in the public feed
    meetings = body.meetings.all() & Meeting.objects.visible_to(AnonymousUser())
    ical = calendar_for(_recent(meetings), body.name)
    return HttpResponse(ical, content_type=CALENDAR)


def person_feed(request, token):
    feed = CalendarFeed.objects.select_related("person").filter(token=token).first()
    if feed is None or not feed.person.is_reachable():
        raise Http404
    bodies = feed.person.memberships.current().values("body")
    ical = calendar_for(
        _recent(Meeting.objects.shown().filter(bodies__in=bodies)), _("Mina möten i Samverkan")
    )
    return HttpResponse(ical, content_type=CALENDAR)


@login_required
def my_calendar(request):
    person = getattr(request.user, "person", None)
    if person is None:
        raise Http404
    feed, _created = CalendarFeed.objects.get_or_create(person=person)
    if request.method == "POST":
        feed.regenerate()
        messages.success(request, _("Du har fått en ny adress. Den gamla fungerar inte längre."))
        return redirect("publishing:my_calendar")
    url = request.build_absolute_uri(f"/kalender/{feed.token}.ics")
    return render(request, "publishing/my_calendar.html", {"url": url})
