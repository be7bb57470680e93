from urllib.parse import urlencode

import requests
from allauth.account.internal.flows.login import perform_login, record_authentication
from allauth.account.models import Login
from allauth.socialaccount.providers.openid_connect import views as openid_connect_views
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import i18n as i18n_views
from django.views.decorators.http import require_GET, require_POST

from tlschool.accounts import signin
from tlschool.accounts.adapters import PROVIDER_TEST_KEY, PROVIDER_TEST_RESULT_KEY
from tlschool.accounts.forms import BoardSignInForm, IdentityProviderForm
from tlschool.accounts.models import IdentityProvider
from tlschool.schools.access import available_schools, require
from tlschool.schools.decorators import school_required
from tlschool.schools.models import Board
from tlschool.schools.responses import posted
from tlschool.schools.services import invitations_for


@login_required
def profile(request):
    from allauth.mfa.utils import is_mfa_enabled
    from allauth.socialaccount.models import SocialAccount

    linked = list(SocialAccount.objects.filter(user=request.user).order_by("date_joined"))
    linked_ids = {account.provider for account in linked}
    providers = {p.provider_id: p for p in signin.providers_of_user(request.user)}
    context = {
        "schools": available_schools(request.user),
        "invitations": invitations_for(user=request.user),
        "linked_accounts": [(account, providers.get(account.provider)) for account in linked],
        "providers_to_link": [
            (provider, provider_login_url(provider, reverse("profile"), process="connect"))
            for provider in providers.values()
            if provider.provider_id not in linked_ids
        ],
        "two_factor_on": is_mfa_enabled(request.user),
        "has_password": request.user.has_usable_password(),
        "may_manage_sign_in": signin.may_manage_sign_in(request.access),
    }
    return render(request, "registration/profile.html", context)


def provider_login(request, provider_id):
    """allauth's start of a provider sign-in, with a clear page when the provider is down."""
    try:
        return openid_connect_views.login(request, provider_id)
    except requests.RequestException:
        return render(request, "registration/provider_unreachable.html", status=503)


def provider_callback(request, provider_id):
    """allauth's return from the provider; an answer without the claim that identifies the
    account (a provider set up with the wrong kind) gets a clear page."""
    try:
        return openid_connect_views.callback(request, provider_id)
    except KeyError as missing:
        return render(
            request,
            "registration/provider_unreachable.html",
            {"missing_claim": missing.args[0] if missing.args else ""},
            status=502,
        )


def provider_login_url(provider, next_url: str, *, process: str = "login") -> str:
    url = reverse("openid_connect_login", kwargs={"provider_id": provider.provider_id})
    return f"{url}?{urlencode({'next': next_url or reverse('home'), 'process': process})}"


def provider_buttons(providers, next_url: str) -> list[dict]:
    return [
        {
            "provider": provider,
            "url": provider_login_url(provider, next_url),
            "passwords_off": not provider.board.password_sign_in,
        }
        for provider in providers
    ]


class LoginView(auth_views.LoginView):
    """Sign in with the board's own account (buttons once the e-mail address shows which
    board) or with a password, throttled, and with the second step where it is set up."""

    board = None

    def dispatch(self, request, *args, **kwargs):
        if "board" in kwargs:
            self.board = get_object_or_404(Board, slug=kwargs["board"])
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if request.POST.get("find_account"):
            # "Find my school's account": only the typed address, no attempt to sign in.
            form = self.form_class(request, initial={"username": request.POST.get("username")})
            return self.render_to_response(self.get_context_data(form=form))
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        typed = self.request.POST.get("username") or self.request.GET.get("login", "")
        if self.board is not None:
            providers = signin.providers_of_board(self.board)
        else:
            providers = signin.providers_for_login(typed)
        context["board"] = self.board
        context["typed"] = typed
        context["provider_buttons"] = provider_buttons(providers, self.get_redirect_url())
        context["passwords_shown"] = self.board is None or self.board.password_sign_in
        return context

    def form_valid(self, form):
        if form.cleaned_data.get("end_at_browser_close"):
            self.request.session.set_expiry(0)
        user = form.get_user()
        # The password was typed a moment ago: for allauth's "recently authenticated" window
        # (setting up the second step right after signing in) it counts as typed again.
        record_authentication(
            self.request,
            user,
            method="password",
            username=form.cleaned_data["username"],
            reauthenticated=True,
        )
        return perform_login(self.request, Login(user=user, redirect_url=self.get_success_url()))


