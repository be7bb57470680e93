"""Demo PLGs, each meeting on its own weekday and time, with a term of sessions: attendance,
and agreements open, overdue and done. Sessions keep to the plan and to the school's
holidays; what was tried and learned fits each PLG's theme."""

from datetime import time, timedelta

from django.utils import timezone

from plg import schedule, services
from plg.models import PLG, MeetingPlan, Protocol, WorkKind
from tlschool.reminders.demo import in_holiday

REKENEN = {
    "name": "PLG Rekenen",
    "theme": "Begrip bij rekenen met het drieslagmodel",
    "question": "Hoe helpt het drieslagmodel kinderen in groep 5 en 6 om bewerkingen te begrijpen?",
    "rhythm": "Om de twee weken, dinsdag 14.30",
    "weekday": 1,
    "every_weeks": 2,
    "starts_at": time(14, 30),
    "tried": [
        "Les met het drieslagmodel in groep 5; een collega keek mee met de kijkwijzer.",
        "Rekenverhalen laten tekenen voordat kinderen gaan rekenen.",
        "Toetsresultaten van de M-toets naast onze observaties gelegd.",
        "Hardop denken bij het oplossen van contextsommen.",
    ],
    "learned": [
        "Kinderen die het model tekenen, leggen hun aanpak beter uit.",
        "De groei zit vooral bij de middengroep; de zwakste rekenaars hebben meer nodig.",
        "Een vaste startopdracht scheelt uitleg aan het begin van de les.",
        "Hardop denken werkt pas als we het zelf eerst voordoen.",
    ],
}
LEZEN = {
    "name": "PLG Lezen",
    "theme": "Leesgesprekken over rijke teksten",
    "question": "Wat doen leesgesprekken met de leesmotivatie van onze leerlingen?",
    "rhythm": "Om de twee weken, donderdag 14.30",
    "weekday": 3,
    "every_weeks": 2,
    "starts_at": time(14, 30),
    "tried": [
        "Leesgesprek over een informatieve tekst; kinderen stelden zelf vragen.",
        "Gesprekskaartjes bij het voorlezen in groep 4.",
        "Kinderen kozen zelf een tekst uit de klassenbibliotheek.",
        "Leesgesprekken in groepjes van vier.",
    ],
    "learned": [
        "Open vragen van kinderen leveren meer gesprek op dan onze eigen vragen.",
        "In kleine groepjes komen ook de stille lezers aan het woord.",
        "Zelf kiezen verhoogt de motivatie, maar vraagt een ruimere bibliotheek.",
        "Gesprekskaartjes helpen in groep 4; in groep 7 remmen ze het gesprek.",
    ],
}
EIGENAARSCHAP = {
    "name": "PLG Eigenaarschap",
    "theme": "Kinderen stellen eigen leerdoelen",
    "question": "Welke vorm van kindgesprek helpt kinderen hun doelen te kiezen?",
    "rhythm": "Elke vier weken, woensdag 12.45",
    "weekday": 2,
    "every_weeks": 4,
    "starts_at": time(12, 45),
    "tried": [
        "Kindgesprekken van vijf minuten over één leerdoel.",
        "Een doelenmuur in groep 6 waar kinderen hun voortgang bijhouden.",
        "Kinderen formuleren hun doel in eigen woorden.",
    ],
    "learned": [
        "Vijf minuten is te kort in groep 3; in groep 7 werkt het goed.",
        "Kinderen kiezen haalbaardere doelen als ze een voorbeeld zien.",
        "De doelenmuur werkt als we er wekelijks samen naar kijken.",
    ],
}
TAAL = {
    "name": "PLG Woordenschat",
    "theme": "Woordenschat in alle vakken",
    "question": "Hoe zorgen we dat nieuwe woorden uit wereldoriëntatie blijven hangen?",
    "rhythm": "Om de twee weken, maandag 14.45",
    "weekday": 0,
    "every_weeks": 2,
    "starts_at": time(14, 45),
    "tried": [
        "Woordweb bij de start van een thema in groep 6.",
        "Elke dag drie nieuwe woorden herhalen met een woordspel.",
        "Woorden uit de zaakvakles terug laten komen in het schrijven.",
    ],
    "learned": [
        "Herhalen in een spel werkt beter dan een woordenlijst mee naar huis.",
        "Kinderen gebruiken woorden pas als ze ze zelf moeten uitleggen.",
        "Een gezamenlijke woordenlijst per thema helpt de duo-collega's.",
    ],
}
FEEDBACK = {
    "name": "PLG Formatief handelen",
    "theme": "Feedback die kinderen verder helpt",
    "question": "Welke feedback tijdens de les gebruiken kinderen echt?",
    "rhythm": "Om de drie weken, dinsdag 15.00",
    "weekday": 1,
    "every_weeks": 3,
    "starts_at": time(15, 0),
    "tried": [
        "Wisbordjes om aan het eind van de instructie te checken wie het snapt.",
        "Feedback in de vorm van één vraag in plaats van een cijfer.",
        "Kinderen geven elkaar feedback met twee tips en een top.",
    ],
    "learned": [
        "Met wisbordjes zien we in één oogopslag wie verlengde instructie nodig heeft.",
        "Een vraag als feedback zet kinderen meer aan het denken dan een cijfer.",
        "Feedback van klasgenoten werkt als we de criteria eerst samen maken.",
    ],
}
PLGS_BY_SCHOOL = {
    "de-regenboog": [REKENEN, LEZEN, EIGENAARSCHAP],
    "de-wegwijzer": [TAAL, FEEDBACK],
}
WORK_KINDS = [
    WorkKind.EXPERIMENT,
    WorkKind.LESSON_VISITS,
    WorkKind.DATA_ANALYSIS,
    WorkKind.LITERATURE,
]
SESSIONS = 8


