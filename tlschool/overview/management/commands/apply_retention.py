"""Apply every school's retention periods (bewaartermijnen). Safe to run daily and twice in a
row: what is past its period goes, the second run finds nothing left to do."""

from django.core.management.base import BaseCommand
from django.db import transaction

from tlschool.overview.person_data import retention_plan
from tlschool.schools.kept_pages import forget_kept_pages, prune_kept_pages
from tlschool.schools.models import School


class Command(BaseCommand):
    help = "Remove what is past each school's retention periods; --dry-run only says what."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="print, change nothing")

    def handle(self, *args, dry_run=False, **options):
        total = 0
        for school in School.objects.select_related("board").order_by("name"):
            with transaction.atomic():
                for step in retention_plan(school=school):
                    if not step.count:
                        continue
                    done = step.count if dry_run else step.apply()
                    total += done
                    if not dry_run:
                        forget_kept_pages(board=school.board)
                    note = " (dry run: nothing changed)" if dry_run else ""
                    self.stdout.write(f"{school.name}: {done} {step.kind}{note}")
        self.stdout.write(
            ("Dry run: " if dry_run else "") + f"{total} items past their retention period."
        )
        if not dry_run:
            pruned = prune_kept_pages()
            if pruned:
                self.stdout.write(f"{pruned} pages kept on earlier days removed.")
