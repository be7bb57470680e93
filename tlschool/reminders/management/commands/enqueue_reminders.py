from django.core.management.base import BaseCommand
from django.utils import timezone

from tlschool.reminders.tasks import heartbeat, send_reminders


class Command(BaseCommand):
    help = (
        "Queue today's reminders and a heartbeat for the worker. Run it from cron (every hour "
        "from 7 to 17 is plenty): running it again sends nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--day", help="The day to send for (YYYY-MM-DD); default today.")

    def handle(self, *args, day=None, **options):
        send_reminders.enqueue(day or timezone.localdate().isoformat())
        heartbeat.enqueue()
        self.stdout.write("Queued today's reminders and a heartbeat.")
