"""Pages: one's own API tokens, the open data page, and the register downloads."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samverkan.api import exports
from samverkan.api.forms import TokenForm
from samverkan.api.models import ApiToken
from samverkan.directory import permissions
from samverkan.directory.models import Body
from samverkan.followup.forms import RegisterFilter
from samverkan.minutes.models import Decision


@login_required
def tokens(request):
    form = TokenForm(request.POST or None)
    shown = None
    if request.method == "POST" and form.is_valid():
        token, shown = ApiToken.issue(request.user, form.cleaned_data["name"])
        messages.success(
            request, _("API-nyckeln är skapad. Kopiera den nu: den visas bara en gång.")
        )
        form = TokenForm()
    return render(
        request,
        "api/tokens.html",
        {"form": form, "shown": shown, "tokens": request.user.api_tokens.all()},
    )


@login_required
@require_POST
def revoke(request, pk):
    token = get_object_or_404(request.user.api_tokens.all(), pk=pk)
    token.revoke()
    messages.success(request, _("API-nyckeln ”%(name)s” är återkallad.") % {"name": token.name})
    return redirect("api_pages:tokens")


def open_data(request):
    return render(
        request,
        "api/open_data.html",
        {
            "bodies": permissions.public_bodies().order_by("name"),
            "license": settings.OPEN_DATA_LICENSE,
            "license_name": settings.OPEN_DATA_LICENSE_NAME,
            "site": settings.SITE_URL.rstrip("/"),
        },
    )


def _download(fmt: str, name: str, header, rows) -> HttpResponse:
    response = HttpResponse(
        exports.render(fmt, header, rows), content_type=exports.CONTENT_TYPES[fmt]
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def decisions(request, fmt):
    """The decision register (its page's search `q`) for what the visitor may read."""
    rows = (
        Decision.objects.visible_to(request.user)
        .filter(minutes__approved_at__isnull=False)
        .select_related("minutes__meeting", "item")
        .prefetch_related("minutes__meeting__bodies")
        .order_by("-minutes__meeting__date", "pk")
    )
    q = request.GET.get("q", "").strip()[:100]
    if q:
        rows = rows.filter(text__icontains=q)
    return _download(fmt, "beslut", *exports.decision_rows(rows))


def assignments(request, body_pk, fmt):
    """A body's assignment register with its page's filters (status, ansvarig, förfaller)."""
    body = get_object_or_404(Body.objects.visible_to(request.user), pk=body_pk)
    rows = RegisterFilter(request.GET or None).apply(body.assignments.shown())
    rows = rows.select_related("body", "due_body").prefetch_related("owner_people", "owner_bodies")
    name = f"uppdrag-{body.short_name}".replace(" ", "-")
    return _download(fmt, name, *exports.assignment_rows(rows.overdue_first()))
