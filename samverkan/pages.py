"""Shared page shapes used by several apps' views."""

from django.shortcuts import render


def form_page(request, form, *, heading: str, submit: str, back: str, intro: str = ""):
    """One form on a page of its own, with a heading, a submit button and a way back."""
    context = {"form": form, "heading": heading, "submit": submit, "back": back, "intro": intro}
    return render(request, "form_page.html", context)
