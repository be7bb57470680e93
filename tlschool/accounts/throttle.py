"""Log-in throttling, kept in the database so every app server sees the same count.

Counted per username, not per address: a whole school usually shares one address.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from tlschool.accounts.models import LoginFailure


def _window_start():
    return timezone.now() - timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)


def login_is_locked(*, username: str) -> bool:
    recent = LoginFailure.objects.filter(
        username__iexact=username.strip(), created_at__gte=_window_start()
    )
    return recent.count() >= settings.LOGIN_FAILURE_LIMIT


def login_failure_record(*, username: str, ip_address: str | None) -> None:
    LoginFailure.objects.filter(created_at__lt=_window_start()).delete()
    LoginFailure.objects.create(username=username.strip()[:150], ip_address=ip_address)


def login_failures_clear(*, username: str) -> None:
    LoginFailure.objects.filter(username__iexact=username.strip()).delete()
