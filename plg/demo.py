"""Demo PLGs with a term of sessions: attendance, and agreements open, overdue and done."""

from datetime import time, timedelta

from django.utils import timezone

from plg import services
from plg.models import PLG, WorkKind

PLGS = [
    {
        "name": "PLG Rekenen",
        "theme": "Begrip bij rekenen met het drieslagmodel",
        "question": "Hoe helpt het drieslagmodel kinderen in groep 5 en 6 om bewerkingen te begrijpen?",
        "rhythm": "Om de twee weken, dinsdag 14.30",
    },
    {
        "name": "PLG Lezen",
        "theme": "Leesgesprekken over rijke teksten",
        "question": "Wat doen leesgesprekken met de leesmotivatie van onze leerlingen?",
        "rhythm": "Om de twee weken, donderdag 14.30",
    },
    {
        "name": "PLG Eigenaarschap",
        "theme": "Kinderen stellen eigen leerdoelen",
        "question": "Welke vorm van kindgesprek helpt kinderen hun doelen te kiezen?",
        "rhythm": "Maandelijks",
    },
]
TRIED = [
    "Les met het drieslagmodel in groep 5; collega keek mee met de kijkwijzer.",
    "Leesgesprek met een informatieve tekst; kinderen stelden zelf vragen.",
    "Kindgesprekken van vijf minuten over één leerdoel.",
    "Toetsresultaten van M-toets naast de observaties gelegd.",
]
LEARNED = [
    "Kinderen die het model tekenen, leggen hun aanpak beter uit.",
    "Open vragen van kinderen leveren meer gesprek op dan onze eigen vragen.",
    "Vijf minuten is te kort in groep 3; in groep 7 werkt het goed.",
    "De groei zit vooral bij de middengroep; de zwakste rekenaars hebben meer nodig.",
]


def seed(*, demo) -> None:
    school = demo.school
    if PLG.objects.filter(school=school).exists():
        return
    today = timezone.localdate()
    team = demo.team
    for index, (leader, spec) in enumerate(zip(demo.teacher_leaders, PLGS, strict=False)):
        plg = PLG.objects.create(
            school=school,
            name=spec["name"],
            theme=spec["theme"],
            research_question=spec["question"],
            rhythm=spec["rhythm"],
        )
        plg.leaders.set([leader])
        plg.members.set(team[index * 3 : index * 3 + 5])
        participants = services.plg_participants(plg)
        # A term of sessions every two weeks, the last one about a week ago (for index 2: long ago).
        last = today - timedelta(days=7 + index * 40)
        dates = [last - timedelta(days=14 * n) for n in range(7, -1, -1)]
        previous = None
        for number, held_on in enumerate(dates):
            absent = {participants[(number + 1) % len(participants)].pk} if number % 2 else set()
            present = {p.pk for p in participants} - absent
            owner_a = participants[number % len(participants)]
            owner_b = participants[(number + 2) % len(participants)]
            agreements = [
                services.AgreementRow(
                    f"Lesbezoek plannen bij {owner_b}", owner_a, held_on + timedelta(days=10)
                ),
                services.AgreementRow(
                    "Observaties delen in de gedeelde map", owner_b, held_on + timedelta(days=20)
                ),
            ]
            done = {a.pk for a in previous.agreements.all()} if previous and number % 3 else set()
            previous = services.session_save(
                plg=plg,
                session=None,
                by=leader,
                final=True,
                revision=None,
                data=services.SessionInput(
                    fields={
                        "held_on": held_on,
                        "starts_at": time(14, 30),
                        "duration_minutes": 60 if number % 2 else 75,
                        "within_school_time": number % 4 != 3,
                        "work_kind": [
                            WorkKind.EXPERIMENT,
                            WorkKind.LESSON_VISITS,
                            WorkKind.DATA_ANALYSIS,
                            WorkKind.LITERATURE,
                        ][number % 4],
                        "tried": TRIED[(number + index) % len(TRIED)],
                        "learned": LEARNED[(number + index) % len(LEARNED)],
                        "private_notes": "Twee collega's vinden het tempo hoog."
                        if number == 3
                        else "",
                        "next_session_on": held_on + timedelta(days=14),
                    },
                    present_ids=present,
                    agreements=agreements,
                    done_agreement_ids=done,
                ),
            )
        if index == 0:
            services.session_save(
                plg=plg,
                session=None,
                by=leader,
                final=False,
                revision=None,
                data=services.SessionInput(
                    fields={"held_on": today, "tried": "Nog aanvullen na de bijeenkomst."},
                    present_ids={p.pk for p in participants},
                ),
            )
