"""Background work, run by the database worker (`manage.py db_worker`)."""

from datetime import date

from django.conf import settings
from django.tasks import task
from django.utils import timezone, translation

from tlschool.reminders import rules, sending
from tlschool.reminders.models import Heartbeat


@task()
def send_reminders(day: str) -> int:
    """Every reminder due on `day` (ISO date); returns how many e-mails went out."""
    with translation.override(settings.LANGUAGE_CODE):
        reminders = rules.reminders_for(date.fromisoformat(day))
    return sum(sending.send(reminder) for reminder in reminders)


@task()
def heartbeat() -> None:
    Heartbeat.objects.update_or_create(name="worker", defaults={"beat_at": timezone.now()})
