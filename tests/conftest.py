import os

import pytest

from tests.factories import AmbitionFactory, BoardStaffFactory, SchoolFactory, UserFactory, member
from tlschool.schools.models import Role

# Playwright's sync API runs an event loop in the test thread; the ORM calls beside it are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "secret-pass-123"


def _remove_test_databases_of_ended_runs():
    """Each run has its own test database, test_<name>_<pid>; drop those whose run is gone."""
    import re

    import psycopg
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] != "django.db.backends.postgresql":
        return
    prefix = f"test_{database['NAME']}_"
    params = {
        "host": database["HOST"],
        "port": database["PORT"] or 5432,
        "user": database["USER"],
        "password": database["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**params) as connection:
        names = [row[0] for row in connection.execute("SELECT datname FROM pg_database")]
        for name in names:
            match = re.fullmatch(re.escape(prefix) + r"(\d+)", name)
            if match and not _process_alive(int(match[1])):
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def pytest_configure(config):
    try:
        _remove_test_databases_of_ended_runs()
    except Exception as error:  # the run goes on; pytest-django reports a database that is down
        print(f"Could not look for old test databases: {error}")


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
