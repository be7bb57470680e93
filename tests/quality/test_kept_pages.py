"""Every table a kept page reads raises the school's version when it changes, or belongs to
the page's key: so a kept page is never served after a change (tlschool/schools/kept_pages.py)."""

import re

from django.apps import apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tlschool.schools.versions import SCHOOL_OF

# Tables a kept page may read although their changes do not raise the school's version:
# what finds out who asks (their session, account, boards; each in the page's key), the kept
# rows themselves (stored under versions), and what is the same for every school.
KEYED = {
    "django_session",
    "accounts_user",
    "schools_boardstaff",
    "schools_board",
    "schools_keptpage",
    "overview_keptsummary",
    "overview_kepthealth",
    "overview_qualitystandard",
    "django_content_type",
    "reminders_feedtoken",
}
TABLE = re.compile(r'(?:FROM|JOIN)\s+"([a-z0-9_]+)"')


READERS = ["teamlid", "teacher_leader", "schoolleider", "board_staff"]


def kept_pages(world):
    """Every kept page (each read by every role that may read it)."""
    return [
        reverse("home"),
        reverse("leaders:who_leads_what"),
        reverse("plg:list"),
        reverse("plg:detail", args=[world.plg.pk]),
        reverse("plg:session_new", args=[world.plg.pk]),
        reverse("overview:board"),
    ]


def model_of_table():
    """{table: model label}; a many-to-many table counts as its model's own (its changes
    reach the version through the model's signals)."""
    found = {}
    for model in apps.get_models(include_auto_created=True):
        owner = model
        if model._meta.auto_created:
            owner = model._meta.auto_created
        found[model._meta.db_table] = owner._meta.label
    return found


def test_every_table_a_kept_page_reads_raises_the_version_or_is_in_the_key(
    world, client_for, request
):
    labels = model_of_table()
    unversioned = {}

    def note_missed(queries, where):
        for query in queries.captured_queries:
            for table in TABLE.findall(query["sql"]):
                label = labels.get(table, table)
                if not (table in KEYED or SCHOOL_OF.get(label)):
                    unversioned.setdefault(label, set()).add(where)

    read = 0
    for who in READERS:
        client = client_for(request.getfixturevalue(who))
        for url in kept_pages(world):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            if response.status_code == 200:
                read += 1
                note_missed(queries, f"{who} {url}")
    assert read >= 14  # every page by every role that may read it
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(reverse("reminders:feed", args=[world.feed_token])).status_code == 200
    note_missed(queries, "calendar feed")
    assert not unversioned, f"kept pages read tables whose changes they would miss: {unversioned}"
