from django.conf import settings
from django.utils import translation


class SchoolLanguageMiddleware:
    """Dutch unless the person chose another language with the switch (kept in a cookie).

    The browser's Accept-Language is deliberately ignored: the school works in Dutch, and a
    colleague whose browser happens to be set to English still sees the team's language.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
