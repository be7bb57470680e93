from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tlschool.reminders import holiday_import
from tlschool.schools.models import School


class Command(BaseCommand):
    help = (
        "Fill in every school's holidays from the government's table (the JSON file of "
        "opendata.rijksoverheid.nl), each school its own region; schools without a region "
        "are named and left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--board", help="only the schools of this board (its slug)")

    def handle(self, *args, file, board=None, **options):
        try:
            table = holiday_import.read_table(file.read_bytes())
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}") from None
        except holiday_import.NotAHolidayTable:
            raise CommandError(
                f"{file}: not the school holiday table of rijksoverheid.nl"
            ) from None
        schools = School.objects.order_by("name")
        if board:
            schools = schools.filter(board__slug=board)
        for school in schools:
            if not school.holiday_region:
                self.stdout.write(f"{school.name}: no holiday region chosen, left alone")
                continue
            added = holiday_import.fill_in(school, table)
            self.stdout.write(f"{school.name} ({school.holiday_region}): {added} added")
