"""Bijstellen on the data: a bijstelling rests on monitoring, the chart marks it, the entries
after it show whether the indicator moved, and the dashboard asks when an indicator stays
under its streefwaarde."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from innovations import services
from innovations.models import Adjustment, MonitoringMethod
from innovations.stages import Stage
from tests.conftest import visible_text
from tests.factories import make_innovation

TODAY = timezone.localdate()


@pytest.fixture
def innovation(school, teacher_leader):
    innovation = make_innovation(school, teacher_leader, title="Leesgesprekken")
    innovation.stage = Stage.MONITOREN
    innovation.save()
    return innovation


@pytest.fixture
def criterion(innovation):
    return services.criterion_add(
        innovation=innovation, by=None, name="Leesplezier", target=Decimal("70"), unit="%"
    )


def measure(innovation, criterion, value, days_ago):
    return services.monitoring_add(
        innovation=innovation,
        by=None,
        values={criterion: Decimal(value)},
        observed_on=TODAY - timedelta(days=days_ago),
        method=MonitoringMethod.SURVEY,
        findings=f"Enquête: {value}%",
    )


def adjust(innovation, entries, days_ago, what="Leeskring op vrijdag"):
    return services.adjustment_add(
        innovation=innovation,
        by=None,
        what=what,
        why="Leesplezier blijft laag",
        made_on=TODAY - timedelta(days=days_ago),
        based_on=entries,
    )


def test_a_bijstelling_is_recorded_in_monitoren_from_the_page_resting_on_entries(
    login, innovation, criterion, teacher_leader
):
    first = measure(innovation, criterion, 55, 30)
    second = measure(innovation, criterion, 58, 20)
    client = login(teacher_leader)
    page = client.get(reverse("innovations:detail", args=[innovation.pk]))
    assert "Een bijstelling vastleggen" in visible_text(page)
    response = client.post(
        reverse("innovations:adjustment_add", args=[innovation.pk]),
        {
            "made_on": (TODAY - timedelta(days=15)).isoformat(),
            "based_on": [first.pk, second.pk],
            "what": "Leeskring op vrijdag",
            "why": "Leesplezier blijft onder de 70%",
        },
        follow=True,
    )
    assert "De bijstelling is vastgelegd" in response.text
    adjustment = Adjustment.objects.get(innovation=innovation)
    assert set(adjustment.based_on.all()) == {first, second}
    innovation.refresh_from_db()
    assert innovation.stage == Stage.MONITOREN  # recorded without moving the stage
    text = visible_text(response)
    assert "B1" in text and "Leeskring op vrijdag" in text
    assert "Leesplezier: 58% (nog geen monitoring sindsdien)" in text
    # The chart marks the bijstelling between the two entries it follows.
    svg = response.text.split('id="criteria-chart-desc"')[1].split("</svg>")[0]
    assert 'class="chart-marker"' in svg and ">B1<" in svg


def test_the_entries_after_a_bijstelling_show_whether_the_indicator_moved(
    login, innovation, criterion, teacher_leader
):
    before = measure(innovation, criterion, 55, 30)
    adjust(innovation, [before], 25)
    measure(innovation, criterion, 62, 15)
    measure(innovation, criterion, 71, 5)
    text = visible_text(
        login(teacher_leader).get(reverse("innovations:detail", args=[innovation.pk]))
    )
    assert (
        "Leesplezier: 55% → 62% → 71% (ging omhoog na de bijstelling) · streefwaarde gehaald"
        in text
    )


@pytest.mark.parametrize(
    ("stage", "entries", "refused"),
    [
        (Stage.UITVOEREN, True, "in monitoren of bijstellen"),
        (Stage.BORGEN, True, "in monitoren of bijstellen"),
        (Stage.BIJSTELLEN, False, "Kies de monitoring"),
    ],
)
def test_a_bijstelling_outside_monitoren_or_without_monitoring_is_refused_in_the_form(
    login, innovation, criterion, teacher_leader, stage, entries, refused
):
    entry = measure(innovation, criterion, 55, 10)
    innovation.stage = stage
    innovation.save()
    response = login(teacher_leader).post(
        reverse("innovations:adjustment_add", args=[innovation.pk]),
        {
            "made_on": TODAY.isoformat(),
            "based_on": [entry.pk] if entries else [],
            "what": "Anders",
            "why": "Omdat",
        },
    )
    assert response.status_code == 422
    assert refused in visible_text(response)
    assert not Adjustment.objects.exists()


def test_an_entry_of_another_innovation_cannot_be_chosen(
    login, school, innovation, criterion, teacher_leader
):
    other = make_innovation(school, teacher_leader, title="Ander traject")
    foreign = services.monitoring_add(
        innovation=other, by=None, values={}, method="observation", findings="x"
    )
    response = login(teacher_leader).post(
        reverse("innovations:adjustment_add", args=[innovation.pk]),
        {"made_on": TODAY.isoformat(), "based_on": [foreign.pk], "what": "a", "why": "b"},
    )
    assert response.status_code == 422
    assert not Adjustment.objects.exists()


def test_moving_into_bijstellen_rests_on_the_newest_entry(innovation, criterion, teacher_leader):
    measure(innovation, criterion, 50, 20)
    newest = measure(innovation, criterion, 52, 3)
    services.innovation_move(
        innovation=innovation,
        by=teacher_leader,
        move=services.MoveRequest(
            to_stage=Stage.BIJSTELLEN, adjustment_what="Kleinere groepjes", adjustment_why="52%"
        ),
    )
    assert list(Adjustment.objects.get().based_on.all()) == [newest]


def dashboard(login, schoolleider):
    return visible_text(login(schoolleider).get(reverse("overview:dashboard")))


ASK = (
    "Leesgesprekken: Leesplezier bleef onder de streefwaarde (70) in de laatste twee monitoringen."
)


HINT = "Leesplezier bleef onder de streefwaarde (70) in de laatste twee monitoringen: tijd om"


def asked(login, schoolleider, teacher_leader, innovation) -> bool:
    """Whether the dashboard asks, checked against the innovation's own page: the teacher
    leader reads the same question there (a figure on two pages says the same on both)."""
    on_dashboard = ASK in dashboard(login, schoolleider)
    page = visible_text(
        login(teacher_leader).get(reverse("innovations:detail", args=[innovation.pk]))
    )
    assert (HINT in page) == on_dashboard
    return on_dashboard


def test_the_dashboard_asks_for_a_bijstelling_after_two_entries_under_the_streefwaarde(
    login, innovation, criterion, schoolleider, teacher_leader
):
    measure(innovation, criterion, 60, 20)
    assert not asked(login, schoolleider, teacher_leader, innovation)  # one entry: not yet
    second = measure(innovation, criterion, 64, 10)
    assert asked(login, schoolleider, teacher_leader, innovation)
    assert "Een bijstelling vastleggen" in dashboard(login, schoolleider)
    adjust(innovation, [second], 5)
    assert not asked(login, schoolleider, teacher_leader, innovation)  # answered
    measure(innovation, criterion, 66, 3)
    assert not asked(login, schoolleider, teacher_leader, innovation)  # one since: give it time
    measure(innovation, criterion, 68, 1)
    assert asked(login, schoolleider, teacher_leader, innovation)  # two since, still under it
    measure(innovation, criterion, 70, 0)
    assert not asked(login, schoolleider, teacher_leader, innovation)  # reached


def test_the_dashboard_does_not_ask_once_the_trajectory_moved_on(
    login, innovation, criterion, schoolleider
):
    measure(innovation, criterion, 60, 20)
    measure(innovation, criterion, 64, 10)
    innovation.stage = Stage.UITVOEREN
    innovation.save()
    assert ASK not in dashboard(login, schoolleider)
