"""Load an inspection framework's quality standards from a JSON file (the form of
tlschool/overview/frameworks/onderzoekskader-2021.json): a new onderzoekskader is a file."""

from django.core.management.base import BaseCommand, CommandError

from tlschool.overview.evidence import load_framework, read_framework
from tlschool.overview.models import QualityStandard


class Command(BaseCommand):
    help = "Load the quality standards of an inspection framework from a JSON file."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--keep-active",
            action="store_true",
            help="Store it beside the active framework instead of in its place.",
        )

    def handle(self, *args, file, keep_active, **options):
        try:
            data = read_framework(file)
            count = load_framework(data, QualityStandard, activate=not keep_active)
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"{file}: {error}") from error
        self.stdout.write(f"{count} standards of {data['framework']} {data['version']} loaded.")
