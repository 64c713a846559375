"""Request-wide behaviour: the language, private caching, sign-in when refused, and the
missing page's look."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_cache_control


def language_middleware(get_response):
    """Swedish unless the visitor chose another language with the switch (not the browser's wish)."""

    available = {code for code, _ in settings.LANGUAGES}

    def middleware(request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response

    return middleware


def private_cache_middleware(get_response):
    """A signed-in page is for one person: no shared cache (proxy, CDN) may keep it."""

    def middleware(request):
        response = get_response(request)
        if request.user.is_authenticated:
            patch_cache_control(response, private=True)
        return response

    return middleware


class SignInFirstMiddleware:
    """A signed-out visitor refused a page (a link from a mail, say) is asked to sign in.

    Only for reading: a refused form sent while signed out stays a 403 and changes nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if (
            isinstance(exception, PermissionDenied)
            and request.method in ("GET", "HEAD")
            and not request.user.is_authenticated
        ):
            return redirect_to_login(request.get_full_path())
        return None


def missing_page_middleware(get_response):
    """With DEBUG=1 a missing page is still the Swedish 404 page; only server errors show the
    debug page. Without DEBUG Django renders 404.html itself."""

    def middleware(request):
        response = get_response(request)
        if settings.DEBUG and response.status_code == 404 and _is_html(response):
            return render(request, "404.html", status=404)
        return response

    return middleware


def _is_html(response) -> bool:
    return response.get("Content-Type", "").startswith("text/html")
