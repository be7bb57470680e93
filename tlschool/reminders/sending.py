"""Sending reminders: each item is claimed (a unique key) before its e-mail goes out, so a
second run or a second worker at the same moment sends nothing twice; a mail server that is
down gives the claims back for the next run."""

import logging

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tlschool.reminders.models import Kind, Notice
from tlschool.reminders.rules import Reminder

logger = logging.getLogger(__name__)
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


def read_unsubscribe_token(token: str):
    """(user id, kind) from a link in a reminder, or None for anything else."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("k") not in Kind.values:
        return None
    return data.get("u"), data["k"]


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _claim(reminder: Reminder) -> list:
    claimed = []
    for item in reminder.items:
        try:
            with transaction.atomic():
                Notice.objects.create(user=reminder.user, kind=reminder.kind, key=item.key)
        except IntegrityError:
            continue
        claimed.append(item)
    return claimed


def send(reminder: Reminder) -> bool:
    """Send the items of `reminder` that were not sent before; True when a mail went out."""
    items = _claim(reminder)
    if not items:
        return False
    try:
        message = build_message(reminder, items)
        message.send()
    except Exception:
        Notice.objects.filter(key__in=[item.key for item in items]).delete()
        raise
    return True


def build_message(reminder: Reminder, items) -> EmailMultiAlternatives:
    token = unsubscribe_token(reminder.user, reminder.kind)
    unsubscribe_url = absolute(reverse("reminders:unsubscribe", args=[token]))
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "reminder": reminder,
            "kind_label": Kind(reminder.kind).label,
            "items": [(item, absolute(item.path)) for item in items],
            "unsubscribe_url": unsubscribe_url,
            "preferences_url": absolute(reverse("reminders:preferences")),
        }
        subject = SUBJECTS[reminder.kind](reminder)
        text = render_to_string("reminders/email.txt", context)
        html = render_to_string("reminders/email.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[reminder.user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    return message
