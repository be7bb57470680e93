"""The demo board: two schools with their teams. Safe to run again: nothing is duplicated."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from tlschool.schools.models import Ambition, Board, BoardStaff, Membership, Role, School

SCHOOLS = [
    {
        "slug": "de-regenboog",
        "name": "OBS De Regenboog",
        "vision": "Elk kind leert op zijn eigen manier, samen met anderen, in een veilige school.",
        "ambitions": [
            ("Sterk rekenonderwijs", "Kinderen begrijpen wat ze rekenen en passen het toe."),
            ("Begrijpend lezen met plezier", "Rijke teksten en gesprekken over wat we lezen."),
            ("Eigenaarschap van leerlingen", "Kinderen stellen doelen en volgen hun groei."),
            ("Wetenschap & technologie", "Onderzoekend en ontwerpend leren in alle groepen."),
        ],
        "schoolleider": ("schoolleider", "Marieke de Vries"),
        "teacher_leaders": [
            ("teacherleader", "Sanne Jansen"),
            ("tl.ahmed", "Yusuf Ahmed"),
            ("tl.vandijk", "Eva van Dijk"),
        ],
        "teamlid": ("teamlid", "Thomas Bakker"),
        "team": [
            "Lotte Visser",
            "Daan Smit",
            "Fatima el Amrani",
            "Noah de Boer",
            "Emma Mulder",
            "Lucas de Groot",
            "Sophie Bos",
            "Jesse Vos",
            "Anna Peters",
            "Milan Hendriks",
            "Julia van Leeuwen",
        ],
    },
    {
        "slug": "de-wegwijzer",
        "name": "CBS De Wegwijzer",
        "vision": "Samen groeien: we leren van en met elkaar.",
        "ambitions": [
            ("Taal in alle vakken", "Woordenschat en taalbegrip in elke les."),
            ("Formatief handelen", "Feedback die kinderen verder helpt."),
            ("Passend onderwijs in de groep", "Zorg zo dicht mogelijk bij de leerkracht."),
        ],
        "schoolleider": ("schoolleider2", "Peter van den Berg"),
        "teacher_leaders": [("tl.kok", "Iris Kok"), ("tl.dekker", "Bram Dekker")],
        "teamlid": ("teamlid2", "Femke Meijer"),
        "team": [
            "Ruben Jacobs",
            "Lisa van der Linden",
            "Sem Willems",
            "Zoë Brouwer",
            "Thijs Koster",
            "Nina Prins",
            "Stijn Huisman",
            "Mila Schouten",
            "Tim Verbeek",
            "Sara Kuipers",
        ],
    },
]
BOARD_STAFF = ("bestuur", "Karin Smeets")


@dataclass
class DemoSchool:
    school: School
    schoolleider: object
    teacher_leaders: list
    team: list  # everyone but the schoolleider and teacher leaders


def _user(username: str, full_name: str, password: str):
    User = get_user_model()
    user, _created = User.objects.get_or_create(
        username=username,
        defaults={"full_name": full_name, "email": f"{username.replace('.', '-')}@demo.school"},
    )
    user.set_password(password)
    user.save(update_fields=["password"])
    return user


def _member(user, school: School, role: str):
    Membership.objects.update_or_create(user=user, school=school, defaults={"role": role})
    return user


def _username_for(full_name: str, school_slug: str) -> str:
    ascii_name = full_name.lower().replace("ë", "e").replace(" ", ".")
    return f"{ascii_name}.{school_slug.split('-')[-1]}"


def seed_schools(*, password: str) -> tuple[Board, list[DemoSchool], object]:
    board, _created = Board.objects.get_or_create(
        slug="rivierenland", defaults={"name": "Stichting Primair Onderwijs Rivierenland"}
    )
    board_user = _user(*BOARD_STAFF, password)
    BoardStaff.objects.get_or_create(user=board_user, board=board)
    result = []
    for spec in SCHOOLS:
        school, _created = School.objects.get_or_create(
            slug=spec["slug"],
            defaults={"board": board, "name": spec["name"], "vision": spec["vision"]},
        )
        for position, (title, description) in enumerate(spec["ambitions"], start=1):
            Ambition.objects.get_or_create(
                school=school,
                title=title,
                defaults={"description": description, "position": position},
            )
        leader = _member(_user(*spec["schoolleider"], password), school, Role.SCHOOLLEIDER)
        teacher_leaders = [
            _member(_user(username, name, password), school, Role.TEACHER_LEADER)
            for username, name in spec["teacher_leaders"]
        ]
        team = [_member(_user(*spec["teamlid"], password), school, Role.TEAMLID)]
        team += [
            _member(_user(_username_for(name, spec["slug"]), name, password), school, Role.TEAMLID)
            for name in spec["team"]
        ]
        result.append(DemoSchool(school, leader, teacher_leaders, team))
    return board, result, board_user
