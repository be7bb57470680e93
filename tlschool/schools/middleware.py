from django.utils.cache import add_never_cache_headers
from django.utils.functional import SimpleLazyObject

from tlschool.schools.access import access_for

SESSION_KEY = "current_school_id"


class CurrentSchoolMiddleware:
    """Puts `request.access`: the user's role and rights in the school they work in now."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.access = SimpleLazyObject(
            lambda: access_for(request.user, request.session.get(SESSION_KEY))
        )
        return self.get_response(request)


class PrivatePagesMiddleware:
    """Nothing shown to a signed-in person is kept by a browser or a proxy: every response
    behind sign-in says `Cache-Control: no-store, private`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response
