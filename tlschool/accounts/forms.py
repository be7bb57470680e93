from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tlschool.accounts.throttle import (
    client_address,
    login_failure_record,
    login_failures_clear,
    login_failures_clear_all,
    login_wait_seconds,
)


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
    }

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
