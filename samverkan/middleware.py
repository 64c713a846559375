"""Request-wide behaviour: the language, private caching, and sign-in when refused."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
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
