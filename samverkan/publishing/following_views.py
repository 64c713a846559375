"""Bevaka: ask to follow a public body, confirm from the mail, end it with one click."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from samverkan.directory import permissions
from samverkan.pages import form_page
from samverkan.publishing import following
from samverkan.publishing.forms import FollowForm
from samverkan.publishing.models import Follower


def follow(request, pk):
    body = get_object_or_404(permissions.public_bodies(), pk=pk)
    form = FollowForm(request.POST or None)
    if form.is_valid():
        following.ask_to_follow(body, form.cleaned_data["email"])
        messages.success(
            request,
            _("Vi har skickat ett e-brev till %(email)s. Bekräfta med länken i det.")
            % {"email": form.cleaned_data["email"]},
        )
        return redirect("publishing:archive_body", pk=body.pk)
    return form_page(
        request,
        form,
        heading=_("Bevaka %(body)s") % {"body": body.name},
        submit=_("Bevaka"),
        back=body.get_absolute_url(),
        intro=_("Få ett e-brev när organet publicerar nya minnesanteckningar."),
    )


def follow_confirm(request, token):
    follower = get_object_or_404(Follower.objects.select_related("body"), token=token)
    if request.method == "POST":
        following.confirm(follower)
    return render(request, "publishing/following.html", {"follower": follower, "step": "confirm"})


@csrf_exempt  # the one-click unsubscribe of mail programs posts without a form (RFC 8058)
def unfollow(request, token):
    follower = Follower.objects.select_related("body").filter(token=token).first()
    if follower is None:
        return render(request, "publishing/following.html", {"step": "gone"}, status=404)
    if request.method == "POST":
        follower.delete()
        return render(request, "publishing/following.html", {"follower": follower, "step": "ended"})
    return render(request, "publishing/following.html", {"follower": follower, "step": "end"})
