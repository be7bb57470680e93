from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _

from tlschool.accounts.throttle import login_failure_record, login_failures_clear, login_is_locked


class ThrottledLoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": _(
            "Too many failed attempts for this account. Wait %(minutes)s minutes and try "
            "again, or reset your password."
        ),
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if username and login_is_locked(username=username):
            raise forms.ValidationError(
                self.error_messages["locked"],
                code="locked",
                params={"minutes": settings.LOGIN_FAILURE_WINDOW_MINUTES},
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if username:
                login_failure_record(username=username, ip_address=self._client_ip())
            raise
        login_failures_clear(username=username)
        return cleaned

    def _client_ip(self):
        if self.request is None:
            return None
        return self.request.META.get("REMOTE_ADDR") or None


class SetPasswordLinkForm(PasswordResetForm):
    """Password reset that also reaches colleagues who never chose a password (added or imported
    by the schoolleider), so "Forgot your password?" doubles as "send my invitation again"."""

    def get_users(self, email):
        return get_user_model()._default_manager.filter(email__iexact=email, is_active=True)
