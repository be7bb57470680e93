"""Demo teacher-leader roles: formal and informal, mandates in several states, time, scholing."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from leaders import services
from leaders.models import (
    Course,
    CourseStatus,
    Decision,
    MandateItemKind,
    RoleKind,
    Skill,
    TeacherLeaderRole,
    TimeEntry,
    TimeUnit,
)
from tlschool.schools.schooljaar import Schooljaar

ROLES = [
    {
        "kind": RoleKind.FORMAL,
        "title": "Rekencoördinator",
        "focus": "Rekenonderwijs waarin kinderen begrijpen wat ze doen, met het drieslagmodel.",
        "expertise": "Master Leren en Innoveren; rekendidactiek; data-analyse van toetsen.",
        "function_note": "LB-functie",
        "state": "agreed_announced",
        "allot": (Decimal("40"), TimeUnit.DAGDELEN),
        "outside_share": 0.1,
    },
    {
        "kind": RoleKind.INFORMAL,
        "title": "Kartrekker begrijpend lezen",
        "focus": "Rijke teksten en leesgesprekken in groep 4 tot en met 8.",
        "expertise": "Leesbevordering, coöperatieve werkvormen.",
        "function_note": "",
        "state": "agreed_not_announced",
        "allot": (Decimal("60"), TimeUnit.HOURS),
        "outside_share": 0.45,
    },
    {
        "kind": RoleKind.INFORMAL,
        "title": "Initiator eigenaarschap",
        "focus": "Kinderen stellen hun eigen leerdoelen en volgen hun groei.",
        "expertise": "Formatief handelen, kindgesprekken.",
        "function_note": "",
        "state": "draft",
        "allot": (Decimal("10"), TimeUnit.DAGDELEN),
        "outside_share": 0.0,
    },
]
MANDATE = [
    (
        MandateItemKind.RESPONSIBILITY,
        "Het verbeterplan voor dit thema opstellen en bewaken",
        Decision.ALONE,
    ),
    (
        MandateItemKind.AUTHORITY,
        "Lesmateriaal en werkvormen kiezen binnen het budget",
        Decision.AFTER_CONSULTING,
    ),
    (MandateItemKind.AUTHORITY, "Collega's uitnodigen voor lesbezoek en PLG", Decision.ALONE),
    (MandateItemKind.RESPONSIBILITY, "Scholing voor het team voorstellen", Decision.PROPOSES),
]
ACTIVITIES = [
    "PLG voorbereiden",
    "Lesbezoek",
    "Toetsdata analyseren",
    "Overleg schoolleider",
    "Literatuur lezen",
]


def seed(*, demo) -> None:
    school = demo.school
    if TeacherLeaderRole.objects.filter(school=school).exists():
        return
    year = Schooljaar.current()
    today = timezone.localdate()
    for index, (person, spec) in enumerate(zip(demo.teacher_leaders, ROLES, strict=False)):
        ambition = school.ambitions.all()[index % school.ambitions.count()]
        role = services.role_create(
            school=school,
            person=person,
            by=demo.schoolleider,
            kind=spec["kind"],
            title=spec["title"],
            focus=spec["focus"],
            expertise=spec["expertise"],
            function_note=spec["function_note"],
            ambition=ambition,
            first_schooljaar=year.start_year - (1 if index == 0 else 0),
            last_schooljaar=year.start_year,
        )
        for kind, description, decision in MANDATE[: 4 - index]:
            services.mandate_item_add(
                role=role, kind=kind, description=description, decision=decision
            )
        if spec["state"] != "draft":
            services.mandate_agree(role=role, by=demo.schoolleider, as_schoolleider=True)
            services.mandate_agree(role=role, by=person, as_schoolleider=False)
        if index == 0:
            # A later change: version 2 waits for both agreements again, version 1 stays readable.
            services.mandate_item_add(
                role=role,
                kind=MandateItemKind.AUTHORITY,
                description="Toetskalender rekenen vaststellen",
                decision=Decision.AFTER_CONSULTING,
            )
            services.mandate_agree(role=role, by=demo.schoolleider, as_schoolleider=True)
            services.mandate_agree(role=role, by=person, as_schoolleider=False)
        if spec["state"] == "agreed_announced":
            services.announcement_record(
                role=role,
                by=demo.schoolleider,
                announced_on=max(year.start, today - timedelta(days=60)),
                channel="team_meeting",
                text=f"{person} is onze {spec['title'].lower()}: zij leidt de verbetering van "
                f"het {ambition.title.lower()} en mag daarover beslissen zoals in het mandaat staat.",
            )
            # Most of the team took it in; the first role's team less so (a signal to see).
            share = 0.3 if index == 0 else 0.7
            colleagues = [p for p in demo.team if p != person]
            for colleague in colleagues[: int(len(colleagues) * share)]:
                services.recognition_set(role=role, person=colleague, knows=True)
        amount, unit = spec["allot"]
        services.allotment_set(role=role, schooljaar=year.start_year, amount=amount, unit=unit)
        _time_entries(role, year, today, spec["outside_share"])
        Course.objects.create(
            school=school,
            person=person,
            name="Master Leren en Innoveren" if index == 0 else "Leergang teacher leadership",
            provider="Hogeschool" if index == 0 else "Onderwijsacademie",
            starts_on=year.start - timedelta(days=365 * (1 - index % 2)),
            ends_on=year.end,
            status=CourseStatus.RUNNING if index < 2 else CourseStatus.PLANNED,
        )
        for step, skill in enumerate([Skill.LISTENING, Skill.RESISTANCE, Skill.INVOLVING]):
            for months_ago, score in ((5, 2 + step % 2), (2, 3 + step % 2)):
                services.self_assessment_add(
                    school=school,
                    person=person,
                    skill=skill,
                    score=min(score, 5),
                    assessed_on=today - timedelta(days=30 * months_ago),
                )
        services.dialogue_note_add(
            school=school,
            person=person,
            author=demo.schoolleider,
            held_on=today - timedelta(days=21),
            text="Goed gesprek over tempo: liever twee groepen goed dan acht half.",
        )
    _conversation(demo, year, today)


def _conversation(demo, year, today):
    """Two years of growth profile for the first teacher leader, a check-in, a round of
    feedback with one answer, a learning goal of the schoolleider and one aspiring colleague."""
    from leaders.models import (
        Aspiration,
        FeedbackAnswer,
        FeedbackRequest,
        GrowthAgreement,
        GrowthScore,
        GrowthStep,
        LeadershipGoal,
        WellbeingCheckIn,
    )

    school, first = demo.school, demo.teacher_leaders[0]
    profile = [
        ("culture", 2, 3, "Een PLG-bijeenkomst zelf voorbereiden en leiden."),
        ("instruction", 3, 4, "Twee lesbezoeken per maand met de kijkwijzer."),
        ("resistance", 2, 3, "Bij weerstand eerst vragen wat collega's nodig hebben."),
    ]
    for years_back, bump in ((1, 0), (0, 1)):
        schooljaar = year.start_year - years_back
        for area, earlier, later, step in profile:
            level = earlier + bump if years_back == 0 else earlier
            for scorer, score in (("self", level), ("schoolleider", min(5, level + 1))):
                GrowthScore.objects.create(
                    school=school,
                    person=first,
                    schooljaar=schooljaar,
                    area=area,
                    scorer=scorer,
                    score=score,
                )
            GrowthAgreement.objects.create(
                school=school,
                person=first,
                schooljaar=schooljaar,
                area=area,
                level=min(later, level),
                next_step=step,
            )
    WellbeingCheckIn.objects.create(
        school=school,
        person=first,
        held_on=today - timedelta(days=21),
        energy=3,
        workload=4,
        recorded_by=demo.schoolleider,
    )
    LeadershipGoal.objects.create(
        school=school,
        author=demo.schoolleider,
        text="Mijn teacher leaders vaker vragen wat ze van mij nodig hebben.",
    )
    asked = FeedbackRequest.objects.create(
        school=school, asked_by=demo.schoolleider, asked_on=today - timedelta(days=10)
    )
    FeedbackAnswer.objects.create(
        request=asked,
        person=first,
        time="Een dagdeel extra rond de toetsweken.",
        support="Samen het team vertellen wat er met de toetsen verandert.",
    )
    if len(demo.team) > 1:
        wish = Aspiration.objects.create(
            school=school,
            person=demo.team[1],
            theme="Lezen",
            why="Ik wil het leesplezier in de bovenbouw trekken en leren hoe je een team meekrijgt.",
        )
        GrowthStep.objects.create(
            aspiration=wish,
            kind="co_lead",
            description="PLG Lezen mee leiden",
            taken_on=today - timedelta(days=30),
            recorded_by=demo.schoolleider,
        )


def _time_entries(role, year, today, outside_share):
    days = [
        day for day in (year.start + timedelta(days=n) for n in range(0, 365, 6)) if day <= today
    ]
    days = [day for day in days if day.weekday() < 5][:24]
    entries = []
    for number, day in enumerate(days):
        outside = outside_share and (number % 10) < round(outside_share * 10)
        entries.append(
            TimeEntry(
                role=role,
                worked_on=day,
                hours=Decimal("2.5") if number % 3 else Decimal("4"),
                activity=ACTIVITIES[number % len(ACTIVITIES)],
                within_school_time=not outside,
            )
        )
    TimeEntry.objects.bulk_create(entries)
