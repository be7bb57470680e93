"""The innovation stages: one table of allowed moves and the check for each.

Used by the services (to move), the board and detail pages (to offer moves), the tests and
the demo data alike. A refused move says why in plain words.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class Stage(models.TextChoices):
    VOORBEREIDEN = "voorbereiden", gettext_lazy("voorbereiden")
    UITVOEREN = "uitvoeren", gettext_lazy("uitvoeren")
    MONITOREN = "monitoren", gettext_lazy("monitoren")
    BIJSTELLEN = "bijstellen", gettext_lazy("bijstellen")
    BORGEN = "borgen", gettext_lazy("borgen")
    GEBORGD = "geborgd", gettext_lazy("geborgd")
    GEPAUZEERD = "gepauzeerd", gettext_lazy("gepauzeerd")
    GESTOPT = "gestopt", gettext_lazy("gestopt")


# The trajectory in order, as the board shows it.
BOARD_COLUMNS = [
    Stage.VOORBEREIDEN,
    Stage.UITVOEREN,
    Stage.MONITOREN,
    Stage.BIJSTELLEN,
    Stage.BORGEN,
    Stage.GEBORGD,
    Stage.GEPAUZEERD,
    Stage.GESTOPT,
]
FINISHED = {Stage.GEBORGD, Stage.GESTOPT}
# The planned-versus-actual view covers the stages a trajectory passes through.
PLANNED_STAGES = [Stage.VOORBEREIDEN, Stage.UITVOEREN, Stage.MONITOREN, Stage.BORGEN]

MOVES: dict[str, set[str]] = {
    Stage.VOORBEREIDEN: {Stage.UITVOEREN},
    Stage.UITVOEREN: {Stage.MONITOREN},
    Stage.MONITOREN: {Stage.BIJSTELLEN, Stage.BORGEN},
    Stage.BIJSTELLEN: {Stage.UITVOEREN, Stage.MONITOREN},
    Stage.BORGEN: {Stage.GEBORGD},
    Stage.GEBORGD: set(),
    Stage.GESTOPT: set(),
    Stage.GEPAUZEERD: set(),  # resuming goes back to the stage it was paused in
}


@dataclass(frozen=True)
class MoveRequest:
    to_stage: str
    reason: str = ""
    adjustment_what: str = ""
    adjustment_why: str = ""


def allowed_targets(innovation) -> list[str]:
    """Every stage the innovation may be moved to from where it is, ignoring the checks."""
    stage = innovation.stage
    if stage in FINISHED:
        return []
    if stage == Stage.GEPAUZEERD:
        targets = [innovation.paused_from] if innovation.paused_from else []
        return [*targets, Stage.GESTOPT]
    return [*sorted(MOVES[stage], key=BOARD_COLUMNS.index), Stage.GEPAUZEERD, Stage.GESTOPT]


class Refusal(str):
    """Why a move is refused, in plain words. `part` is the id of the place on the
    innovation's page that holds what is missing: the page opens it and puts the focus there."""

    part: str = ""

    def __new__(cls, text, part: str = ""):
        refused = super().__new__(cls, text)
        refused.part = part
        return refused


def refusal(innovation, move: MoveRequest, *, monitoring_count: int) -> str | None:
    """Why this move is not allowed now, in plain words; None when it is."""
    target = move.to_stage
    if target not in Stage.values:
        return _("That stage does not exist.")
    if target == innovation.stage:
        return _("The innovation is already in this stage.")
    if target not in allowed_targets(innovation):
        return _("From %(current)s the innovation cannot go to %(target)s.") % {
            "current": Stage(innovation.stage).label,
            "target": Stage(target).label,
        }
    if target == Stage.MONITOREN and not innovation.has_monitoring_plan:
        return Refusal(
            _("Before monitoren, write the monitoring plan: what you will look at, how, and when."),
            "plan-monitoring",
        )
    if target == Stage.BIJSTELLEN:
        if monitoring_count == 0:
            return Refusal(
                _(
                    "Bijstellen starts from what monitoring showed: add at least one monitoring "
                    "entry first."
                ),
                "monitoring-add",
            )
        if not (move.adjustment_what.strip() and move.adjustment_why.strip()):
            return Refusal(_("Write what changes and why."), "move-adjustment")
    if target == Stage.BORGEN and not innovation.has_borging_plan:
        return Refusal(
            _(
                "Before borgen, write the borging plan: the agreements, where they are anchored, "
                "who guards them and when they are reviewed."
            ),
            "plan-borging",
        )
    if target == Stage.GESTOPT and not move.reason.strip():
        return Refusal(
            _("Stopping is allowed; write what was learned, so the school keeps it."), "id_reason"
        )
    return None


# A bijstelling can be recorded whenever the trajectory looks at its data, not only when it
# moves into bijstellen.
ADJUSTABLE = {Stage.MONITOREN, Stage.BIJSTELLEN}


def adjustment_refusal(innovation, *, based_on_count: int) -> str | None:
    """Why a bijstelling cannot be recorded now; None when it can."""
    if innovation.stage not in ADJUSTABLE:
        return _("A bijstelling is recorded in monitoren or bijstellen.")
    if based_on_count == 0:
        return _("Choose the monitoring the bijstelling rests on.")
    return None
