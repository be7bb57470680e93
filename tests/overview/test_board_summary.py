"""The board overview keeps each school's row between requests, and is never stale: every
change to a school's data, through any of its services, shows on the next request."""

from decimal import Decimal

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from innovations import services as innovation_services
from leaders import services as leader_services
from tests.conftest import visible_text
from tests.factories import log_session, make_innovation, make_plg, make_role
from tlschool.overview import snoozing
from tlschool.schools.versions import NOT_SHOWN, OUR_APPS, SCHOOL_OF


def test_every_model_says_how_its_changes_reach_the_board_overview():
    unmapped = [
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in OUR_APPS - NOT_SHOWN
        and not model.__name__.startswith("Historical")
        and model._meta.label not in SCHOOL_OF
    ]
    assert not unmapped, f"models whose changes do not raise the school's version: {unmapped}"


@pytest.fixture
def board(client_for, board_staff, school):
    reader = client_for(board_staff)

    def read():
        return visible_text(reader.get(reverse("overview:board")))

    read()  # the rows are kept now
    return read


def test_a_change_of_every_kind_shows_on_the_next_request(
    board, school, schoolleider, teacher_leader, teamlid
):
    role = make_role(school, teacher_leader)
    assert "1 (0)" in board()
    leader_services.mandate_item_add(role=role, kind="authority", description="x", decision="alone")
    leader_services.mandate_agree(role=role, by=teacher_leader, as_schoolleider=False)
    leader_services.mandate_agree(role=role, by=schoolleider, as_schoolleider=True)
    leader_services.announcement_record(
        role=role, by=schoolleider, announced_on=timezone.localdate(), channel="other", text="t"
    )
    assert "1 (1)" in board()

    plg = make_plg(school, teacher_leader, members=[teamlid])
    log_session(plg, teacher_leader, present=[teamlid])
    assert "OBS De Regenboog 1 (1) 0 1 " in board()

    innovation = make_innovation(school, teacher_leader, title="Leesgesprekken")
    assert "OBS De Regenboog 1 (1) 1 1 " in board()

    leader_services.allotment_set(role=role, schooljaar=2026, amount=Decimal("2"), unit="dagdelen")
    leader_services.time_entry_add(
        role=role,
        worked_on=timezone.localdate(),
        hours=Decimal("8"),
        activity="avond",
        within_school_time=False,
    )
    assert "veel sneller" in board()  # all the allotted time used early in the year
    assert "buiten schooltijd" not in board()  # a figure about the person: not for board staff

    teacher_leader.full_name = "Sanne de Wit"
    teacher_leader.save()
    innovation_services.stage_plan_set(
        innovation=innovation,
        stage=innovation.stage,
        planned_start=timezone.localdate(),
        planned_end=timezone.localdate(),
    )
    text = board()
    assert "Sanne de Wit" in text and "Sanne Jansen" not in text
    snoozing.snooze(school=school, key=f"time_ahead:{role.pk}", weeks=2, by=schoolleider)
    assert "veel sneller" not in board()


def test_the_kept_rows_are_read_without_working_them_out_again(
    board, school, teacher_leader, django_assert_max_num_queries
):
    make_role(school, teacher_leader)
    board()
    with django_assert_max_num_queries(8):
        board()


def test_the_dashboard_is_kept_and_never_stale(
    client_for, school, schoolleider, teacher_leader, django_assert_max_num_queries
):
    role = make_role(school, teacher_leader)
    leader = client_for(schoolleider)

    def dashboard():
        return visible_text(leader.get(reverse("overview:dashboard")))

    assert "heeft geen afgesproken mandaat" in dashboard()
    # What every page asks, the kept figures, and what waits for the schoolleider (4).
    with django_assert_max_num_queries(11):
        assert "heeft geen afgesproken mandaat" in dashboard()
    leader_services.mandate_item_add(role=role, kind="authority", description="x", decision="alone")
    leader_services.mandate_agree(role=role, by=teacher_leader, as_schoolleider=False)
    leader_services.mandate_agree(role=role, by=schoolleider, as_schoolleider=True)
    assert "heeft geen afgesproken mandaat" not in dashboard()
    snoozing.snooze(school=school, key=f"announcement:{role.pk}", weeks=2, by=schoolleider)
    assert "1 signaal opzijgelegd" in dashboard()


def test_the_board_overviews_switch_forms_carry_a_working_csrf_token(
    school, other_school, board_staff, teacher_leader
):
    import re

    from django.test import Client

    other_school.board = school.board
    other_school.save()  # "CBS Andere School" is the current school, so ours gets forms
    role = make_role(school, teacher_leader)
    client = Client(enforce_csrf_checks=True)
    client.force_login(board_staff)
    page = client.get(reverse("overview:board")).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    role_url = reverse("leaders:role", args=[role.pk])
    response = client.post(
        reverse("school_switch"),
        {"csrfmiddlewaretoken": token, "school": school.pk, "next": role_url},
    )
    assert response.status_code == 302 and response["Location"] == role_url
