"""Rules that change innovations: creating, moving through the stages, plans, monitoring, pulses."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from innovations.borging import WITH_CARD
from innovations.models import (
    Adjustment,
    BorgingReview,
    CriterionValue,
    EventKind,
    Innovation,
    InnovationEvent,
    MonitoringEntry,
    Pulse,
    PulseAnswer,
    PulseParticipant,
    Slowdown,
    StageChange,
    StagePlan,
    SuccessCriterion,
    pulse_results,
)
from innovations.stages import MoveRequest, Stage, adjustment_refusal, refusal


class InnovationRuleError(Exception):
    """A change the rules refuse; the message is for the user."""


class StaleEditError(InnovationRuleError):
    def __init__(self, innovation):
        super().__init__(_("Someone else changed this innovation in the meantime."))
        self.innovation = innovation


def _event(innovation, *, by, kind, summary):
    InnovationEvent.objects.create(innovation=innovation, by=by, kind=kind, summary=summary)


def innovation_create(*, school, by, plgs=(), **fields) -> Innovation:
    with transaction.atomic():
        innovation = Innovation.objects.create(school=school, placed_by=by, **fields)
        innovation.plgs.set(plgs)
        StageChange.objects.create(
            innovation=innovation, to_stage=Stage.VOORBEREIDEN, by=by, reason=""
        )
        _event(
            innovation,
            by=by,
            kind=EventKind.CREATED,
            summary=_("Responsibility placed with %(owner)s.") % {"owner": innovation.owner},
        )
    return innovation


def innovation_update(*, innovation, by, revision: int | None, summary: str, kind=EventKind.EDITED):
    """Save an edited innovation once; a stale form is refused instead of overwriting."""
    with transaction.atomic():
        current = Innovation.objects.select_for_update().get(pk=innovation.pk)
        if revision is not None and current.revision != revision:
            raise StaleEditError(current)
        innovation.revision = current.revision + 1
        innovation.save()
        _event(innovation, by=by, kind=kind, summary=summary)
    return innovation


def innovation_move(*, innovation, by, move: MoveRequest) -> Innovation:
    """Move to another stage when the rules allow it; record who, when and why."""
    with transaction.atomic():
        innovation = Innovation.objects.select_for_update().get(pk=innovation.pk)
        count = innovation.monitoring_entries.count()
        problem = refusal(innovation, move, monitoring_count=count)
        if problem:
            raise InnovationRuleError(problem)
        previous = innovation.stage
        reason = move.reason.strip()
        if move.to_stage == Stage.BIJSTELLEN:
            adjustment = Adjustment.objects.create(
                innovation=innovation,
                what=move.adjustment_what.strip(),
                why=move.adjustment_why.strip(),
                by=by,
            )
            # Moving into bijstellen starts from what monitoring showed last.
            newest = innovation.monitoring_entries.order_by("-observed_on", "-pk").first()
            adjustment.based_on.set([newest])
            reason = reason or move.adjustment_why.strip()
        innovation.paused_from = previous if move.to_stage == Stage.GEPAUZEERD else ""
        innovation.stage = move.to_stage
        innovation.stage_since = timezone.now()
        innovation.revision += 1
        innovation.save()
        StageChange.objects.create(
            innovation=innovation, from_stage=previous, to_stage=move.to_stage, by=by, reason=reason
        )
        _event(
            innovation,
            by=by,
            kind=EventKind.STAGE,
            summary=f"{Stage(previous).label} → {Stage(move.to_stage).label}"
            + (f": {reason}" if reason else ""),
        )
    return innovation


def adjustment_add(*, innovation, by, what, why, made_on, based_on) -> Adjustment:
    """A bijstelling in monitoren or bijstellen, resting on the innovation's own entries."""
    entries = [entry for entry in based_on if entry.innovation_id == innovation.pk]
    problem = adjustment_refusal(innovation, based_on_count=len(entries))
    if problem:
        raise InnovationRuleError(problem)
    with transaction.atomic():
        adjustment = Adjustment.objects.create(
            innovation=innovation, what=what.strip(), why=why.strip(), made_on=made_on, by=by
        )
        adjustment.based_on.set(entries)
        _event(
            innovation,
            by=by,
            kind=EventKind.ADJUSTMENT,
            summary=_("Bijstelling: %(what)s") % {"what": Truncator(adjustment.what).chars(120)},
        )
    return adjustment


def borging_review_add(*, innovation, by, reviewed_on, findings, next_review_on) -> BorgingReview:
    """Record a review of the borging: the card's review date becomes the next one, and the
    reviews before stay on the card."""

    if innovation.stage not in WITH_CARD:
        raise InnovationRuleError(_("A borging is reviewed once the innovation is in borgen."))
    with transaction.atomic():
        review = BorgingReview.objects.create(
            innovation=innovation,
            reviewed_on=reviewed_on,
            findings=findings.strip(),
            next_review_on=next_review_on,
            by=by,
        )
        innovation = Innovation.objects.select_for_update().get(pk=innovation.pk)
        innovation.borging_review_on = next_review_on
        innovation.revision += 1
        innovation.save()
        _event(
            innovation,
            by=by,
            kind=EventKind.REVIEW,
            summary=_("Borging reviewed; next review %(date)s.") % {"date": next_review_on},
        )
    return review


