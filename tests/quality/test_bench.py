"""The load benchmark drives pages that exist and answer: seeded small, each page it drives is
opened by the person it drives it as, with the same number of queries it reports."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.run import pages_to_drive
from bench.seed import seed_large_board

pytestmark = pytest.mark.urls("bench.urls")


def tables_read(captured) -> list[str]:
    """The table each query reads or writes (a kept summary is written with INSERT)."""
    return [re.search(r'(?:FROM|INTO|UPDATE) "(\w+)"', query["sql"]).group(1) for query in captured]


@pytest.fixture
def people(db):
    return seed_large_board(schools=2, staff=40, innovations=6, sessions=60, password="bench")


def test_every_page_the_benchmark_drives_answers_its_visitor(client, people):
    for name, (path, who) in pages_to_drive(people["plg"].pk, people["feed_token"]).items():
        client.logout()
        if who:
            client.force_login(people[who])
        response = client.get(path)
        assert response.status_code == 200, name


def test_the_signed_in_floor_is_what_the_dashboard_does_first(client, people):
    client.force_login(people["schoolleider"])
    with CaptureQueriesContext(connection) as floor:
        assert client.get("/bench/signed-in").content == b"ok"
    with CaptureQueriesContext(connection) as dashboard:
        client.get("/")
    floor_tables = tables_read(floor)
    assert floor_tables == [
        "django_session",
        "accounts_user",
        "schools_membership",
        "schools_boardstaff",
    ]
    assert tables_read(dashboard)[: len(floor_tables)] == floor_tables


def test_the_floor_refuses_who_is_not_in_a_school(client, people, django_user_model):
    client.force_login(django_user_model.objects.create(username="nobody"))
    assert client.get("/bench/signed-in").status_code == 403