# The first PLG uses the protocols and reaches all four of DuFour's questions; the second
# stays on the first two (the dashboard asks about it); the third went quiet.
PROTOCOLS = [Protocol.BORDSESSIE, Protocol.LESBEZOEK, Protocol.BORDSESSIE, Protocol.DATA_ANALYSE]
FOCUS = {
    Protocol.BORDSESSIE: "Elke les een zichtbaar leerdoel op het bord",
    Protocol.LESBEZOEK: "Hoe kinderen hun aanpak uitleggen",
    Protocol.DATA_ANALYSE: "De M-toets naast onze observaties",
    Protocol.LESONTWERP: "Een les waarin elk kind aan het woord komt",
}


def _protocol_and_questions(index: int, number: int) -> dict:
    if index == 0:
        protocol = PROTOCOLS[number % len(PROTOCOLS)]
        questions = {
            "q_learn": number % 3 == 0,
            "q_know": True,
            "q_not_learned": protocol == Protocol.DATA_ANALYSE or number % 5 == 1,
            "q_already": number % 6 == 5,
        }
    elif index == 1:
        protocol = Protocol.LESONTWERP if number % 2 else Protocol.OTHER
        questions = {"q_learn": True, "q_know": number % 2 == 0}
    else:
        return {}
    fields = {"protocol": protocol, "focus": FOCUS.get(protocol, ""), **questions}
    if protocol == Protocol.BORDSESSIE:
        fields["duration_minutes"] = 15
    return fields


# A health scan per term for the first two PLGs, growing a little each term; this term's is
# open with some answers.
SCAN_WEEKS_AGO = [46, 30, 8]


def _health_scans(plg, participants, today, index):
    from plg.health_scan import STATEMENT_KEYS

    for term, weeks in enumerate(SCAN_WEEKS_AGO):
        try:
            scan = services.scan_open(plg=plg, by=None, today=today - timedelta(weeks=weeks))
        except services.ScanRuleError:
            continue  # two of the dates fall in one term this time of year
        for number, person in enumerate(participants):
            scores = {
                key: min(5, 2 + term // 2 + (number + position + index) % 3 // 2 + (key[0] == "i"))
                for position, key in enumerate(STATEMENT_KEYS)
            }
            # The second PLG's members feel less room for the PLG in school time.
            if index == 1:
                scores.update({"o1": 2, "o3": 2})
            services.scan_answer(
                scan=scan,
                person=person,
                scores=scores,
                open_answer="Vaker bij elkaar in de klas kijken." if number == 1 else "",
            )
        services.scan_close(scan=scan)
    try:
        current = services.scan_open(plg=plg, by=None, today=today)
    except services.ScanRuleError:
        return
    for person in participants[:2]:
        services.scan_answer(scan=current, person=person, scores=dict.fromkeys(STATEMENT_KEYS, 4))


def _meeting_dates(plan, school, today, *, quiet_days: int) -> list:
    """The plan's past dates outside the holidays, the last one at least `quiet_days` ago."""
    dates = schedule.planned_dates(
        plan, [], today - timedelta(weeks=plan.every_weeks * 30), today - timedelta(days=1)
    )
    dates = [day for day in dates if not in_holiday(school, day)]
    dates = [day for day in dates if (today - day).days >= quiet_days]
    return dates[-SESSIONS:]


def _next_date(plan, school, after):
    for day in schedule.planned_dates(
        plan, [], after + timedelta(days=1), after + timedelta(days=120)
    ):
        if not in_holiday(school, day):
            return day
    return None


def seed(*, demo) -> None:
    school = demo.school
    if PLG.objects.filter(school=school).exists():
        return
    today = timezone.localdate()
    team = demo.team
    specs = PLGS_BY_SCHOOL.get(school.slug, [REKENEN, LEZEN])
    for index, (leader, spec) in enumerate(zip(demo.teacher_leaders, specs, strict=False)):
        plg = PLG.objects.create(
            school=school,
            name=spec["name"],
            theme=spec["theme"],
            research_question=spec["question"],
            rhythm=spec["rhythm"],
        )
        plg.leaders.set([leader])
        plg.members.set(team[index * 3 : index * 3 + 5])
        first_on = today - timedelta(weeks=52)
        first_on += timedelta(days=(spec["weekday"] - first_on.weekday()) % 7)
        plan = MeetingPlan.objects.create(
            plg=plg,
            first_on=first_on,
            every_weeks=spec["every_weeks"],
            starts_at=spec["starts_at"],
            duration_minutes=60,
        )
        participants = services.plg_participants(plg)
        # The third PLG has gone quiet: a signal on the dashboard.
        dates = _meeting_dates(plan, school, today, quiet_days=47 if index == 2 else 1)
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
                        "starts_at": spec["starts_at"],
                        "duration_minutes": 60 if number % 2 else 75,
                        "within_school_time": number % 4 != 3,
                        "work_kind": WORK_KINDS[number % len(WORK_KINDS)],
                        **_protocol_and_questions(index, number),
                        "tried": spec["tried"][number % len(spec["tried"])],
                        "learned": spec["learned"][number % len(spec["learned"])],
                        "private_notes": "Twee collega's vinden het tempo hoog."
                        if number == 3
                        else "",
                        "next_session_on": _next_date(plan, school, held_on),
                    },
                    present_ids=present,
                    agreements=agreements,
                    done_agreement_ids=done,
                ),
            )
        if index < 2:
            _health_scans(plg, participants, today, index)
