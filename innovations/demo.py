"""Demo innovations in every stage, with monitoring; one adjusted, one geborgd, one stopped."""

from dataclasses import dataclass
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


@dataclass(frozen=True)
class Trajectory:
    title: str
    path: list
    colour: str
    goal: str
    criterion: str
    finding: str
    adjustment: tuple[str, str] = ("", "")  # what changes, why (for bijstellen)
    borging: str = ""
    theme: str = ""  # in the quality handbook
    in_class: str = ""


REGENBOOG = [
    Trajectory(
        "Drieslagmodel in alle groepen",
        [Stage.UITVOEREN, Stage.MONITOREN],
        ChangeColour.GROEN,
        "Kinderen leggen uit hoe ze een som aanpakken; leerkrachten gebruiken dezelfde taal.",
        "Leerlingen die hun aanpak uitleggen",
        "Meer kinderen leggen hun aanpak uit; de zwakste rekenaars nog niet.",
    ),
    Trajectory(
        "Leesgesprekken in groep 4-8",
        [Stage.UITVOEREN, Stage.MONITOREN, Stage.BIJSTELLEN, Stage.UITVOEREN, Stage.MONITOREN],
        ChangeColour.GROEN,
        "Kinderen praten met plezier over wat ze lezen en lezen meer.",
        "Leerlingen die graag lezen",
        "In de hele groep praten steeds dezelfde kinderen; de anderen haken af.",
        (
            "Leesgesprekken in kleinere groepjes van vier.",
            "In de hele groep kwamen steeds dezelfde kinderen aan het woord.",
        ),
    ),
    Trajectory(
        "Kindgesprekken over leerdoelen",
        [],
        ChangeColour.ROOD,
        "Elk kind kent zijn eigen leerdoel en weet hoe het eraan werkt.",
        "Leerlingen die hun leerdoel kunnen noemen",
        "",
    ),
    Trajectory(
        "Rekenmuur in de onderbouw",
        [Stage.UITVOEREN, Stage.MONITOREN, Stage.BORGEN, Stage.GEBORGD],
        ChangeColour.BLAUW,
        "Kleuters oefenen dagelijks tellen en getalbegrip aan de rekenmuur.",
        "Kleuters die tot twintig tellen",
        "Bijna alle kleuters tellen tot twintig; splitsen blijft lastig.",
        borging="Elke dag tien minuten aan de rekenmuur in groep 1-2, met de vaste kaartjes.",
        theme="Rekenen",
        in_class="Na de kring pakt elk kind een kaartje en zoekt het getal op de muur; de "
        "leerkracht kiest per week één getalbegrip.",
    ),
    Trajectory(
        "Weektaak op papier",
        [Stage.UITVOEREN, Stage.GESTOPT],
        ChangeColour.GEEL,
        "Kinderen plannen hun eigen werk voor de week.",
        "Leerlingen die hun weektaak afmaken",
        "",
    ),
    Trajectory(
        "Coöperatief leren bij wereldoriëntatie",
        [Stage.UITVOEREN],
        ChangeColour.WIT,
        "Kinderen werken samen aan onderzoeksvragen met vaste rollen.",
        "Groepjes die hun onderzoek afronden",
        "",
    ),
    Trajectory(
        "Feedbackmuur per groep",
        [Stage.UITVOEREN, Stage.MONITOREN, Stage.BORGEN],
        ChangeColour.GROEN,
        "Kinderen geven elkaar gerichte tips over hun werk.",
        "Leerlingen die een tip van een klasgenoot gebruiken",
        "Kinderen gebruiken de tips vaker als ze de criteria zelf mee maakten.",
        borging="Elke groep heeft een feedbackmuur; de criteria maken we met de kinderen.",
        theme="Feedback en eigenaarschap",
        in_class="Bij elke schrijfopdracht hangen de criteria op de muur; kinderen plakken "
        "een tip bij het werk van een klasgenoot.",
    ),
    Trajectory(
        "Techniekcircuit",
        [Stage.UITVOEREN, Stage.GEPAUZEERD],
        ChangeColour.WIT,
        "Elke groep werkt zes weken per jaar aan een techniekopdracht.",
        "Groepen die het circuit doorliepen",
        "",
    ),
    Trajectory(
        "Leesmotivatie-onderzoek",
        [Stage.UITVOEREN, Stage.MONITOREN, Stage.BIJSTELLEN],
        ChangeColour.GROEN,
        "We weten wat onze leerlingen motiveert om te lezen.",
        "Leerlingen die de vragenlijst invulden",
        "De vragenlijst is voor groep 4 te lang; de antwoorden worden slordig.",
        (
            "Een korte vragenlijst voor groep 4 en 5.",
            "De lange lijst kostte de jongste kinderen te veel moeite.",
        ),
    ),
]
WEGWIJZER = [
    Trajectory(
        "Woordenschat bij wereldoriëntatie",
        [Stage.UITVOEREN, Stage.MONITOREN],
        ChangeColour.GROEN,
        "Kinderen gebruiken de woorden van het thema in hun eigen uitleg.",
        "Leerlingen die thema-woorden goed gebruiken",
        "De helft van de woorden blijft hangen; abstracte woorden nog niet.",
    ),
    Trajectory(
        "Wisbordjes in de instructie",
        [Stage.UITVOEREN, Stage.MONITOREN, Stage.BORGEN],
        ChangeColour.BLAUW,
        "Aan het eind van elke instructie weten we wie het snapt.",
        "Lessen met een check op begrip",
        "In bijna elke les checken we nu; de verlengde instructie is korter geworden.",
        borging="Elke instructie eindigt met een check op de wisbordjes.",
    ),
    Trajectory(
        "Handelingsplan in de groep",
        [Stage.UITVOEREN],
        ChangeColour.GEEL,
        "Extra zorg gebeurt zo veel mogelijk in de eigen groep.",
        "Kinderen met extra zorg in de eigen groep",
        "",
    ),
    Trajectory(
        "Feedback zonder cijfers",
        [Stage.UITVOEREN, Stage.MONITOREN, Stage.BIJSTELLEN],
        ChangeColour.GROEN,
        "Kinderen krijgen feedback waarmee ze verder kunnen, in plaats van een cijfer.",
        "Leerlingen die hun werk verbeteren na feedback",
        "Kinderen lezen de feedback niet als er ook nog een cijfer bij staat.",
        (
            "Bij toetsen eerst de feedback, een week later het cijfer.",
            "Met het cijfer erbij werd de feedback niet gelezen.",
        ),
    ),
    Trajectory(
        "Ouders in de klas",
        [],
        ChangeColour.ROOD,
        "Ouders helpen bij het lezen in groep 3.",
        "Leesmomenten met een ouder",
        "",
    ),
]
TRAJECTORIES = {"de-regenboog": REGENBOOG, "de-wegwijzer": WEGWIJZER}


