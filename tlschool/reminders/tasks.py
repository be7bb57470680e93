"""Background work, run by the database worker (`manage.py db_worker`)."""

from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.tasks import task
from django.utils import timezone, translation

from tlschool.reminders import rules, sending
from tlschool.reminders.models import Heartbeat


@task()
def send_reminders(day: str) -> int:
    """Every reminder due on `day` (ISO date); returns how many e-mails went out."""
    today = date.fromisoformat(day)
    reminders = []
    # The texts of a reminder are written in its reader's language: worked out once for each
    # language someone reads (once only while everyone reads the school's Dutch).
    chosen = get_user_model().objects.exclude(language="").values_list("language", flat=True)
    for language in sorted({settings.LANGUAGE_CODE, *chosen.distinct()}):
        with translation.override(language):
            reminders += rules.reminders_for(today, language=language)
    sent = sum(sending.send(reminder) for reminder in reminders)
    if today.weekday() == 0:
        sent += sending.send_weekly_bundles()
    return sent


@task()
def heartbeat() -> None:
    Heartbeat.objects.update_or_create(name="worker", defaults={"beat_at": timezone.now()})
