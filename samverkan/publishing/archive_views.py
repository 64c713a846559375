"""The public archive of published minutes, its Atom feed, and search."""

from django.contrib.syndication.views import Feed
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import ExtractYear
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from samverkan.directory.models import Body
from samverkan.publishing import search
from samverkan.publishing.documents import gather, minutes_pdf
from samverkan.publishing.forms import SearchForm
from samverkan.publishing.models import Publication

PAGE_SIZE = 20


def _published():
    return Publication.objects.public().select_related("meeting")


def archive(request):
    """The bodies with published minutes, each a link to its years, and the latest minutes."""
    published = _published().filter(meeting__bodies=OuterRef("pk"))
    context = {
        "bodies": Body.objects.filter(is_public=True).filter(Exists(published)),
        "latest": _published().prefetch_related("meeting__bodies")[:10],
        "form": SearchForm(user=request.user),
    }
    return render(request, "publishing/archive.html", context)


def archive_body(request, pk):
    """One year of a body's published minutes at a time (`?ar=`, the latest by default)."""
    body = get_object_or_404(Body, pk=pk, is_public=True)
    published = _published().filter(meeting__bodies=body)
    years = sorted(
        set(published.annotate(year=ExtractYear("meeting__date")).values_list("year", flat=True)),
        reverse=True,
    )
    year = request.GET.get("ar", "")
    year = int(year) if year.isdigit() and int(year) in years else (years[0] if years else None)
    publications = (
        published.filter(meeting__date__year=year)
        .order_by("-meeting__date")
        .prefetch_related("meeting__bodies")
    )
    context = {"body": body, "years": years, "year": year, "publications": publications}
    return render(request, "publishing/archive_body.html", context)


def _publication(pk, number=None) -> tuple[Publication, int]:
    """The public version, or an earlier approved one of the same published minutes."""
    publication = _published().filter(meeting__pk=pk).first()
    if publication is None or (number is not None and not 1 <= number <= publication.version):
        raise Http404
    if number is not None and not publication.meeting.minutes.versions.filter(number=number):
        raise Http404
    return publication, number or publication.version


def archive_minutes(request, pk, number=None):
    publication, shown = _publication(pk, number)
    meeting = publication.meeting
    context = {
        "meeting": meeting,
        "publication": publication,
        "shown": shown,
        "approved": meeting.minutes.versions.filter(number=shown).first(),
        "c": gather(meeting, shown),
        "cases": meeting.items.filter(Q(proposal__isnull=False) | Q(decisions__isnull=False))
        .order_by("position")
        .distinct(),
    }
    return render(request, "publishing/archive_minutes.html", context)


def archive_pdf(request, pk, number=None):
    publication, shown = _publication(pk, number)
    meeting = publication.meeting
    response = HttpResponse(minutes_pdf(meeting, shown), content_type="application/pdf")
    suffix = f"-version-{shown}" if number else ""
    name = f"minnesanteckningar-{meeting.date:%Y-%m-%d}{suffix}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


class PublishedMinutesFeed(Feed):
    """Newly published minutes of public bodies, newest first."""

    feed_type = Atom1Feed
    title = "Samverkan – publicerade minnesanteckningar"
    subtitle = "Justerade minnesanteckningar från organen i vårdsamverkan."

    def link(self):
        return reverse("publishing:archive")

    def items(self):
        return _published().prefetch_related("meeting__bodies", "meeting__minutes__decisions")[:50]

    def item_title(self, item):
        return f"Minnesanteckningar {item.meeting.title} {item.meeting.date:%Y-%m-%d}"

    def item_description(self, item):
        c = gather(item.meeting, item.version)
        decisions = [d for _number, _title, _notes, texts in c.items for d in texts]
        return "Beslut: " + " ".join(decisions) if decisions else ""

    def item_link(self, item):
        return reverse("publishing:archive_minutes", args=[item.meeting.pk])

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at


def search_page(request):
    form = SearchForm(request.GET or None, user=request.user)
    results, page = None, 1
    if form.is_valid() and form.cleaned_data["q"]:
        documents = search.searchable_by(request.user)
        if form.cleaned_data.get("body"):
            documents = documents.filter(meeting__bodies=form.cleaned_data["body"])
        if form.cleaned_data.get("year"):
            documents = documents.filter(date__year=form.cleaned_data["year"])
        page = form.cleaned_data.get("sida") or 1
        results = search.search(
            documents, form.cleaned_data["q"], limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE
        )
    context = {
        "form": form,
        "results": results,
        "page": page,
        "first": (page - 1) * PAGE_SIZE + 1,
        "more": results is not None and results.total > page * PAGE_SIZE,
        "empty": form.is_bound and form.is_valid() and not form.cleaned_data["q"],
        "heading": _("Sök i minnesanteckningar"),
    }
    return render(request, "publishing/search.html", context)
