"""Demo innovations in every stage, with monitoring; one adjusted, one geborgd, one stopped."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from innovations import services
from innovations.models import Anchor, ChangeColour, Innovation, MonitoringMethod, StageChange
from innovations.stages import MoveRequest, Stage
from plg.models import PLG

MONITORING_PLAN = {
    "monitoring_what": "Hoe kinderen hun aanpak uitleggen en de resultaten op de methodetoets.",
    "monitoring_how": "Lesbezoek met kijkwijzer, korte leerlinginterviews, toetsanalyse.",
    "monitoring_when": "Elke zes weken, na elke toetsronde.",
}
BORGING_PLAN = {
    "borging_agreements": "Elke rekenles start met een opdracht in het drieslagmodel.",
    "borging_anchor": Anchor.KWALITEITSKAART,
}

# title, target stage path, colour
TRAJECTORIES = [
    ("Drieslagmodel in alle groepen", [Stage.UITVOEREN, Stage.MONITOREN], ChangeColour.GROEN),
    (
        "Leesgesprekken in groep 4-8",
        [Stage.UITVOEREN, Stage.MONITOREN, Stage.BIJSTELLEN, Stage.UITVOEREN, Stage.MONITOREN],
        ChangeColour.GROEN,
    ),
    ("Kindgesprekken over leerdoelen", [], ChangeColour.ROOD),
    (
        "Rekenmuur in de onderbouw",
        [Stage.UITVOEREN, Stage.MONITOREN, Stage.BORGEN, Stage.GEBORGD],
        ChangeColour.BLAUW,
    ),
    ("Weektaak op papier", [Stage.UITVOEREN, Stage.GESTOPT], ChangeColour.GEEL),
    ("Coöperatief leren bij wereldoriëntatie", [Stage.UITVOEREN], ChangeColour.WIT),
    (
        "Feedbackmuur per groep",
        [Stage.UITVOEREN, Stage.MONITOREN, Stage.BORGEN],
        ChangeColour.GROEN,
    ),
    ("Techniekcircuit", [Stage.UITVOEREN, Stage.GEPAUZEERD], ChangeColour.WIT),
    (
        "Leesmotivatie-onderzoek",
        [Stage.UITVOEREN, Stage.MONITOREN, Stage.BIJSTELLEN],
        ChangeColour.GROEN,
    ),
]


def seed(*, demo) -> None:
    school = demo.school
    if Innovation.objects.filter(school=school).exists():
        return
    today = timezone.localdate()
    plgs = list(PLG.objects.filter(school=school).order_by("pk"))
    leaders = demo.teacher_leaders
    for index, (title, path, colour) in enumerate(TRAJECTORIES):
        owner = leaders[index % len(leaders)]
        innovation = services.innovation_create(
            school=school,
            by=demo.schoolleider,
            title=title,
            aanleiding="Uit de analyse van de midden-toetsen en gesprekken met het team bleek dat "
            "dit voor onze leerlingen het verschil kan maken.",
            goal="Leerlingen leggen uit wat ze doen en waarom; leerkrachten gebruiken dezelfde taal.",
            owner=owner,
            ambition=school.ambitions.all()[index % school.ambitions.count()],
            plgs=[plgs[index % len(plgs)]] if plgs else [],
            planned_start=today - timedelta(days=120),
            planned_end=today + timedelta(days=200),
        )
        innovation.change_colour = colour
        innovation.change_colour_reason = "Past bij een team dat graag samen uitprobeert en leert."
        for key, value in MONITORING_PLAN.items():
            setattr(innovation, key, value)
        innovation.save()
        services.stage_plan_set(
            innovation=innovation,
            stage=Stage.UITVOEREN,
            planned_start=today - timedelta(days=100),
            planned_end=today - timedelta(days=40 - index * 10),
        )
        criterion = services.criterion_add(
            innovation=innovation,
            by=owner,
            name="Leerlingen die hun aanpak uitleggen",
            target=Decimal("80"),
            unit="%",
        )
        _walk(innovation, path, owner, criterion, today, demo)
        # The first one has gone quiet in monitoren: a signal on the dashboard.
        _spread_history(innovation, days_per_stage=45 if index == 0 else 18 + 4 * index)
        if index == 0:
            innovation.monitoring_entries.update(observed_on=today - timedelta(days=44))
    first = Innovation.objects.filter(school=school, stage=Stage.UITVOEREN).first()
    if first:
        services.slowdown_add(
            innovation=first,
            by=first.owner,
            reason="Eerst twee groepen goed laten draaien voordat de rest volgt: vertragen om te versnellen.",
        )
        pulse = services.pulse_open(innovation=first, by=first.owner)
        for number, person in enumerate(demo.team[:6]):
            services.pulse_answer(
                pulse=pulse,
                person=person,
                willen=2 + number % 3,
                kunnen=1 + number % 3,
                comment="Ik wil wel, maar heb nog voorbeelden nodig." if number == 1 else "",
            )
        services.pulse_close(pulse=pulse, by=first.owner)


def _spread_history(innovation, *, days_per_stage):
    """Demo moves happen in one go; give them the weeks a real trajectory takes."""
    changes = list(innovation.stage_changes.order_by("at", "pk"))
    now = timezone.now()
    for position, change in enumerate(changes):
        change.at = now - timedelta(days=days_per_stage * (len(changes) - position))
    StageChange.objects.bulk_update(changes, ["at"])
    Innovation.objects.filter(pk=innovation.pk).update(stage_since=changes[-1].at)


def _walk(innovation, path, owner, criterion, today, demo):
    for step, stage in enumerate(path):
        if stage == Stage.BIJSTELLEN or stage == Stage.BORGEN:
            _monitor(innovation, owner, criterion, today, step)
        if stage == Stage.BORGEN:
            for key, value in BORGING_PLAN.items():
                setattr(innovation, key, value)
            innovation.borging_guardian = demo.schoolleider
            innovation.borging_review_on = (
                today - timedelta(days=5) if step > 2 else today + timedelta(days=90)
            )
            innovation.save()
        move = MoveRequest(
            to_stage=stage,
            reason="Wat we leerden: de weektaak op papier kost meer tijd dan ze oplevert."
            if stage == Stage.GESTOPT
            else "",
            adjustment_what="Leesgesprekken in kleinere groepjes van vier."
            if stage == Stage.BIJSTELLEN
            else "",
            adjustment_why="In de hele groep kwamen dezelfde kinderen aan het woord."
            if stage == Stage.BIJSTELLEN
            else "",
        )
        innovation = services.innovation_move(innovation=innovation, by=owner, move=move)
    if innovation.stage == Stage.MONITOREN:
        _monitor(innovation, owner, criterion, today, 5)


def _monitor(innovation, owner, criterion, today, step):
    services.monitoring_add(
        innovation=innovation,
        by=owner,
        values={criterion: Decimal(40 + step * 9)},
        observed_on=today - timedelta(days=60 - step * 10),
        method=[
            MonitoringMethod.LESSON_VISIT,
            MonitoringMethod.PUPIL_RESULTS,
            MonitoringMethod.OBSERVATION,
        ][step % 3],
        findings="Meer kinderen leggen hun aanpak uit; de zwakste rekenaars nog niet.",
    )
