"""A large board for the benchmark, written with bulk inserts: schools, staff, roles, PLGs,
sessions with attendance and agreements, and innovations with their history."""

import random
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from innovations.models import Innovation, MonitoringEntry, StageChange
from innovations.stages import Stage
from leaders.models import Mandate, MandateItem, TeacherLeaderRole, TimeAllotment, TimeEntry
from plg.models import PLG, Agreement, Attendance, Session, SessionStatus
from tlschool.accounts.models import User
from tlschool.schools.models import Board, BoardStaff, Membership, Role, School
from tlschool.schools.schooljaar import Schooljaar

TEACHER_LEADERS_PER_SCHOOL = 3
PLGS_PER_SCHOOL = 3
MEMBERS_PER_PLG = 6
BATCH = 5000
STAGES = [Stage.VOORBEREIDEN, Stage.UITVOEREN, Stage.MONITOREN, Stage.BIJSTELLEN, Stage.BORGEN]


def seed_large_board(*, schools: int, staff: int, innovations: int, sessions: int, password: str):
    rng = random.Random(42)
    today = timezone.localdate()
    year = Schooljaar.current()
    hashed = make_password(password)
    board = Board.objects.create(name="Bench bestuur", slug="bench")
    school_rows = School.objects.bulk_create(
        School(board=board, name=f"Basisschool {n:02d}", slug=f"bench-{n:02d}")
        for n in range(schools)
    )
    users = User.objects.bulk_create(
        (
            User(
                username=f"bench{n}",
                full_name=f"Collega {n}",
                email=f"bench{n}@example.org",
                password=hashed,
            )
            for n in range(staff)
        ),
        batch_size=BATCH,
    )
    staff_user = User.objects.create(username="bench-bestuur", full_name="Bestuur", password=hashed)
    BoardStaff.objects.create(user=staff_user, board=board)

    per_school = staff // schools
    people = {
        school.pk: users[i * per_school : (i + 1) * per_school]
        for i, school in enumerate(school_rows)
    }
    memberships = []
    for school in school_rows:
        team = people[school.pk]
        for index, user in enumerate(team):
            role = (
                Role.SCHOOLLEIDER
                if index == 0
                else Role.TEACHER_LEADER
                if index <= TEACHER_LEADERS_PER_SCHOOL
                else Role.TEAMLID
            )
            memberships.append(Membership(user=user, school=school, role=role))
    Membership.objects.bulk_create(memberships, batch_size=BATCH)

    roles = TeacherLeaderRole.objects.bulk_create(
        TeacherLeaderRole(
            school=school,
            person=people[school.pk][n],
            kind="formal" if n == 1 else "informal",
            title=f"Coördinator {n}",
            focus="Beter onderwijs in dit thema",
            first_schooljaar=year.start_year - 1,
            last_schooljaar=year.start_year,
        )
        for school in school_rows
        for n in range(1, TEACHER_LEADERS_PER_SCHOOL + 1)
    )
    mandates = Mandate.objects.bulk_create(
        Mandate(
            role=role,
            version=1,
            leader_agreed_at=timezone.now(),
            schoolleider_agreed_at=timezone.now(),
        )
        for role in roles
    )
    MandateItem.objects.bulk_create(
        MandateItem(
            mandate=mandate, kind="authority", description=f"Beslissing {k}", decision="alone"
        )
        for mandate in mandates
        for k in range(3)
    )
    TimeAllotment.objects.bulk_create(
        TimeAllotment(role=role, schooljaar=year.start_year, amount=Decimal("20"), unit="dagdelen")
        for role in roles
    )
    TimeEntry.objects.bulk_create(
        (
            TimeEntry(
                role=role,
                worked_on=year.start
                + timedelta(days=rng.randint(0, max((today - year.start).days, 1))),
                hours=Decimal("2.5"),
                activity="Voorbereiden",
                within_school_time=rng.random() > 0.2,
            )
            for role in roles
            for _ in range(30)
        ),
        batch_size=BATCH,
    )

    plgs = []
    for school in school_rows:
        team = people[school.pk]
        for n in range(PLGS_PER_SCHOOL):
            plgs.append(PLG(school=school, name=f"PLG {n}", theme="Samen leren"))
    plgs = PLG.objects.bulk_create(plgs)
    plg_people = {}
    leader_links, member_links = [], []
    for plg in plgs:
        team = people[plg.school_id]
        leader = team[1 + plgs.index(plg) % TEACHER_LEADERS_PER_SCHOOL]
        members = rng.sample(team[TEACHER_LEADERS_PER_SCHOOL + 1 :], MEMBERS_PER_PLG)
        plg_people[plg.pk] = [leader, *members]
        leader_links.append(PLG.leaders.through(plg=plg, user=leader))
        member_links.extend(PLG.members.through(plg=plg, user=member) for member in members)
    PLG.leaders.through.objects.bulk_create(leader_links)
    PLG.members.through.objects.bulk_create(member_links, batch_size=BATCH)

    session_rows = Session.objects.bulk_create(
        (
            Session(
                plg=plgs[n % len(plgs)],
                held_on=today - timedelta(days=rng.randint(0, 4 * 365)),
                duration_minutes=60,
                work_kind="experiment",
                tried="Een nieuwe werkvorm in de klas",
                learned="Wat werkte en wat niet",
                status=SessionStatus.FINAL,
            )
            for n in range(sessions)
        ),
        batch_size=BATCH,
    )
    Attendance.objects.bulk_create(
        (
            Attendance(session=session, person=person, present=rng.random() > 0.15)
            for session in session_rows
            for person in plg_people[session.plg_id]
        ),
        batch_size=BATCH,
    )
    Agreement.objects.bulk_create(
        (
            Agreement(
                plg_id=session.plg_id,
                session=session,
                text="Lesbezoek plannen",
                owner=plg_people[session.plg_id][1],
                due_on=session.held_on + timedelta(days=14),
                done_on=None
                if session.held_on > today - timedelta(days=30)
                else session.held_on + timedelta(days=10),
            )
            for session in session_rows
        ),
        batch_size=BATCH,
    )

    innovation_rows = Innovation.objects.bulk_create(
        Innovation(
            school=school_rows[n % schools],
            title=f"Innovatie {n}",
            aanleiding="Analyse",
            goal="Beter leren",
            owner=people[school_rows[n % schools].pk][1],
            stage=STAGES[n % len(STAGES)],
            monitoring_what="x",
            monitoring_how="y",
            monitoring_when="z",
        )
        for n in range(innovations)
    )
    for innovation, plg in zip(innovation_rows, plgs, strict=False):
        innovation.plgs.add(plg)
    StageChange.objects.bulk_create(
        StageChange(innovation=innovation, from_stage="", to_stage=innovation.stage)
        for innovation in innovation_rows
    )
    MonitoringEntry.objects.bulk_create(
        MonitoringEntry(
            innovation=innovation,
            observed_on=today - timedelta(days=7 * k),
            method="observation",
            findings="Gezien",
        )
        for innovation in innovation_rows
        for k in range(3)
    )
    from tlschool.reminders.models import FeedToken

    teacher_leader = plg_people[plgs[0].pk][0]
    return {
        "schoolleider": people[school_rows[0].pk][0],
        "teacher_leader": teacher_leader,
        "plg": plgs[0],
        "board_staff": staff_user,
        # The teacher leader's calendar address: the feed is driven without a session.
        "feed_token": FeedToken.renew(teacher_leader),
    }
