""" "Wacht op jou" at the top of every home page: what waits for the person's own step."""

import re
from datetime import timedelta
from html import unescape

from django.urls import reverse
from django.utils import timezone

from leaders import services as leader_services
from plg import services as plg_services
from tests.factories import log_session, make_plg, make_role


def waiting_box(client):
    """The text of the "Wacht op jou" box only."""
    html = client.get(reverse("home")).content.decode()
    start = html.find('id="waiting-title"')
    if start == -1:
        return ""
    box = html[start : html.index("</section>", start)]
    return " ".join(re.sub(r"<[^>]+>", " ", unescape(box)).split())


def test_a_changed_mandate_waits_for_the_teacher_leader_and_then_for_the_school(
    client_for, school, schoolleider, teacher_leader
):
    role = make_role(school, teacher_leader, title="Rekencoördinator")
    leader_services.mandate_item_add(
        role=role, kind="authority", description="Kiest de rekenspellen", decision="alone"
    )
    leader, head = client_for(teacher_leader), client_for(schoolleider)
    assert "Het mandaat van Rekencoördinator" in waiting_box(leader)
    leader_services.mandate_agree(role=role, by=teacher_leader, as_schoolleider=False)
    assert "Het mandaat van Rekencoördinator" not in waiting_box(leader)
    assert "Het mandaat van Rekencoördinator" in waiting_box(head)
    leader_services.mandate_agree(role=role, by=schoolleider, as_schoolleider=True)
    assert "Het mandaat van Rekencoördinator" not in waiting_box(head)


def test_agreements_due_this_week_or_late_and_sessions_to_reflect_on(
    client_for, school, teacher_leader, teamlid
):
    plg = make_plg(school, teacher_leader, members=[teamlid])
    session = log_session(
        plg,
        teacher_leader,
        present=[teacher_leader, teamlid],
        agreements=[("Kijkwijzer maken", teamlid, 3), ("Jaarplan lezen", teamlid, 20)],
        held_on=timezone.localdate() - timedelta(days=1),
    )
    box = waiting_box(client_for(teamlid))
    assert "Kijkwijzer maken" in box and "Jaarplan lezen" not in box
    assert "Wat bracht de bijeenkomst van PLG Rekenen je?" in box
    plg_services.reflection_add(session=session, author=teamlid, text="Veel geleerd")
    assert "Wat bracht de bijeenkomst" not in waiting_box(client_for(teamlid))
    assert "Wat bracht de bijeenkomst" not in waiting_box(client_for(teacher_leader))


def test_the_home_page_keeps_its_number_of_queries_as_more_waits(
    client_for, school, teacher_leader, teamlid, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(teamlid)

    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("home"))
        return len(queries)

    plg = make_plg(school, teacher_leader, members=[teamlid])
    log_session(
        plg, teacher_leader, present=[teacher_leader, teamlid], agreements=[("a", teamlid, 1)]
    )
    few = count()
    for n in range(5):
        other = make_plg(school, teacher_leader, members=[teamlid], name=f"PLG {n}")
        log_session(
            other,
            teacher_leader,
            present=[teacher_leader, teamlid],
            agreements=[(f"b{n}", teamlid, 2)],
        )
    assert count() == few


def test_the_menu_counts_what_the_home_page_lists(client_for, school, teacher_leader, teamlid):
    plg = make_plg(school, teacher_leader, members=[teamlid])
    client = client_for(teamlid)
    home = client.get(reverse("home")).text
    assert reverse("overview:waiting_count") in home  # the menu asks for the number
    assert "wacht" not in client.get(reverse("overview:waiting_count")).text  # nothing yet
    log_session(
        plg,
        teacher_leader,
        present=[teacher_leader, teamlid],
        agreements=[("Kijkwijzer maken", teamlid, 3)],
        held_on=timezone.localdate() - timedelta(days=1),
    )
    listed = re.search(r'id="waiting-title">.*?badge[^>]*>(\d+)<', client.get(reverse("home")).text)
    badge = client.get(reverse("overview:waiting_count")).text
    assert listed.group(1) == "2"
    assert re.sub(r"<[^>]+>", " ", badge).split()[:1] == ["2"]
    assert "2 dingen wachten op jou" in " ".join(re.sub(r"<[^>]+>", " ", badge).split())
