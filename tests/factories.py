import factory
from django.contrib.auth import get_user_model

from tlschool.schools.models import Ambition, Board, BoardStaff, Membership, Role, School


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Faker("name", locale="nl_NL")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("secret-pass-123")


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Board

    name = factory.Sequence(lambda n: f"Stichting {n}")
    slug = factory.Sequence(lambda n: f"board-{n}")
    # Off in tests that are not about it (they sign schoolleiders in with a password only);
    # tests/signin switch it on. The model's default, for real boards, is on.
    two_factor_for_leaders = False


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    board = factory.SubFactory(BoardFactory)
    name = factory.Sequence(lambda n: f"Basisschool {n}")
    slug = factory.Sequence(lambda n: f"school-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    school = factory.SubFactory(SchoolFactory)
    role = Role.TEAMLID


class BoardStaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoardStaff

    user = factory.SubFactory(UserFactory)
    board = factory.SubFactory(BoardFactory)


class AmbitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ambition

    school = factory.SubFactory(SchoolFactory)
    title = factory.Sequence(lambda n: f"Ambitie {n}")


def member(school, role, username, full_name=None, **fields):
    user = UserFactory(
        username=username, full_name=full_name or username.replace("_", " ").title(), **fields
    )
    MembershipFactory(user=user, school=school, role=role)
    return user


def make_role(school, person, *, title="Rekencoördinator", kind="formal", ambition=None, **fields):
    """A teacher-leader role made the way the app makes it (with mandate version 1)."""
    from leaders import services
    from tlschool.schools.schooljaar import Schooljaar

    year = Schooljaar.current().start_year
    defaults = {
        "kind": kind,
        "title": title,
        "focus": "Rekenonderwijs met begrip",
        "expertise": "",
        "function_note": "",
        "ambition": ambition,
        "first_schooljaar": year,
        "last_schooljaar": year,
    }
    defaults.update(fields)
    return services.role_create(school=school, person=person, by=None, **defaults)


def make_plg(school, leader, members=(), name="PLG Rekenen"):
    from plg.models import PLG

    plg = PLG.objects.create(school=school, name=name, theme="Rekenen met begrip")
    plg.leaders.set([leader])
    plg.members.set(members)
    return plg


def make_innovation(school, owner, *, title="Drieslagmodel", plgs=(), **fields):
    from innovations import services

    defaults = {"aanleiding": "Toetsresultaten", "goal": "Begrip bij rekenen"}
    defaults.update(fields)
    return services.innovation_create(
        school=school, by=None, owner=owner, title=title, plgs=plgs, **defaults
    )


def log_session(plg, by, *, present=(), agreements=(), **fields):
    """A final session logged the way the app logs it. `agreements`: (text, owner, days ahead)."""
    from datetime import timedelta

    from django.utils import timezone

    from plg import services

    today = timezone.localdate()
    fields = {"held_on": today, "duration_minutes": 60, "learned": "x", **fields}
    return services.session_save(
        plg=plg,
        session=None,
        by=by,
        final=True,
        revision=None,
        data=services.SessionInput(
            fields=fields,
            present_ids={person.pk for person in present},
            agreements=[
                services.AgreementRow(text, owner, today + timedelta(days=days))
                for text, owner, days in agreements
            ],
        ),
    )
