"""Swedish unless the visitor chose another language with the switch (not the browser's wish)."""

from django.conf import settings
from django.utils import translation


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
