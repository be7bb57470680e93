"""django-allauth, told the school's rules: nobody signs up, providers come from the boards,
and every provider sign-in passes `tlschool.accounts.signin` before it opens anything."""

import time

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp
from django.shortcuts import redirect, render

from tlschool.accounts import signin
from tlschool.accounts.models import IdentityProvider

# Set when a session was opened through a provider: which one, and when (see
# ProviderSessionMiddleware).
PROVIDER_SESSION_KEY = "signed_in_with_provider"
# Set by the settings page's test button: the next answer of that provider is shown, not used.
PROVIDER_TEST_KEY = "identity_provider_test"
PROVIDER_TEST_RESULT_KEY = "identity_provider_test_result"
# What is kept of a provider's answer on the linked account: what identifies it, nothing more.
KEPT_CLAIMS = ("iss", "sub", "oid", "uid", "tid", "hd", signin.ENTREE_BRIN_CLAIM)


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False


def claims_of(sociallogin) -> dict:
    """Everything the provider said: the userinfo answer, with the signed ID token over it."""
    data = sociallogin.account.extra_data or {}
    return {**(data.get("userinfo") or {}), **(data.get("id_token") or {})}


def refuse(request, provider, refusal, claims=None):
    context = {
        "provider": provider,
        "refusal": refusal,
        "email": signin.verified_email(provider, claims or {}) if provider else None,
        "entree": provider is not None and provider.kind == IdentityProvider.Kind.ENTREE,
    }
    return ImmediateHttpResponse(
        render(request, "registration/sign_in_refused.html", context, status=403)
    )


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        return False

    def list_apps(self, request, provider=None, client_id=None):
        """The boards' providers, as allauth's apps (never stored in allauth's own table)."""
        providers = IdentityProvider.objects.filter(is_enabled=True)
        if provider and provider != "openid_connect":
            chosen = signin.provider_for_id(provider)
            providers = providers.filter(pk=chosen.pk if chosen else None)
        if client_id:
            providers = providers.filter(client_id=client_id)
        return [
            SocialApp(
                provider="openid_connect",
                provider_id=row.provider_id,
                name=row.label,
                client_id=row.client_id,
                secret=row.client_secret,
                settings=signin.social_app_settings(row),
            )
            for row in providers
        ]

    def pre_social_login(self, request, sociallogin):
        provider = signin.provider_for_id(sociallogin.account.provider)
        if provider is None:
            raise refuse(request, None, signin.UNKNOWN_PERSON)
        claims = claims_of(sociallogin)
        if request.session.get(PROVIDER_TEST_KEY) == provider.pk:
            raise ImmediateHttpResponse(_test_result(request, provider, claims))
        refusal = signin.claims_refusal(provider, claims)
        if refusal is not None:
            raise refuse(request, provider, refusal, claims)
        sociallogin.account.extra_data = {k: claims[k] for k in KEPT_CLAIMS if k in claims}
        if sociallogin.state.get("process") == "connect":
            if not signin.may_enter(request.user, provider.board):
                raise refuse(request, provider, signin.UNKNOWN_PERSON, claims)
            return
        if sociallogin.is_existing:
            if not signin.may_enter(sociallogin.user, provider.board):
                raise refuse(request, provider, signin.UNKNOWN_PERSON, claims)
            sociallogin.account.save(update_fields=["extra_data"])
            return
        person = signin.person_to_link(provider, claims)
        if person is None:
            raise refuse(request, provider, signin.UNKNOWN_PERSON, claims)
        sociallogin.connect(request, person)


def note_provider_sign_in(sender, request, user, sociallogin=None, **kwargs):
    """Remember that this session came from a provider (connected to allauth's
    `user_logged_in`, which passes the social login)."""
    if sociallogin is not None and request is not None:
        request.session[PROVIDER_SESSION_KEY] = {
            "provider": sociallogin.account.provider,
            "at": int(time.time()),
        }


def _test_result(request, provider, claims):
    """The settings page's test: what came back, and what the product would do with it."""
    del request.session[PROVIDER_TEST_KEY]
    refusal = signin.claims_refusal(provider, claims)
    person = signin.person_to_link(provider, claims)
    request.session[PROVIDER_TEST_RESULT_KEY] = {
        "provider": provider.pk,
        "claims": {str(k): str(v)[:200] for k, v in sorted(claims.items())},
        "refusal": str(refusal.message) if refusal else "",
        "uid_claim": signin.uid_claim(provider),
        "email": signin.verified_email(provider, claims) or "",
        "person": str(person) if person and refusal is None else "",
    }
    return redirect("identity_provider_tested", pk=provider.pk)