def seed(*, demo) -> None:
    school = demo.school
    if Innovation.objects.filter(school=school).exists():
        return
    today = timezone.localdate()
    plgs = list(PLG.objects.filter(school=school).order_by("pk"))
    leaders = demo.teacher_leaders
    for index, trajectory in enumerate(TRAJECTORIES.get(school.slug, REGENBOOG)):
        owner = leaders[index % len(leaders)]
        colour = trajectory.colour
        innovation = services.innovation_create(
            school=school,
            by=demo.schoolleider,
            title=trajectory.title,
            aanleiding="Uit de analyse van de midden-toetsen en gesprekken met het team bleek dat "
            "dit voor onze leerlingen het verschil kan maken.",
            goal=trajectory.goal,
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
            name=trajectory.criterion,
            target=Decimal("80"),
            unit="%",
        )
        _walk(innovation, trajectory, owner, criterion, today, demo)
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


def _walk(innovation, trajectory, owner, criterion, today, demo):
    for step, stage in enumerate(trajectory.path):
        if stage == Stage.BIJSTELLEN or stage == Stage.BORGEN:
            _monitor(innovation, owner, criterion, today, step, trajectory.finding)
        if stage == Stage.BORGEN:
            innovation.borging_agreements = trajectory.borging
            innovation.borging_theme = trajectory.theme
            innovation.borging_in_class = trajectory.in_class
            innovation.borging_monitoring_showed = trajectory.finding
            innovation.borging_anchor = Anchor.KWALITEITSKAART
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
            adjustment_what=trajectory.adjustment[0] if stage == Stage.BIJSTELLEN else "",
            adjustment_why=trajectory.adjustment[1] if stage == Stage.BIJSTELLEN else "",
        )
        innovation = services.innovation_move(innovation=innovation, by=owner, move=move)
    if innovation.stage == Stage.MONITOREN:
        _monitor(innovation, owner, criterion, today, 5, trajectory.finding)
    if innovation.stage == Stage.GEBORGD:
        services.borging_review_add(
            innovation=innovation,
            by=demo.schoolleider,
            reviewed_on=today - timedelta(days=190),
            findings="Gebeurt in beide kleutergroepen; de nieuwe collega werkt er sinds "
            "september ook mee.",
            next_review_on=today - timedelta(days=5),  # due again: a signal on the dashboard
        )


def _monitor(innovation, owner, criterion, today, step, finding):
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
        findings=finding,
    )
