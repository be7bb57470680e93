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


def member(school, role, username, full_name=None):
    user = UserFactory(username=username, full_name=full_name or username.replace("_", " ").title())
    MembershipFactory(user=user, school=school, role=role)
    return user