@require_GET
def login_providers(request):
    """The sign-in page's buttons for what has been typed so far (fetched as one types)."""
    typed = request.GET.get("username", "")
    next_url = request.GET.get("next", "")
    context = {
        "provider_buttons": provider_buttons(signin.providers_for_login(typed), next_url),
        "typed": typed,
    }
    return render(request, "registration/login.html#providers", context)


# The board's sign-in settings.


def _board_of(request):
    require(signin.may_manage_sign_in(request.access))
    return request.access.school.board


def _provider_of(request, pk, board=None):
    return get_object_or_404(IdentityProvider, pk=pk, board=board or _board_of(request))


@school_required
def sign_in_settings(request):
    board = _board_of(request)
    form = BoardSignInForm(posted(request), instance=board)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The sign-in settings were saved."))
        return redirect("sign_in_settings")
    context = {
        "board": board,
        "form": form,
        "providers": board.identity_providers.all(),
        "board_login_url": request.build_absolute_uri(
            reverse("login_board", kwargs={"board": board.slug})
        ),
    }
    return render(
        request, "registration/sign_in_settings.html", context, status=422 if form.errors else 200
    )


@school_required
def identity_provider_edit(request, pk=None):
    board = _board_of(request)
    provider = _provider_of(request, pk, board) if pk is not None else IdentityProvider(board=board)
    form = IdentityProviderForm(posted(request), instance=provider)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The provider was saved. Test it before people use it."))
        return redirect("sign_in_settings")
    context = {
        "board": board,
        "form": form,
        "provider": provider,
        "callback_url": request.build_absolute_uri(
            reverse(
                "openid_connect_callback",
                kwargs={"provider_id": provider.provider_id if provider.pk else "idpN"},
            )
        ),
    }
    return render(
        request,
        "registration/identity_provider_form.html",
        context,
        status=422 if form.errors else 200,
    )


@school_required
@require_POST
def identity_provider_remove(request, pk):
    provider = _provider_of(request, pk)
    if signin.locks_everyone_out(provider.board, without=provider):
        messages.error(
            request,
            _(
                "Passwords are off for this board: switch them on before removing its last provider."
            ),
        )
        return redirect("sign_in_settings")
    provider.delete()
    messages.success(
        request, _("The provider was removed; accounts linked through it no longer sign in.")
    )
    return redirect("sign_in_settings")


@school_required
@require_GET
def identity_provider_test(request, pk):
    """Sign in at the provider as oneself and see what it sends, without signing in here."""
    provider = _provider_of(request, pk)
    request.session[PROVIDER_TEST_KEY] = provider.pk
    request.session.pop(PROVIDER_TEST_RESULT_KEY, None)
    return redirect(provider_login_url(provider, reverse("sign_in_settings")))


@school_required
@require_GET
def identity_provider_tested(request, pk):
    provider = _provider_of(request, pk)
    result = request.session.get(PROVIDER_TEST_RESULT_KEY)
    if not result or result.get("provider") != provider.pk:
        result = None
    return render(
        request,
        "registration/identity_provider_tested.html",
        {"provider": provider, "result": result},
    )


def set_language(request):
    """Django's language switch; signed in, the choice is also kept with the account, so it
    holds on every device and for the e-mails this person gets."""
    response = i18n_views.set_language(request)
    language = request.POST.get("language")
    if (
        request.method == "POST"
        and request.user.is_authenticated
        and language in dict(settings.LANGUAGES)
    ):
        request.user.language = language
        request.user.save(update_fields=["language"])
    return response
