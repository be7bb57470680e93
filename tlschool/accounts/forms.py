import re
from urllib.parse import urlsplit

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tlschool.accounts import signin
from tlschool.accounts.models import IdentityProvider
from tlschool.accounts.signin import password_allowed
from tlschool.accounts.throttle import (
    client_address,
    login_failure_record,
    login_failures_clear,
    login_failures_clear_all,
    login_wait_seconds,
)
from tlschool.schools.models import Board


class ThrottledLoginForm(AuthenticationForm):
    end_at_browser_close = forms.BooleanField(
        label=_("Sign me out when I close the browser"),
        required=False,
        help_text=_("For a computer that others use too."),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": _(
            "Too many failed attempts. Wait %(wait)s and try again, or reset your password "
            "with 'Forgot your password?'."
        ),
        "password_off": _(
            "Your board signs you in with your school account, not with a password: use the "
            "button for it."
        ),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("E-mail address or username")

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        address = client_address(self.request)
        if username:
            wait = login_wait_seconds(username=username, ip_address=address)
            if wait:
                raise forms.ValidationError(
                    self.error_messages["locked"],
                    code="locked",
                    params={"wait": _wait_words(wait)},
                )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if username:
                login_failure_record(username=username, ip_address=address)
            raise
        login_failures_clear(username=username, ip_address=address)
        if not password_allowed(self.get_user()):
            raise forms.ValidationError(self.error_messages["password_off"], code="password_off")
        return cleaned


def _wait_words(seconds: int) -> str:
    minutes = (seconds + 59) // 60
    return ngettext("%(count)s minute", "%(count)s minutes", minutes) % {"count": minutes}


class SetPasswordLinkForm(PasswordResetForm):
    """Password reset that also reaches colleagues who never chose a password (added or imported
    by the schoolleider), so "Forgot your password?" doubles as "send my invitation again"."""

    def get_users(self, email):
        return get_user_model()._default_manager.filter(email__iexact=email, is_active=True)


class SetPasswordLiftingLockForm(SetPasswordForm):
    """Choosing a new password through the e-mailed link lifts every log-in slow-down."""

    def save(self, commit=True):
        user = super().save(commit=commit)
        login_failures_clear_all(username=user.get_username())
        return user


BRIN_CODE = re.compile(r"[0-9]{2}[A-Z]{2}")
LAST_WAY_IN = _(
    "Passwords are off for this board: switch them on before taking its last provider out of use."
)


class IdentityProviderForm(forms.ModelForm):
    """A board's provider. The issuer follows from the kind where it is fixed (Google) or from
    the tenant (Microsoft); the secret is kept when left empty on a change."""

    class Meta:
        model = IdentityProvider
        fields = [
            "kind",
            "label",
            "allowed",
            "email_domains",
            "issuer",
            "client_id",
            "client_secret",
            "is_enabled",
        ]
        widgets = {
            "allowed": forms.Textarea(attrs={"rows": 3}),
            "client_secret": forms.PasswordInput(render_value=False),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].required = False
        if self.instance.pk:
            self.fields["client_secret"].required = False
            self.fields["client_secret"].help_text = _("Leave empty to keep the current one.")

    def clean_client_secret(self):
        secret = self.cleaned_data.get("client_secret")
        if not secret and self.instance.pk:
            return self.instance.client_secret
        return secret

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        lines = [
            line.strip() for line in (cleaned.get("allowed") or "").splitlines() if line.strip()
        ]
        Kind = IdentityProvider.Kind
        required_allowed = {
            Kind.ENTRA: _("Give at least one tenant ID of the board."),
            Kind.GOOGLE: _("Give at least one Workspace domain of the board."),
            Kind.ENTREE: _("Give at least one BRIN code of the board's schools."),
        }
        if kind in required_allowed and not lines:
            self.add_error("allowed", required_allowed[kind])
        if kind == Kind.ENTREE:
            wrong = [line for line in lines if not BRIN_CODE.fullmatch(line.upper())]
            if wrong:
                self.add_error(
                    "allowed",
                    _("A BRIN code is two digits and two letters, such as 12AB: %(wrong)s")
                    % {"wrong": ", ".join(wrong)},
                )
        if not cleaned.get("issuer"):
            if kind == Kind.ENTRA and lines:
                cleaned["issuer"] = signin.entra_issuer(lines[0])
            elif kind == Kind.GOOGLE:
                cleaned["issuer"] = signin.GOOGLE_ISSUER
            elif kind in (Kind.ENTREE, Kind.OIDC):
                self.add_error("issuer", _("Give the provider's issuer URL."))
        issuer = cleaned.get("issuer") or ""
        if issuer and not _issuer_is_safe(issuer):
            self.add_error("issuer", _("The issuer URL must start with https://."))
        if (
            self.instance.pk
            and not cleaned.get("is_enabled")
            and signin.locks_everyone_out(self.instance.board, without=self.instance)
        ):
            self.add_error("is_enabled", LAST_WAY_IN)
        return cleaned


def _issuer_is_safe(url: str) -> bool:
    """https, or plain http on this machine only (a provider run for tests or a demo)."""
    parts = urlsplit(url)
    return parts.scheme == "https" or (
        parts.scheme == "http" and parts.hostname in ("127.0.0.1", "localhost")
    )


class BoardSignInForm(forms.ModelForm):
    class Meta:
        model = Board
        fields = ["password_sign_in", "two_factor_for_leaders"]

    def clean_password_sign_in(self):
        allowed = self.cleaned_data["password_sign_in"]
        if signin.locks_everyone_out(self.instance, password_sign_in=allowed):
            raise forms.ValidationError(
                _("Add a provider in use first: without one, nobody could sign in.")
            )
        return allowed
