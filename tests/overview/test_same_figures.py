"""A figure shown on several pages says the same on each: the role page, Wie leidt wat, the
innovation page, the dashboard, the board overview, the exports and the year report. Each
test builds its data once and reads every page; a second formula anywhere makes it fail."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from innovations import services as innovation_services
from leaders import services as leader_services
from tests.conftest import visible_text
from tests.factories import make_innovation, make_role
from tlschool.schools.schooljaar import Schooljaar


def csv_text(response) -> str:
    return response.content.decode("utf-8-sig")


@pytest.fixture
def role(school, teacher_leader):
    """Three dagdelen of 4 hours allotted, 3 hours within and 1 outside school time used, and
    a mandate the teacher leader agreed to but the schoolleider not yet."""
    role = make_role(school, teacher_leader, title="Rekencoördinator")
    leader_services.allotment_set(
        role=role, schooljaar=Schooljaar.current().start_year, amount=Decimal("3"), unit="dagdelen"
    )
    today = timezone.localdate()
    for hours, within in ((Decimal("3"), True), (Decimal("1"), False)):
        leader_services.time_entry_add(
            role=role, worked_on=today, hours=hours, activity="PLG", within_school_time=within
        )
    leader_services.mandate_item_add(
        role=role, kind="authority", description="Kiest de rekenmethode", decision="alone"
    )
    leader_services.mandate_agree(role=role, by=teacher_leader, as_schoolleider=False)
    leader_services.announcement_record(
        role=role, by=None, announced_on=today, channel="team_meeting", text="Sanne leidt rekenen"
    )
    return role


def test_hours_from_dagdelen_read_the_same_everywhere(
    client_for, role, schoolleider, board_staff, settings
):
    role_page = visible_text(client_for(schoolleider).get(reverse("leaders:role", args=[role.pk])))
    dashboard = visible_text(client_for(schoolleider).get(reverse("overview:dashboard")))
    totals = csv_text(client_for(board_staff).get(reverse("overview:export_time")))
    assert "4 van 12 uur gebruikt" in role_page
    assert "4 / 12 u (33%)" in dashboard
    assert "Sanne Jansen;Rekencoördinator;12;4;1;25" in totals
    assert "25%" in dashboard


def test_mandate_agreed_needs_both_sides_on_every_page(
    client_for, role, schoolleider, teacher_leader, board_staff
):
    def readings():
        return {
            "role page": visible_text(
                client_for(schoolleider).get(reverse("leaders:role", args=[role.pk]))
            ),
            "dashboard": visible_text(client_for(schoolleider).get(reverse("overview:dashboard"))),
            "board": visible_text(client_for(board_staff).get(reverse("overview:board"))),
            "wie leidt wat": visible_text(
                client_for(teacher_leader).get(reverse("leaders:who_leads_what"))
            ),
            "report": visible_text(client_for(schoolleider).get(reverse("overview:report"))),
        }

    one_side = readings()
    assert "nog niet door jullie beiden akkoord" in one_side["role page"]
    assert "niet gepositioneerd" in one_side["dashboard"]
    assert "heeft geen afgesproken mandaat" in one_side["dashboard"]
    assert "1 (0)" in one_side["board"]
    assert "Kiest de rekenmethode" not in one_side["wie leidt wat"]
    assert "Kiest de rekenmethode" not in one_side["report"]

    leader_services.mandate_agree(role=role, by=schoolleider, as_schoolleider=True)
    both = readings()
    assert "nog niet door jullie beiden akkoord" not in both["role page"]
    assert "niet gepositioneerd" not in both["dashboard"]
    assert "heeft geen afgesproken mandaat" not in both["dashboard"]
    assert "1 (1)" in both["board"]
    assert "Kiest de rekenmethode" in both["wie leidt wat"]
    assert "Kiest de rekenmethode" in both["report"]


def test_a_role_of_last_year_shows_in_last_year_only(
    client_for, school, teamlid, schoolleider, board_staff
):
    last_year = Schooljaar.current().previous()
    make_role(
        school,
        teamlid,
        title="Kartrekker W&T",
        first_schooljaar=last_year.start_year,
        last_schooljaar=last_year.start_year,
    )
    pages = [
        (schoolleider, "leaders:who_leads_what"),
        (schoolleider, "overview:dashboard"),
        (schoolleider, "overview:report"),
        (board_staff, "overview:board"),
        (board_staff, "overview:export_time"),
    ]
    for user, name in pages:
        now = client_for(user).get(reverse(name)).content.decode("utf-8-sig")
        then = client_for(user).get(reverse(name), {"schooljaar": last_year.label})
        if name == "overview:board":
            assert "0 (0)" in visible_text(client_for(user).get(reverse(name))), name
            assert "1 (0)" in visible_text(then), name
        else:
            assert "Kartrekker W&amp;T" not in now and "Kartrekker W&T" not in now, name
            assert "Kartrekker W&" in then.content.decode("utf-8-sig"), name


@pytest.mark.parametrize("slowed", [False, True], ids=["late", "slowed on purpose"])
def test_behind_plan_reads_the_same_everywhere(
    client_for, school, teacher_leader, schoolleider, slowed
):
    innovation = make_innovation(school, teacher_leader, title="Leesgesprekken")
    yesterday = timezone.localdate() - timedelta(days=1)
    innovation_services.stage_plan_set(
        innovation=innovation,
        stage=innovation.stage,
        planned_start=yesterday - timedelta(days=30),
        planned_end=yesterday,
    )
    if slowed:
        innovation_services.slowdown_add(
            innovation=innovation, by=teacher_leader, reason="Eerst twee groepen"
        )
    detail = visible_text(
        client_for(schoolleider).get(reverse("innovations:detail", args=[innovation.pk]))
    )
    dashboard = visible_text(client_for(schoolleider).get(reverse("overview:dashboard")))
    export = csv_text(client_for(schoolleider).get(reverse("overview:export_innovations")))
    behind = not slowed
    assert ("Leesgesprekken voorbereiden achter op planning" in detail) == behind
    assert ("achter op planning" in dashboard) == behind
    assert (";ja;" in export.splitlines()[1]) == behind
