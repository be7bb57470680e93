from django.conf import settings
from django.utils import translation


def chosen_language(request, available) -> str | None:
    """The language the person chose: stored with their account when signed in (so it
    follows them to every device and into their e-mails), else this browser's cookie."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.language in available:
        return user.language
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return chosen if chosen in available else None


class SchoolLanguageMiddleware:
    """Dutch unless the person chose another language with the switch.

    The browser's Accept-Language is deliberately ignored: the school works in Dutch, and a
    colleague whose browser happens to be set to English still sees the team's language.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = chosen_language(request, self.available) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
