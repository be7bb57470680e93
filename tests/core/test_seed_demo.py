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


def test_the_demo_is_a_school_year_a_teacher_believes(db):
    """Sessions on the PLG's own weekday and time, none in a holiday, no leftover drafts,
    learnings of each PLG its own, different innovations per school, and no "next" meeting
    in the past."""
    from django.core.management import call_command
    from django.utils import timezone

    from innovations.models import Innovation
    from plg import schedule
    from plg.models import PLG, Session, SessionStatus
    from tlschool.schools.models import School

    call_command("seed_demo", "--password", "demo")
    today = timezone.localdate()
    assert not Session.objects.filter(status=SessionStatus.DRAFT).exists()
    learned_by_plg = {}
    for plg in PLG.objects.select_related("school", "meeting_plan"):
        plan = plg.meeting_plan
        holidays = list(plg.school.holidays.all())
        sessions = list(plg.sessions.all())
        assert len(sessions) >= 6, plg
        for session in sessions:
            assert session.held_on.weekday() == plan.first_on.weekday(), (plg, session.held_on)
            assert session.starts_at == plan.starts_at
            assert not any(h.first_day <= session.held_on <= h.last_day for h in holidays)
            assert session.held_on < today
        learned_by_plg[plg.pk] = {session.learned for session in sessions}
    every = [text for texts in learned_by_plg.values() for text in texts]
    assert len(every) == len(set(every)), "a learning turns up in two PLGs"
    for plg in schedule.with_next_meeting(PLG.objects.all(), today):
        assert plg.next_meeting is None or plg.next_meeting >= today
    titles = [
        set(Innovation.objects.filter(school=school).values_list("title", flat=True))
        for school in School.objects.all()
    ]
    assert len(titles) == 2 and not titles[0] & titles[1]


def test_the_demo_has_a_growth_profile_an_aspiring_colleague_and_a_feedback_round(db):
    from django.core.management import call_command

    from leaders.models import Aspiration, FeedbackAnswer, GrowthAgreement

    call_command("seed_demo", "--password", "demo")
    years = set(
        GrowthAgreement.objects.filter(person__username="teacherleader").values_list(
            "schooljaar", flat=True
        )
    )
    assert len(years) == 2
    assert Aspiration.objects.filter(person__memberships__role="teamlid").exists()
    assert FeedbackAnswer.objects.filter(person__username="teacherleader").exists()


def test_the_demo_has_a_year_of_protocols_scans_borgingskaarten_and_an_honest_gap(db, client):
    """Protocols used, a PLG stuck on DuFour's first two questions, a health scan per term,
    two borgingskaarten, and an evidence page that shows at least one gap."""
    from django.urls import reverse

    from innovations.borging import card_queryset
    from plg.models import PLG, HealthScan, Protocol
    from plg.selectors import questions_worked_on
    from tests.conftest import visible_text
    from tlschool.overview.evidence import school_evidence
    from tlschool.schools.schooljaar import Schooljaar

    call_command("seed_demo", "--password", "demo")
    school = School.objects.get(slug="de-regenboog")
    year = Schooljaar.current()
    rekenen, lezen = (PLG.objects.get(school=school, name=n) for n in ("PLG Rekenen", "PLG Lezen"))
    assert set(rekenen.sessions.values_list("protocol", flat=True)) >= {
        Protocol.BORDSESSIE,
        Protocol.DATA_ANALYSE,
    }
    assert questions_worked_on(plg=lezen, start=year.start, end=year.end).skips_check_act
    assert not questions_worked_on(plg=rekenen, start=year.start, end=year.end).skips_check_act
    scans = HealthScan.objects.filter(plg=rekenen, closed_at__isnull=False)
    assert scans.count() >= 2 and all(s.results["answers"] >= 5 for s in scans)
    assert len(card_queryset(school)) == 2
    found = school_evidence(school=school, year=year)
    assert any(not kind.items for standard in found for kind in standard.kinds)

    client.force_login(User.objects.get(username="schoolleider"))
    dashboard = visible_text(client.get(reverse("overview:dashboard")))
    assert "PLG Lezen kwam dit schooljaar" in dashboard
    assert "Geen dit schooljaar." in visible_text(client.get(reverse("overview:evidence")))
