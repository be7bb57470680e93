"""Pages kept between requests in PostgreSQL, for the school's data version.

A page a person reads often (their home, Wie leidt wat, a PLG) is rendered once and kept
under a key of the page, the person, their role, language and the day, for the school's
`data_version` at the moment it was read (tlschool/schools/versions.py raises the version in
the same transaction as every change to the school's data, so a kept page is never served
after a change). What belongs to one request is not kept: the CSRF tokens and the CSP nonce
are marked when the page is kept and filled in anew when it is served, and so are values a
view names (a new form's key). A request with a message to show, an htmx request and any
other method than GET are never kept or served from here. `apply_retention` removes the
pages of earlier days.

tests/quality/test_kept_pages.py reads the SQL of every kept page and fails for any table whose
changes do not raise the version or belong to the key.
"""

import hashlib
import re
import uuid
import zlib
from functools import wraps

from django.conf import settings
from django.contrib.messages import get_messages
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.middleware.csrf import get_token
from django.utils import timezone, translation

from tlschool.schools.models import KeptPage

CSRF_MARK = "\x00csrf\x00"
NONCE_MARK = "\x00nonce\x00"
MARKED = [
    (re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")'), CSRF_MARK),
    (re.compile(r'("x-csrftoken": ")[^"]*(")'), CSRF_MARK),
    (re.compile(r'(nonce=")[^"]*(")'), NONCE_MARK),
]
# Where a value a view makes new for every request stood (a new form's key: a UUID).
FRESH_MARK = "\x00uuid\x00"


def fresh_value(request, value: str) -> str:
    """Say that `value` (a new form's key) is made anew for every request: it is marked in
    the kept page and a new one is written when the page is served."""
    request.kept_fresh = [*getattr(request, "kept_fresh", []), value]
    return value


def _hashed(parts: list[str]) -> str:
    """The key of what is kept: its parts, the language and the day."""
    parts = [*parts, translation.get_language() or "", timezone.localdate().isoformat()]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _key(request, view) -> str:
    """The page, the person (their name too: board staff may have no school of their own whose
    version a change to them raises) and what they may see."""
    access = request.access
    return _hashed(
        [
            f"{view.__module__}.{view.__qualname__}",
            request.get_full_path(),
            str(request.user.pk),
            str(request.user),
            request.user.email,
            access.role or "",
            "staff" if access.board_staff else "",
            # The header's school switch lists every school of the person, by name.
            repr([(school.pk, school.name, role) for school, role in access.available_schools]),
        ]
    )


def _kept(school_id, key, version) -> bytes | None:
    kept = (
        KeptPage.objects.filter(school_id=school_id, key=key, version=version)
        .values_list("body", flat=True)
        .first()
    )
    return None if kept is None else zlib.decompress(kept)


def schools_version(schools) -> tuple[int | None, str]:
    """For what shows several schools (the board overview, a person's calendar feed): the
    first school's id, to keep it with, and one version that changes with any of theirs."""
    versions = list(schools.order_by("pk").values_list("pk", "data_version"))
    first = versions[0][0] if versions else None
    return first, hashlib.sha256(repr(versions).encode()).hexdigest()


def _servable(request) -> bool:
    return (
        settings.KEPT_PAGES
        and request.method == "GET"
        and not getattr(request, "htmx", False)
        and getattr(request, "access", None) is not None
        and request.access.school is not None
        and len(get_messages(request)) == 0
    )


def kept_page(view=None, *, version=None):
    """Keep the page a view renders (see the module). `version(request)` gives what the page
    depends on besides the school's data version (the board overview: every school's)."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not _servable(request):
                return view(request, *args, **kwargs)
            school = request.access.school
            current = version(request) if version else str(school.data_version)
            key = _key(request, view)
            kept = _kept(school.pk, key, current)
            if kept is not None:
                return HttpResponse(_filled(request, kept.decode()))
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming and _is_html(response):
                _store(school.pk, key, current, _marked(request, response.content.decode()))
            return response

        return wrapped

    return decorate(view) if view is not None else decorate


def _is_html(response) -> bool:
    return response.get("Content-Type", "").startswith("text/html")


def _marked(request, body: str) -> str:
    for pattern, mark in MARKED:
        body = pattern.sub(lambda match, mark=mark: match.group(1) + mark + match.group(2), body)
    for value in getattr(request, "kept_fresh", []):
        body = body.replace(value, FRESH_MARK)
    return body


def _filled(request, body: str) -> str:
    body = body.replace(CSRF_MARK, get_token(request)).replace(NONCE_MARK, str(get_nonce(request)))
    if FRESH_MARK in body:
        body = body.replace(FRESH_MARK, str(uuid.uuid4()))
    return body


def kept_body(*, school_id: int, parts: list[str], version: str, make) -> bytes:
    """What `make()` returns, kept under `parts` (with the language and the day) for
    `version`: for what is read without a signed-in request, such as a calendar feed."""
    if not settings.KEPT_PAGES:
        return make()
    key = _hashed(parts)
    kept = _kept(school_id, key, version)
    if kept is not None:
        return kept
    body = make()
    _store(school_id, key, version, body)
    return body


def _store(school_id, key, current, body: str | bytes) -> None:
    """One statement: insert the page, or replace the one kept under the same key. Rows of
    earlier days are removed by `apply_retention` (prune_kept_pages)."""
    if isinstance(body, str):
        body = body.encode()
    page = KeptPage(
        school_id=school_id,
        key=key,
        version=current,
        made_on=timezone.localdate(),
        body=zlib.compress(body, 6),
    )
    KeptPage.objects.bulk_create(
        [page],
        update_conflicts=True,
        unique_fields=["school", "key"],
        update_fields=["version", "made_on", "body"],
    )


def prune_kept_pages(today=None) -> int:
    """Remove the pages kept on earlier days: a day's key holds the date, so they are never
    served again."""
    deleted, _ = KeptPage.objects.filter(made_on__lt=today or timezone.localdate()).delete()
    return deleted


def forget_kept_pages(*, board) -> None:
    """Remove every page kept for the board's schools at once: after a person is forgotten or
    data passed its retention period, no kept copy of an earlier version holds it either."""
    KeptPage.objects.filter(school__board=board).delete()
