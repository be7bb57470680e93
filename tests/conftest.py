import os

import pytest

from tests.factories import AmbitionFactory, BoardStaffFactory, SchoolFactory, UserFactory, member
from tlschool.schools.models import Role

# Playwright's sync API runs an event loop in the test thread; the ORM calls beside it are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "secret-pass-123"


@pytest.fixture
def school(db):
    return SchoolFactory(name="OBS De Regenboog")


@pytest.fixture
def other_school(db):
    return SchoolFactory(name="CBS Andere School")


@pytest.fixture
def ambition(school):
    return AmbitionFactory(school=school, title="Sterk rekenonderwijs")


@pytest.fixture
def schoolleider(school):
    return member(school, Role.SCHOOLLEIDER, "schoolleider", "Marieke de Vries")


@pytest.fixture
def teacher_leader(school):
    return member(school, Role.TEACHER_LEADER, "teacher_leader", "Sanne Jansen")


@pytest.fixture
def teamlid(school):
    return member(school, Role.TEAMLID, "teamlid", "Thomas Bakker")


@pytest.fixture
def other_school_leader(other_school):
    return member(other_school, Role.SCHOOLLEIDER, "other_school_leader", "Peter Anders")


@pytest.fixture
def board_staff(school):
    staff = UserFactory(username="board_staff", full_name="Karin Smeets")
    BoardStaffFactory(user=staff, board=school.board)
    return staff


@pytest.fixture
def login(client):
    """Log `user` in on the test client and return the client."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def client_for(db):
    """A client of its own, signed in as `user`: for tests where several people read at once."""
    from django.test import Client

    def _client_for(user):
        client = Client()
        client.force_login(user)
        return client

    return _client_for


def visible_text(response) -> str:
    """The page's text as a person reads it: tags dropped, white space folded."""
    import html
    import re

    text = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\s+", " ", html.unescape(text))
