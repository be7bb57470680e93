"""Sending reminders: each item is claimed (a unique key) before its e-mail goes out, so a
second run or a second worker at the same moment sends nothing twice; a mail server that is
down gives the claims back for the next run."""

from datetime import date

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tlschool.reminders.models import Delivery, Kind, Notice
from tlschool.reminders.rules import Item, Reminder

UNSUBSCRIBE_SALT = "tlschool.reminders.unsubscribe"

SUBJECTS = {
    Kind.AGREEMENT_DUE: lambda r: _("Your agreements: due soon or overdue"),
    Kind.SESSION_COMING: lambda r: _("PLG tomorrow: %(name)s") % {"name": r.items[0].text},
    Kind.BORGING_REVIEW: lambda r: (
        _("Borging review coming up: %(title)s") % {"title": r.items[0].text}
    ),
    Kind.WAITING: lambda r: _("Waiting for you in tlschool"),
    Kind.WEEKLY_OVERVIEW: lambda r: (
        ngettext(
            "This week at %(school)s: %(count)s point for attention",
            "This week at %(school)s: %(count)s points for attention",
            len(r.items),
        )
        % {"school": r.school.name, "count": len(r.items)}
    ),
}


def unsubscribe_token(user, kind) -> str:
    return signing.dumps({"u": user.pk, "k": kind}, salt=UNSUBSCRIBE_SALT)


# The unsubscribe link of the Monday e-mail: every kind that was sent in it goes off.
BUNDLE = "bundle"


def read_unsubscribe_token(token: str):
    """(user id, kind or BUNDLE) from a link in a reminder, or None for anything else."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("k") not in {*Kind.values, BUNDLE}:
        return None
    return data.get("u"), data["k"]


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _claim(reminder: Reminder, *, waiting: bool) -> list:
    claimed = []
    for item in reminder.items:
        try:
            with transaction.atomic():
                Notice.objects.create(
                    user=reminder.user,
                    kind=reminder.kind,
                    key=item.key,
                    sent_at=None if waiting else timezone.now(),
                    content=_content(reminder, item) if waiting else {},
                )
        except IntegrityError:
            continue
        claimed.append(item)
    return claimed


def _content(reminder: Reminder, item) -> dict:
    return {
        "school": reminder.school.name,
        "text": item.text,
        "when": item.when.isoformat(),
        "path": item.path,
        "details": item.details,
        "overdue": item.overdue,
    }


def send(reminder: Reminder) -> bool:
    """Send the items of `reminder` that were not sent before; True when a mail went out.
    With weekly delivery the items wait for the person's Monday e-mail instead."""
    if reminder.delivery == Delivery.WEEKLY:
        _claim(reminder, waiting=True)
        return False
    items = _claim(reminder, waiting=False)
    if not items:
        return False
    try:
        message = build_message(reminder, items)
        message.send()
    except Exception:
        Notice.objects.filter(key__in=[item.key for item in items]).delete()
        raise
    return True


def send_weekly_bundles() -> int:
    """Everyone's waiting items in one e-mail each. A person's rows are locked while their
    mail goes out (a second worker skips them) and marked sent only when it went."""
    sent = 0
    people = (
        Notice.objects.filter(sent_at__isnull=True).values_list("user_id", flat=True).distinct()
    )
    for user_id in list(people):
        with transaction.atomic():
            waiting = list(
                Notice.objects.select_for_update(skip_locked=True)
                .filter(user_id=user_id, sent_at__isnull=True)
                .select_related("user")
                .order_by("kind", "pk")
            )
            if not waiting or not waiting[0].user.is_active or not waiting[0].user.email:
                continue
            _bundle_message(waiting).send()
            Notice.objects.filter(pk__in=[row.pk for row in waiting]).update(sent_at=timezone.now())
            sent += 1
    return sent


def _bundle_message(waiting) -> EmailMultiAlternatives:
    user = waiting[0].user
    with translation.override(user.preferred_language):
        sections = {}
        for row in waiting:
            sections.setdefault(str(Kind(row.kind).label), []).append(
                (
                    Item(
                        key=row.key,
                        text=row.content["text"],
                        when=date.fromisoformat(row.content["when"]),
                        path=row.content["path"],
                        details=row.content.get("details", []),
                        overdue=row.content.get("overdue", False),
                    ),
                    absolute(row.content["path"]),
                )
            )
        context = {
            "user": user,
            "sections": sections,
            "schools": sorted({row.content["school"] for row in waiting}),
        }
        return _message(
            user,
            _("Your week in tlschool"),
            context,
            template="reminders/bundle",
            unsubscribe=BUNDLE,
        )


def build_message(reminder: Reminder, items) -> EmailMultiAlternatives:
    with translation.override(reminder.user.preferred_language):
        context = {
            "reminder": reminder,
            "user": reminder.user,
            "kind_label": Kind(reminder.kind).label,
            "items": [(item, absolute(item.path)) for item in items],
        }
        return _message(
            reminder.user,
            SUBJECTS[reminder.kind](reminder),
            context,
            template="reminders/email",
            unsubscribe=reminder.kind,
        )


def _message(user, subject, context, *, template, unsubscribe) -> EmailMultiAlternatives:
    """A reminder e-mail: plain text and HTML, with its one-click unsubscribe headers."""
    unsubscribe_url = absolute(
        reverse("reminders:unsubscribe", args=[unsubscribe_token(user, unsubscribe)])
    )
    context = {
        **context,
        "unsubscribe_url": unsubscribe_url,
        "preferences_url": absolute(reverse("reminders:preferences")),
    }
    text = render_to_string(f"{template}.txt", context)
    html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    return message
