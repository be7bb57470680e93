"""Each app's attention points, read directly: the link goes to the exact page, the key names
the exact subject, and the boundaries are the school's own settings."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from innovations.models import Innovation
from innovations.stages import MoveRequest, Stage, refusal
from leaders.attention import role_attention
from leaders.facilitation import Facilitation
from leaders.selectors import Positioning
from plg.attention import plg_attention
from tests.factories import make_innovation, make_role


def facilitation(**overrides):
    values = {
        "allotted_hours": 0,
        "used_hours": 0,
        "outside_hours": 0,
        "elapsed_fraction": 0.5,
        "outside_threshold_percent": 25,
    }
    return Facilitation(**{**values, **overrides})


def test_a_role_point_links_to_its_role_page_and_names_its_role(school, teacher_leader):
    role = make_role(school, teacher_leader)
    points = role_attention(
        role=role,
        positioning=Positioning(mandate_agreed=False, announced=False),
        facilitation=facilitation(),
    )
    assert [(p.kind, p.url, p.key) for p in points] == [
        # Each lands on the exact part of the role page that it asks for.
        ("mandate", reverse("leaders:role", args=[role.pk]) + "#mandate", f"mandate:{role.pk}"),
        (
            "announcement",
            reverse("leaders:role", args=[role.pk]) + "#announcement-add",
            f"announcement:{role.pk}",
        ),
    ]
    assert [p.link_text for p in points] == ["Mandaat afspreken", "Aankondiging vastleggen"]


@pytest.mark.parametrize(("days", "quiet"), [(42, False), (43, True)])
def test_a_plg_is_quiet_only_after_the_schools_gap(school, days, quiet):
    """The default gap is 6 weeks: 42 days without a session is not yet quiet, 43 is."""
    today = timezone.localdate()
    plg = SimpleNamespace(
        pk=7,
        name="PLG Lezen",
        is_active=True,
        sessions_in_period=0,
        not_learned_sessions=0,
        last_session_on=today - timedelta(days=days),
        created_at=timezone.now() - timedelta(days=400),
    )
    points = plg_attention(plg=plg, school=school, today=today)
    assert bool(points) == quiet
    if quiet:
        assert points[0].key == "plg_quiet:7"
        assert points[0].url == reverse("plg:detail", args=[7])


@pytest.mark.parametrize(("days", "quiet"), [(42, False), (43, True)])
def test_a_new_plg_without_sessions_is_quiet_after_the_gap_too(school, days, quiet):
    today = timezone.localdate()
    plg = SimpleNamespace(
        pk=8,
        name="PLG Rekenen",
        is_active=True,
        sessions_in_period=0,
        not_learned_sessions=0,
        last_session_on=None,
        created_at=timezone.now() - timedelta(days=days),
    )
    assert bool(plg_attention(plg=plg, school=school, today=today)) == quiet


@pytest.mark.parametrize(
    ("what", "why", "refused"),
    [("Kleinere groepjes", "", True), ("", "Iedereen aan het woord", True), ("a", "b", False)],
)
def test_bijstellen_needs_both_what_changes_and_why(school, teacher_leader, what, why, refused):
    innovation = make_innovation(school, teacher_leader)
    Innovation.objects.filter(pk=innovation.pk).update(stage=Stage.MONITOREN)
    innovation.refresh_from_db()
    move = MoveRequest(to_stage=Stage.BIJSTELLEN, adjustment_what=what, adjustment_why=why)
    answer = refusal(innovation, move, monitoring_count=1)
    assert (answer == "Schrijf op wat er verandert en waarom.") == refused


def test_an_unknown_stage_is_refused_in_words(school, teacher_leader):
    innovation = make_innovation(school, teacher_leader)
    answer = refusal(innovation, MoveRequest(to_stage="nergens"), monitoring_count=0)
    assert answer == "Die fase bestaat niet."


def said(points):
    return [(p.kind, p.message, p.url, p.link_text, p.key) for p in points]


@pytest.mark.parametrize(
    ("used", "outside", "expected"),
    [
        (
            0,
            0,
            [
                (
                    "time_behind",
                    "Sanne Jansen gebruikt veel minder van de toegekende tijd dan het tempo "
                    "van het schooljaar.",
                    "Bekijk de tijd",
                )
            ],
        ),
        (
            95,
            0,
            [
                (
                    "time_ahead",
                    "Sanne Jansen gebruikt de toegekende tijd veel sneller dan het tempo van "
                    "het schooljaar.",
                    "Bekijk de tijd",
                )
            ],
        ),
        (
            50,
            20,
            [
                (
                    "outside_time",
                    "Sanne Jansen doet 40% van het werk buiten schooltijd.",
                    "Bekijk de urenlijst",
                )
            ],
        ),
        (50, 0, []),
    ],
)
def test_time_points_say_what_is_off_and_where_to_look(
    school, teacher_leader, used, outside, expected
):
    role = make_role(school, teacher_leader)
    points = role_attention(
        role=role,
        positioning=Positioning(mandate_agreed=True, announced=True),
        facilitation=facilitation(allotted_hours=100, used_hours=used, outside_hours=outside),
    )
    url = reverse("leaders:role", args=[role.pk]) + "#time"  # the time section itself
    assert said(points) == [
        (kind, message, url, link, f"{kind}:{role.pk}") for kind, message, link in expected
    ]


def an_innovation(**fields):
    values = {
        "pk": 5,
        "title": "Leesgesprekken",
        "stage": Stage.UITVOEREN,
        "last_monitoring_on": None,
        "borging_review_on": None,
        "pulse_results": None,
        "targeted_criteria": [],
        "last_adjustment_on": None,
    }
    return SimpleNamespace(**{**values, **fields})


def innovation_points(school, innovation, days_in_stage=0):
    from innovations.attention import innovation_attention

    return said(
        innovation_attention(
            innovation=innovation,
            days_in_stage=days_in_stage,
            school=school,
            today=timezone.localdate(),
        )
    )


URL = "/innovations/5/"


@pytest.mark.parametrize(("days", "shown"), [(42, False), (43, True)])
def test_bijstellen_long_from_the_schools_weeks_on(school, days, shown):
    points = innovation_points(school, an_innovation(stage=Stage.BIJSTELLEN), days)
    expected = [
        (
            "bijstellen_long",
            f"Leesgesprekken staat al {days} dagen in bijstellen.",
            URL + "#move",
            "Bepaal de volgende stap",
            "bijstellen_long:5",
        )
    ]
    assert points == (expected if shown else [])


@pytest.mark.parametrize(("days_ago", "shown"), [(0, False), (1, True)])
def test_a_borging_review_is_due_the_day_after_its_date(school, days_ago, shown):
    day = timezone.localdate() - timedelta(days=days_ago)
    points = innovation_points(school, an_innovation(stage=Stage.BORGEN, borging_review_on=day))
    from django.utils.formats import date_format

    expected = [
        (
            "borging_review",
            f"De borging van Leesgesprekken had op {date_format(day)} geëvalueerd moeten worden.",
            URL + "#plan-borging",
            "Evalueer de borging",
            "borging_review:5",
        )
    ]
    assert points == (expected if shown else [])


def test_monitoring_that_stopped_is_named_with_the_schools_weeks(school):
    long_ago = timezone.localdate() - timedelta(weeks=7)
    points = innovation_points(
        school, an_innovation(stage=Stage.MONITOREN, last_monitoring_on=long_ago)
    )
    assert points == [
        (
            "monitoring_gap",
            "Leesgesprekken staat in monitoren, maar er is al 6 weken niets gemonitord.",
            URL + "#monitoring-add",
            "Monitoringsmoment toevoegen",
            "monitoring_gap:5",
        )
    ]


def test_a_quiet_plg_point_says_so_in_words(school):
    today = timezone.localdate()
    plg = SimpleNamespace(
        pk=7,
        name="PLG Lezen",
        is_active=True,
        sessions_in_period=0,
        not_learned_sessions=0,
        last_session_on=today - timedelta(days=50),
        created_at=timezone.now(),
    )
    assert said(plg_attention(plg=plg, school=school, today=today)) == [
        (
            "plg_quiet",
            "PLG Lezen is al meer dan 6 weken niet bij elkaar geweest.",
            "/plg/7/",
            "Open de PLG",
            "plg_quiet:7",
        )
    ]


def test_moving_to_the_stage_it_is_in_is_refused_in_words(school, teacher_leader):
    innovation = make_innovation(school, teacher_leader)
    move = MoveRequest(to_stage=innovation.stage)
    assert refusal(innovation, move, monitoring_count=0) == "De innovatie staat al in deze fase."


def test_low_readiness_names_the_averages_the_dutch_way(school):
    results = {"answers": 5, "willen": 2.2, "kunnen": 3.4}
    points = innovation_points(school, an_innovation(pulse_results=results))
    assert points == [
        (
            "low_pulse",
            "De veranderbereidheid van het team voor Leesgesprekken is laag "
            "(willen 2,2, kunnen 3,4).",
            URL + "#pulse",
            "Praat over tempo en steun",
            "low_pulse:5",
        )
    ]
    assert innovation_points(school, an_innovation(pulse_results={"answers": 4})) == []


@pytest.mark.parametrize(
    ("sessions", "not_learned", "asked"), [(3, 0, False), (4, 0, True), (4, 1, False)]
)
def test_a_plg_that_never_asks_what_when_they_dont_learn_it_is_pointed_out(
    school, sessions, not_learned, asked
):
    """From four sessions in a schooljaar without DuFour's third question, the dashboard asks."""
    today = timezone.localdate()
    plg = SimpleNamespace(
        pk=9,
        name="PLG Spelling",
        is_active=True,
        sessions_in_period=sessions,
        not_learned_sessions=not_learned,
        last_session_on=today,
        created_at=timezone.now(),
    )
    points = said(plg_attention(plg=plg, school=school, today=today))
    expected = (
        "plg_check_act",
        "PLG Spelling kwam dit schooljaar 4 keer bij elkaar en werkte nooit aan "
        '"Wat doen we als ze het niet leren?".',
        "/plg/9/#questions",
        "Bekijk de vier vragen",
        "plg_check_act:9",
    )
    assert points == ([expected] if asked else [])
