"""Log-in throttling, kept in the database so every app server sees the same count.

Two counts, both within LOGIN_FAILURE_WINDOW_MINUTES:
- failures of one username (any case) from one address: after LOGIN_FAILURE_LIMIT, each
  further try waits 1, 2, 4… minutes (at most the window). Counted per address as well, so
  somebody elsewhere cannot lock the real user out: a school shares one address, and a
  colleague's typos there slow down only that username there.
- failures of any username from one address: after LOGIN_ADDRESS_FAILURE_LIMIT the address
  slows down the same way, so one address cannot try password after password on many accounts.
A successful log-in clears its username's failures from that address; a password reset clears
all of the username's failures.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Max, Q
from django.utils import timezone

from tlschool.accounts.models import LoginFailure


def client_address(request) -> str | None:
    """The client's address; behind a proxy, the last one it added to LOGIN_CLIENT_IP_HEADER."""
    if request is None:
        return None
    header = settings.LOGIN_CLIENT_IP_HEADER
    if header:
        forwarded = request.META.get(header, "")
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-1][:45]
    return request.META.get("REMOTE_ADDR") or None


def _normal(username: str) -> str:
    return username.strip().lower()[:150]


def _window() -> timedelta:
    return timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)


def _wait(count: int, last, limit: int, now) -> int:
    """Seconds still to wait after `count` failures, the last at `last`."""
    if count < limit or last is None:
        return 0
    delay = min(timedelta(minutes=2 ** (count - limit)), _window())
    return max(0, int((last + delay - now).total_seconds() + 0.999))


def login_wait_seconds(*, username: str, ip_address: str | None) -> int:
    """How long this username from this address must wait before the next try (0: now)."""
    now = timezone.now()
    recent = LoginFailure.objects.filter(ip_address=ip_address, created_at__gte=now - _window())
    same_name = Q(username=_normal(username))
    counts = recent.aggregate(
        address_count=Count("id"),
        address_last=Max("created_at"),
        name_count=Count("id", filter=same_name),
        name_last=Max("created_at", filter=same_name),
    )
    return max(
        _wait(counts["name_count"], counts["name_last"], settings.LOGIN_FAILURE_LIMIT, now),
        _wait(
            counts["address_count"],
            counts["address_last"],
            settings.LOGIN_ADDRESS_FAILURE_LIMIT,
            now,
        ),
    )


def login_failure_record(*, username: str, ip_address: str | None) -> None:
    LoginFailure.objects.filter(created_at__lt=timezone.now() - _window()).delete()
    LoginFailure.objects.create(username=_normal(username), ip_address=ip_address)


def login_failures_clear(*, username: str, ip_address: str | None) -> None:
    """A successful log-in: this username's failures from this address are forgiven."""
    LoginFailure.objects.filter(username=_normal(username), ip_address=ip_address).delete()


def login_failures_clear_all(*, username: str) -> None:
    """A password reset: the real owner proved themself by e-mail; every lock on the name goes."""
    LoginFailure.objects.filter(username=_normal(username)).delete()
