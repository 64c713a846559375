"""Shared page shapes used by several apps' views."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import render


def form_page(request, form, *, heading: str, submit: str, back: str, intro: str = ""):
    """One form on a page of its own, with a heading, a submit button and a way back."""
    context = {"form": form, "heading": heading, "submit": submit, "back": back, "intro": intro}
    return render(request, "form_page.html", context)


def act(request, action: Callable[[], object], *, done: str) -> bool:
    """Run a service call from a button: its refusal or `done` becomes the page's message."""
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    messages.success(request, done)
    return True


PER_PAGE = 50


def paginate(request, items, per_page: int = PER_PAGE):
    """One page of a list that grows with time (`?sida=N`; a page past the end is the last).

    Templates show the links with `{% include "pagination.html" %}`."""
    return Paginator(items, per_page).get_page(request.GET.get("sida"))
