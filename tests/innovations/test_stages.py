"""Every allowed and refused transition of the stage machine."""

from datetime import timedelta

import pytest
from django.utils import timezone

from innovations import services
from innovations.models import Adjustment, MonitoringMethod, StageChange
from innovations.stages import MOVES, MoveRequest, Stage, allowed_targets
from tests.factories import make_innovation


@pytest.fixture
def innovation(school, teacher_leader):
    return make_innovation(school, teacher_leader)


def with_plans(innovation, guardian):
    innovation.monitoring_what = "Uitleg van kinderen"
    innovation.monitoring_how = "Lesbezoek"
    innovation.monitoring_when = "Elke zes weken"
    innovation.borging_agreements = "Elke les start met het model"
    innovation.borging_anchor = "kwaliteitskaart"
    innovation.borging_guardian = guardian
    innovation.borging_review_on = timezone.localdate() + timedelta(days=90)
    innovation.save()
    return innovation


def monitor(innovation, by):
    return services.monitoring_add(
        innovation=innovation,
        by=by,
        values={},
        observed_on=timezone.localdate(),
        method=MonitoringMethod.OBSERVATION,
        findings="Meer kinderen leggen uit",
    )


def move(innovation, by, stage, **extra):
    return services.innovation_move(
        innovation=innovation, by=by, move=MoveRequest(to_stage=stage, **extra)
    )


def put_in(innovation, stage):
    innovation.stage = stage
    innovation.save()
    return innovation


BIJSTELLEN_TEXT = {
    "adjustment_what": "Kleinere groepjes",
    "adjustment_why": "Iedereen aan het woord",
}
STOP_TEXT = {"reason": "Geleerd: kost meer dan het oplevert"}


ALLOWED = [
    (Stage.VOORBEREIDEN, Stage.UITVOEREN, {}),
    (Stage.UITVOEREN, Stage.MONITOREN, {}),
    (Stage.MONITOREN, Stage.BIJSTELLEN, BIJSTELLEN_TEXT),
    (Stage.MONITOREN, Stage.BORGEN, {}),
    (Stage.BIJSTELLEN, Stage.UITVOEREN, {}),
    (Stage.BIJSTELLEN, Stage.MONITOREN, {}),
    (Stage.BORGEN, Stage.GEBORGD, {}),
] + [
    (stage, target, STOP_TEXT if target == Stage.GESTOPT else {})
    for stage in (
        Stage.VOORBEREIDEN,
        Stage.UITVOEREN,
        Stage.MONITOREN,
        Stage.BIJSTELLEN,
        Stage.BORGEN,
    )
    for target in (Stage.GEPAUZEERD, Stage.GESTOPT)
]


@pytest.mark.parametrize(("start", "target", "extra"), ALLOWED)
def test_every_allowed_move_is_made_and_recorded(innovation, teacher_leader, start, target, extra):
    with_plans(innovation, teacher_leader)
    monitor(innovation, teacher_leader)
    put_in(innovation, start)
    moved = move(innovation, teacher_leader, target, **extra)
    assert moved.stage == target
    change = StageChange.objects.filter(innovation=innovation).last()
    assert (change.from_stage, change.to_stage, change.by) == (start, target, teacher_leader)


REFUSED = [
    (stage, target)
    for stage in Stage.values
    for target in Stage.values
    if target != stage
    and target not in MOVES[stage]
    and not (
        stage not in (Stage.GEBORGD, Stage.GESTOPT, Stage.GEPAUZEERD)
        and target in (Stage.GEPAUZEERD, Stage.GESTOPT)
    )
    and not (stage == Stage.GEPAUZEERD and target == Stage.GESTOPT)
]


@pytest.mark.parametrize(("start", "target"), REFUSED)
def test_every_move_outside_the_table_is_refused_with_a_reason(
    innovation, teacher_leader, start, target
):
    with_plans(innovation, teacher_leader)
    monitor(innovation, teacher_leader)
    put_in(innovation, start)
    with pytest.raises(services.InnovationRuleError, match="kan de innovatie niet naar"):
        move(innovation, teacher_leader, target, **BIJSTELLEN_TEXT, **STOP_TEXT)
    innovation.refresh_from_db()
    assert innovation.stage == start


def test_monitoren_needs_a_monitoring_plan(innovation, teacher_leader):
    put_in(innovation, Stage.UITVOEREN)
    with pytest.raises(services.InnovationRuleError, match="monitoringsplan"):
        move(innovation, teacher_leader, Stage.MONITOREN)


def test_bijstellen_needs_monitoring_and_records_what_changes_and_why(innovation, teacher_leader):
    with_plans(innovation, teacher_leader)
    put_in(innovation, Stage.MONITOREN)
    with pytest.raises(services.InnovationRuleError, match="minstens één monitoringsmoment"):
        move(innovation, teacher_leader, Stage.BIJSTELLEN, **BIJSTELLEN_TEXT)
    monitor(innovation, teacher_leader)
    with pytest.raises(services.InnovationRuleError, match="wat er verandert en waarom"):
        move(innovation, teacher_leader, Stage.BIJSTELLEN)
    move(innovation, teacher_leader, Stage.BIJSTELLEN, **BIJSTELLEN_TEXT)
    adjustment = Adjustment.objects.get(innovation=innovation)
    assert (adjustment.what, adjustment.why) == ("Kleinere groepjes", "Iedereen aan het woord")


def test_borgen_needs_a_complete_borging_plan(innovation, teacher_leader):
    with_plans(innovation, teacher_leader)
    innovation.borging_guardian = None
    innovation.save()
    put_in(innovation, Stage.MONITOREN)
    with pytest.raises(services.InnovationRuleError, match="borgingsplan"):
        move(innovation, teacher_leader, Stage.BORGEN)


def test_stopping_is_allowed_and_keeps_what_was_learned(innovation, teacher_leader):
    with pytest.raises(services.InnovationRuleError, match="wat we leerden"):
        move(innovation, teacher_leader, Stage.GESTOPT)
    move(innovation, teacher_leader, Stage.GESTOPT, reason="Te veel tegelijk; later opnieuw")
    assert innovation.stage_changes.last().reason == "Te veel tegelijk; later opnieuw"
    assert allowed_targets(innovation.__class__.objects.get(pk=innovation.pk)) == []


def test_a_paused_innovation_resumes_where_it_was(innovation, teacher_leader):
    put_in(innovation, Stage.UITVOEREN)
    paused = move(innovation, teacher_leader, Stage.GEPAUZEERD, reason="Na de Cito verder")
    assert allowed_targets(paused) == [Stage.UITVOEREN, Stage.GESTOPT]
    with pytest.raises(services.InnovationRuleError):
        move(paused, teacher_leader, Stage.BORGEN)
    assert move(paused, teacher_leader, Stage.UITVOEREN).stage == Stage.UITVOEREN


def test_every_stage_change_leaves_history(innovation, teacher_leader):
    move(innovation, teacher_leader, Stage.UITVOEREN, reason="Start na de herfstvakantie")
    summaries = list(innovation.events.values_list("summary", flat=True))
    assert any("voorbereiden → uitvoeren: Start na de herfstvakantie" in s for s in summaries)