def criterion_add(*, innovation, by, name, target=None, unit="") -> SuccessCriterion:
    criterion = SuccessCriterion.objects.create(
        innovation=innovation, name=name, target=target, unit=unit
    )
    _event(
        innovation,
        by=by,
        kind=EventKind.PLAN,
        summary=_("Success criterion added: %(name)s") % {"name": name},
    )
    return criterion


def monitoring_add(*, innovation, by, values: dict, **fields) -> MonitoringEntry:
    """A monitoring entry with a value per success criterion that was measured."""
    with transaction.atomic():
        entry = MonitoringEntry.objects.create(innovation=innovation, created_by=by, **fields)
        CriterionValue.objects.bulk_create(
            CriterionValue(entry=entry, criterion=criterion, value=value)
            for criterion, value in values.items()
            if value is not None
        )
        _event(
            innovation,
            by=by,
            kind=EventKind.MONITORING,
            summary=_("Monitoring (%(method)s) on %(date)s")
            % {"method": entry.get_method_display(), "date": entry.observed_on},
        )
    return entry


def monitoring_remove(*, entry: MonitoringEntry, by) -> None:
    """Remove an entry made by mistake, its values and its evidence file; the history keeps
    that it was there."""
    innovation = entry.innovation
    with transaction.atomic():
        _event(
            innovation,
            by=by,
            kind=EventKind.MONITORING,
            summary=_("Monitoring of %(date)s removed: %(findings)s")
            % {"date": entry.observed_on, "findings": Truncator(entry.findings).chars(120)},
        )
        if entry.evidence_file:
            stored, name = entry.evidence_file.storage, entry.evidence_file.name
            transaction.on_commit(lambda: stored.delete(name))
        entry.delete()


def criterion_remove(*, criterion: SuccessCriterion, by) -> None:
    """Remove a success criterion and the values measured for it."""
    with transaction.atomic():
        _event(
            criterion.innovation,
            by=by,
            kind=EventKind.PLAN,
            summary=_("Success criterion removed: %(name)s") % {"name": criterion.name},
        )
        criterion.delete()


def stage_plan_set(*, innovation, stage, planned_start, planned_end, by=None) -> StagePlan:
    plan, _created = StagePlan.objects.update_or_create(
        innovation=innovation,
        stage=stage,
        defaults={"planned_start": planned_start, "planned_end": planned_end},
    )
    _event(
        innovation,
        by=by,
        kind=EventKind.PLAN,
        summary=_("Planned %(stage)s: %(start)s – %(end)s")
        % {
            "stage": Stage(stage).label,
            "start": planned_start.strftime("%d-%m-%Y") if planned_start else "?",
            "end": planned_end.strftime("%d-%m-%Y") if planned_end else "?",
        },
    )
    return plan


def slowdown_add(*, innovation, by, reason) -> Slowdown:
    slowdown = Slowdown.objects.create(
        innovation=innovation, stage=innovation.stage, reason=reason, by=by
    )
    _event(innovation, by=by, kind=EventKind.SLOWDOWN, summary=reason)
    return slowdown


def pulse_open(*, innovation, by) -> Pulse:
    if innovation.pulses.filter(closed_at__isnull=True).exists():
        raise InnovationRuleError(_("A pulse is already open for this innovation."))
    pulse = Pulse.objects.create(innovation=innovation, opened_by=by)
    _event(innovation, by=by, kind=EventKind.PULSE, summary=_("Readiness pulse opened."))
    return pulse


def pulse_close(*, pulse, by) -> Pulse:
    """Close the pulse: keep its aggregated results and delete the raw answers."""
    with transaction.atomic():
        pulse = Pulse.objects.select_for_update().get(pk=pulse.pk)
        pulse.closed_at = timezone.now()
        pulse.results = pulse_results(pulse.answers.all())
        pulse.save(update_fields=["closed_at", "results", "updated_at"])
        pulse.answers.all().delete()
    _event(pulse.innovation, by=by, kind=EventKind.PULSE, summary=_("Readiness pulse closed."))
    return pulse


def pulse_answer(*, pulse, person, willen: int, kunnen: int, comment: str = "") -> None:
    """Answer once, anonymously: who answered and what was answered are stored apart."""
    if not pulse.is_open:
        raise InnovationRuleError(_("This pulse is closed."))
    try:
        with transaction.atomic():
            PulseParticipant.objects.create(pulse=pulse, person=person)
            PulseAnswer.objects.create(
                pulse=pulse, willen=willen, kunnen=kunnen, comment=comment.strip()
            )
    except IntegrityError:
        raise InnovationRuleError(_("You already answered this pulse.")) from None
