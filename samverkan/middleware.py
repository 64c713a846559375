"""Swedish unless the visitor chose another language with the switch (not the browser's wish)."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_cache_control


def language_middleware(get_response):
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
