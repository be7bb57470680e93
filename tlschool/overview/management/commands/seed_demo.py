from django.core.management.base import BaseCommand
from django.db import transaction

from innovations import demo as innovations_demo
from leaders import demo as leaders_demo
from plg import demo as plg_demo
from tlschool.accounts import demo as accounts_demo
from tlschool.privacy.models import Departure, Erasure
from tlschool.reminders import demo as reminders_demo
from tlschool.schools import services as school_services
from tlschool.schools.demo import seed_schools
from tlschool.schools.models import Membership, Role


def seed_former_colleague(demo, *, password):
    """A colleague who left a year ago, with a dialogue note and a self-assessment: the
    retention period for people who left has something to do (apply_retention)."""
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from leaders import services as leader_services

    school = demo.school
    if (
        Departure.objects.filter(school=school).exists()
        or Erasure.objects.filter(school=school).exists()
    ):
        return
    person, _created = get_user_model().objects.get_or_create(
        username="joost", defaults={"full_name": "Joost van Vertrek", "email": "joost@demo.nl"}
    )
    person.set_password(password)
    person.save()
    Membership.objects.get_or_create(user=person, school=school, defaults={"role": Role.TEAMLID})
    a_year_ago = timezone.localdate() - timedelta(days=380)
    leader_services.dialogue_note_add(
        school=school,
        person=person,
        author=demo.schoolleider,
        held_on=a_year_ago,
        text="Joost wil volgend jaar de rekenmethode mee kiezen.",
    )
    leader_services.self_assessment_add(
        school=school, person=person, skill="listening", score=3, assessed_on=a_year_ago
    )
    school_services.member_remove(
        membership=Membership.objects.get(user=person, school=school), by=demo.schoolleider
    )
    Departure.objects.filter(school=school, person=person).update(
        left_at=timezone.now() - timedelta(days=380)
    )


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
            seed_former_colleague(schools[0], password=password)
            accounts_demo.seed(board=board)
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
        self.stdout.write(
            "With `make demo-provider` running, 'Microsoft-account (demo)' on the log-in page "
            "signs in as schoolleider, teacherleader, teamlid or bestuur (any password there)."
        )

    def app_seeders(self):
        """Each app fills a demo school with its own work, in the order the apps depend."""
        return [reminders_demo.seed, leaders_demo.seed, plg_demo.seed, innovations_demo.seed]
