"""Kept pages (tlschool/schools/kept_pages.py): served for the school's data version only,
never with another request's tokens, never stale after a write."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import PASSWORD, visible_text
from tests.factories import log_session
from tlschool.schools.models import KeptPage


@pytest.fixture
def reader(school, teacher_leader, teamlid):
    from tests.factories import make_plg

    plg = make_plg(school, teacher_leader, members=[teamlid])
    client = Client(enforce_csrf_checks=True)
    client.login(username=teamlid.username, password=PASSWORD)
    return plg, client


def test_the_second_read_is_kept_and_carries_its_own_tokens(reader, teacher_leader):
    plg, client = reader
    url = reverse("plg:detail", args=[plg.pk])
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert len(queries) < 8  # who asks, then the kept page
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    nonce = re.compile(r'nonce="([^"]+)"')
    assert token.search(second.text).group(1) != token.search(first.text).group(1)
    assert nonce.search(second.text).group(1) in second["Content-Security-Policy"]
    strip = lambda text: nonce.sub("", token.sub("", text)).replace(  # noqa: E731
        re.search(r'"x-csrftoken": "([^"]+)"', text).group(1), ""
    )
    assert strip(second.text) == strip(first.text)
    # The kept page's token is good for a form: switching the language works.
    response = client.post(
        reverse("set_language"),
        {"language": "en", "next": url, "csrfmiddlewaretoken": token.search(second.text).group(1)},
    )
    assert response.status_code == 302


def test_a_write_shows_on_the_very_next_read(reader, teacher_leader):
    plg, client = reader
    url = reverse("plg:detail", args=[plg.pk])
    client.get(url)
    client.get(url)
    log_session(plg, teacher_leader, learned="Kinderen tekenen de som eerst")
    assert "Kinderen tekenen de som eerst" in visible_text(client.get(url))


def test_a_message_is_never_lost_to_a_kept_page(reader, school, teacher_leader, login):
    plg, _client = reader
    leader = login(teacher_leader)
    url = reverse("plg:detail", args=[plg.pk])
    leader.get(url)
    leader.get(url)
    response = leader.post(reverse("plg:scan_open", args=[plg.pk]), follow=True)
    assert "De gezondheidsscan staat open" in visible_text(response)


def test_a_new_session_form_gets_a_key_of_its_own_each_time(login, reader, teacher_leader):
    plg, _client = reader
    client = login(teacher_leader)
    url = reverse("plg:session_new", args=[plg.pk])
    keys = {
        re.search(r'name="form_key" value="([^"]+)"', client.get(url).text).group(1)
        for _ in range(3)
    }
    assert len(keys) == 3
    assert KeptPage.objects.exists()


def test_a_school_added_to_the_person_shows_in_the_header_of_a_kept_page(
    reader, teamlid, other_school
):
    from tlschool.schools.models import Membership

    plg, client = reader
    url = reverse("plg:detail", args=[plg.pk])
    client.get(url)
    assert other_school.name not in client.get(url).text
    Membership.objects.create(user=teamlid, school=other_school, role="teamlid")
    assert other_school.name in client.get(url).text
