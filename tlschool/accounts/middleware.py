"""Sessions end after a time without activity."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

LAST_SEEN_KEY = "last_seen"
# The session is written at most once a minute to note activity, not on every request.
LAST_SEEN_RESOLUTION_SECONDS = 60


class IdleTimeoutMiddleware:
    """A session ends after SESSION_IDLE_MINUTES without a request (default 8 hours)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get(LAST_SEEN_KEY)
            if last is not None and now - last > settings.SESSION_IDLE_MINUTES * 60:
                logout(request)
                messages.info(request, _("You were signed out after a long time without activity."))
                return redirect_to_login(request.get_full_path())
            if last is None or now - last >= LAST_SEEN_RESOLUTION_SECONDS:
                request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)


def note_sign_in(sender, request, user, **kwargs):
    """Signing in counts as activity (connected to `user_logged_in`)."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN_KEY] = int(time.time())


class ProviderSessionMiddleware:
    """A session opened through a board's provider goes back to that provider after
    PROVIDER_SESSION_HOURS: an account the school switched off there opens nothing after it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from tlschool.accounts.adapters import PROVIDER_SESSION_KEY

        signed_in = None
        if request.user.is_authenticated:
            signed_in = request.session.get(PROVIDER_SESSION_KEY)
        if signed_in and time.time() - signed_in["at"] > settings.PROVIDER_SESSION_HOURS * 3600:
            logout(request)
            messages.info(request, _("Sign in again with your school account."))
            return redirect_to_login(request.get_full_path())
        return self.get_response(request)


# Pages a person who still has to set up the second step may open.
TWO_FACTOR_SETUP_URL_NAMES = {
    "mfa_index",
    "mfa_activate_totp",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
    "account_reauthenticate",
    "logout",
    "set_language",
}


class TwoFactorRequiredMiddleware:
    """Schoolleiders and board staff who signed in with a password set up the second step
    before anything else opens, where their board asks for it. Once it is in order the session
    says so and asks no more."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.user.is_authenticated
            and not request.session.get(TWO_FACTOR_CHECKED_KEY)
            and _signed_in_with_password(request)
        ):
            if not _two_factor_missing(request.user):
                request.session[TWO_FACTOR_CHECKED_KEY] = True
            elif _url_name(request) not in TWO_FACTOR_SETUP_URL_NAMES:
                if request.headers.get("HX-Request"):
                    # A part of a page (the menu's count) waits: nothing to show until then,
                    # and the set-up page must not be opened again behind the person's back.
                    return HttpResponse(status=204)
                messages.info(
                    request,
                    _(
                        "Your board asks schoolleiders and board staff for a second step at "
                        "sign-in: set it up first."
                    ),
                )
                return redirect("mfa_activate_totp")
        return self.get_response(request)


TWO_FACTOR_CHECKED_KEY = "two_factor_checked"


def _signed_in_with_password(request) -> bool:
    from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY

    methods = request.session.get(AUTHENTICATION_METHODS_SESSION_KEY, [])
    return any(method.get("method") == "password" for method in methods)


def _two_factor_missing(user) -> bool:
    from allauth.mfa.utils import is_mfa_enabled

    from tlschool.accounts.signin import two_factor_required

    return two_factor_required(user) and not is_mfa_enabled(user)


def _url_name(request) -> str | None:
    try:
        return resolve(request.path_info).url_name
    except Resolver404:
        return None
