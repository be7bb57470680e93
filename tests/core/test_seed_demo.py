from django.core.management import call_command

from tlschool.accounts.models import User
from tlschool.schools.models import Membership, Role, School


def counts():
    return {
        "users": User.objects.count(),
        "memberships": Membership.objects.count(),
        "schools": School.objects.count(),
    }


def test_seed_demo_makes_the_demo_users_and_can_run_twice(db, capsys):
    call_command("seed_demo", "--password", "pw-demo")
    output = capsys.readouterr().out
    first = counts()
    call_command("seed_demo", "--password", "pw-demo")
    assert counts() == first
    for username in ("schoolleider", "teacherleader", "teamlid", "schoolleider2"):
        assert username in output
        assert User.objects.get(username=username).check_password("pw-demo")
    assert first["schools"] == 2
    for school in School.objects.all():
        members = Membership.objects.filter(school=school)
        assert members.filter(role=Role.SCHOOLLEIDER).count() == 1
        assert 2 <= members.filter(role=Role.TEACHER_LEADER).count() <= 3
        assert members.filter(role=Role.TEAMLID).count() >= 10
    assert Membership.objects.get(user__username="schoolleider2").school.slug == "de-wegwijzer"
