"""The accessibility statement (tillgänglighetsredogörelse) that the DOS law asks for."""

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_safe


@require_safe
def statement(request):
    context = {
        "organisation": settings.COLLABORATION_NAME,
        "contact": settings.ACCESSIBILITY_EMAIL,
    }
    return render(request, "accessibility.html", context)
