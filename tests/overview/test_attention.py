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
        ("mandate", reverse("leaders:role", args=[role.pk]), f"mandate:{role.pk}"),
        ("announcement", reverse("leaders:role", args=[role.pk]), f"announcement:{role.pk}"),
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
