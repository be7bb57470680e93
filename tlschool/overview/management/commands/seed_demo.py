from django.core.management.base import BaseCommand
from django.db import transaction

from innovations import demo as innovations_demo
from leaders import demo as leaders_demo
from plg import demo as plg_demo
from tlschool.schools.demo import seed_schools


class Command(BaseCommand):
    help = "Create (or refresh) the demo board with two schools, their teams and their work."

    def add_arguments(self, parser):
        parser.add_argument("--password", default="demo", help="Password for every demo user.")

    def handle(self, *args, password, **options):
        with transaction.atomic():
            board, schools, board_user = seed_schools(password=password)
            for demo in schools:
                for seed in self.app_seeders():
                    seed(demo=demo)
        self.stdout.write(self.style.SUCCESS(f"Demo board: {board.name}"))
        self.stdout.write(f"Every demo user has password {password!r}. Log in as:")
        first, second = schools
        rows = [
            ("schoolleider", f"schoolleider, {first.school.name}"),
            ("teacherleader", f"teacher leader, {first.school.name}"),
            ("teamlid", f"team member, {first.school.name}"),
            ("schoolleider2", f"schoolleider, {second.school.name}"),
            (board_user.username, f"board staff, {board.name}"),
        ]
        for username, what in rows:
            self.stdout.write(f"  {username:<15} {what}")

    def app_seeders(self):
        """Each app fills a demo school with its own work, in the order the apps depend."""
        return [leaders_demo.seed, plg_demo.seed, innovations_demo.seed]
