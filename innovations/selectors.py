"""Queries the innovation pages need, each a fixed number of SQL statements."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, F, Max, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from innovations.models import (
    Adjustment,
    CriterionValue,
    Innovation,
    MonitoringEntry,
    Pulse,
    StageChange,
    SuccessCriterion,
)
from innovations.stages import ADJUSTABLE, FINISHED, PLANNED_STAGES, Stage
from plg.models import PLG
from tlschool.charts import Series, line_chart
from tlschool.history import history_lines


def innovations_for_school(school):
    return (
        Innovation.objects.filter(school=school)
        .select_related("owner", "ambition")
        .prefetch_related("plgs")
        .annotate(
            monitoring_count=Count("monitoring_entries", distinct=True),
            last_monitoring_on=Max("monitoring_entries__observed_on"),
        )
    )


def innovations_owned_by(*, school, person_ids) -> dict[int, list[Innovation]]:
    result = defaultdict(list)
    rows = Innovation.objects.filter(school=school, owner_id__in=person_ids).exclude(
        stage__in=FINISHED
    )
    for innovation in rows.only("pk", "title", "owner_id"):
        result[innovation.owner_id].append(innovation)
    return dict(result)


def innovation_detail_queryset(school):
    return (
        Innovation.objects.filter(school=school)
        .select_related("owner", "ambition", "borging_guardian", "placed_by")
        .prefetch_related(
            Prefetch("plgs", queryset=PLG.objects.prefetch_related("members", "leaders")),
            "criteria",
            Prefetch(
                "monitoring_entries",
                queryset=MonitoringEntry.objects.select_related("created_by").prefetch_related(
                    Prefetch("values", queryset=CriterionValue.objects.select_related("criterion"))
                ),
            ),
            Prefetch("stage_changes", queryset=StageChange.objects.select_related("by")),
            Prefetch("adjustments", queryset=Adjustment.objects.prefetch_related("based_on")),
            "slowdowns",
            "stage_plans",
            Prefetch("pulses", queryset=Pulse.objects.annotate(answer_count=Count("answers"))),
        )
    )


def measured(innovation) -> dict[int, list[tuple]]:
    """Per success criterion, (day, value) of every monitoring entry that measured it, oldest
    first: from the detail queryset's prefetched rows, for the chart, the bijstellingen and
    the question for one."""
    found = defaultdict(list)
    for entry in innovation.monitoring_entries.all():
        for value in entry.values.all():
            found[value.criterion_id].append((entry.observed_on, value.value))
    return found


def criteria_chart(innovation, effects):
    """One line per success criterion over the monitoring dates, each bijstelling of
    `effects` (adjustment_effects) marked."""
    values = measured(innovation)
    series = [
        Series(
            criterion.name,
            [(day.isoformat(), float(value)) for day, value in values[criterion.pk]],
            target=float(criterion.target) if criterion.target is not None else None,
        )
        for criterion in innovation.criteria.all()
    ]
    markers = [
        (
            effect.adjustment.made_on,
            effect.label,
            f"{effect.label} {date_format(effect.adjustment.made_on)}: {effect.adjustment.what}",
        )
        for effect in effects
    ]
    return line_chart([s for s in series if s.points], markers=markers)


@dataclass
class CriterionMove:
    """One success criterion around a bijstelling: the last value before it and what the
    entries after it measured."""

    name: str
    unit: str
    target: float | None
    before: float | None
    after: list[float]

    @property
    def latest(self) -> float | None:
        return self.after[-1] if self.after else None

    @property
    def direction(self) -> str:
        """ "up", "down", "same", or "" while there is nothing to compare."""
        if self.before is None or self.latest is None:
            return ""
        if self.latest > self.before:
            return "up"
        return "down" if self.latest < self.before else "same"

    @property
    def reaches_target(self) -> bool:
        return self.target is not None and self.latest is not None and self.latest >= self.target


@dataclass
class AdjustmentEffect:
    adjustment: object
    label: str  # B1, B2…: as the chart marks it
    based_on: list
    moves: list[CriterionMove]


def adjustment_effects(innovation) -> list[AdjustmentEffect]:
    """Each bijstelling with the entries it rests on and, per criterion, whether the values
    measured after it moved. From the detail queryset's prefetched rows, no further query."""
    values = measured(innovation)
    criteria = list(innovation.criteria.all())
    effects = []
    for number, adjustment in enumerate(innovation.adjustments.all(), start=1):
        day = adjustment.made_on
        moves = []
        for criterion in criteria:
            earlier = [float(v) for on, v in values[criterion.pk] if on <= day]
            later = [float(v) for on, v in values[criterion.pk] if on > day]
            if not earlier and not later:
                continue
            moves.append(
                CriterionMove(
                    name=criterion.name,
                    unit=criterion.unit,
                    target=float(criterion.target) if criterion.target is not None else None,
                    before=earlier[-1] if earlier else None,
                    after=later,
                )
            )
        effects.append(
            AdjustmentEffect(
                adjustment=adjustment,
                label=f"B{number}",
                based_on=list(adjustment.based_on.all()),
                moves=moves,
            )
        )
    return effects


@dataclass
class StagePace:
    stage: str
    planned_start: object
    planned_end: object
    actual_start: object
    actual_end: object
    slowed: list

    @property
    def label(self):
        return Stage(self.stage).label

    @property
    def is_behind(self) -> bool:
        """Later than planned, unless the stage was slowed down on purpose."""
        if self.slowed:
            return False
        today = timezone.localdate()
        if self.planned_end and self.actual_start and not self.actual_end:
            return today > self.planned_end
        if self.planned_end and self.actual_end:
            return self.actual_end > self.planned_end
        if self.planned_start and not self.actual_start:
            return today > self.planned_start
        return False


def pace(innovation) -> list[StagePace]:
    plans = {plan.stage: plan for plan in innovation.stage_plans.all()}
    starts, ends = {}, {}
    for change in innovation.stage_changes.all():
        day = timezone.localdate(change.at)
        starts.setdefault(change.to_stage, day)
        if change.from_stage:
            ends[change.from_stage] = day
    slowdowns = defaultdict(list)
    for slowdown in innovation.slowdowns.all():
        slowdowns[slowdown.stage].append(slowdown)
    rows = []
    for stage in PLANNED_STAGES:
        plan = plans.get(stage)
        rows.append(
            StagePace(
                stage=stage,
                planned_start=plan.planned_start if plan else None,
                planned_end=plan.planned_end if plan else None,
                actual_start=starts.get(stage),
                actual_end=ends.get(stage) if stage != innovation.stage else None,
                slowed=slowdowns.get(stage, []),
            )
        )
    return rows


@dataclass
class PulseResult:
    answers: int
    shown: bool
    willen: float | None = None
    kunnen: float | None = None
    willen_counts: list | None = None
    kunnen_counts: list | None = None
    comments: list | None = None


def pulse_result(pulse) -> PulseResult:
    """While open: how many answered, nothing else. Closed: what it kept (`Pulse.results`),
    shown only with enough answers (`Pulse.results_visible`)."""
    if pulse.is_open:
        count = getattr(pulse, "answer_count", None)
        return PulseResult(answers=pulse.answers.count() if count is None else count, shown=False)
    results = pulse.results or {"answers": 0}
    if not pulse.results_visible(results["answers"]):
        return PulseResult(answers=results["answers"], shown=False)
    return PulseResult(
        answers=results["answers"],
        shown=True,
        willen=results["willen"],
        kunnen=results["kunnen"],
        willen_counts=[tuple(pair) for pair in results["willen_counts"]],
        kunnen_counts=[tuple(pair) for pair in results["kunnen_counts"]],
        comments=results["comments"],
    )


def open_pulses_for(*, school, person):
    """Open pulses in the school that this person has not answered yet."""
    return (
        Pulse.objects.filter(innovation__school=school, closed_at__isnull=True)
        .exclude(participants__person=person)
        .select_related("innovation")
    )


def innovations_overview(*, schools):
    """Innovations of several schools with their monitoring, stage plans and newest closed
    pulse (answer count and averages only: an open pulse shows nothing), in two queries."""
    newest_pulse = Pulse.objects.filter(
        innovation=OuterRef("pk"), closed_at__isnull=False
    ).order_by("-closed_at")
    last_adjustment = Adjustment.objects.filter(innovation=OuterRef("pk")).order_by("-made_on")
    # For "under the streefwaarde two entries in a row": the newest values first.
    targeted = SuccessCriterion.objects.filter(
        target__isnull=False, innovation__stage__in=ADJUSTABLE
    ).prefetch_related(
        Prefetch(
            "values",
            queryset=CriterionValue.objects.annotate(observed_on=F("entry__observed_on")).order_by(
                "-entry__observed_on", "-entry_id"
            ),
        )
    )
    return (
        Innovation.objects.filter(school__in=schools)
        .select_related("owner", "school")
        .prefetch_related(
            "stage_plans",
            "slowdowns",
            Prefetch("criteria", queryset=targeted, to_attr="targeted_criteria"),
        )
        .annotate(
            monitoring_count=Count("monitoring_entries", distinct=True),
            last_monitoring_on=Max("monitoring_entries__observed_on"),
            pulse_results=Subquery(newest_pulse.values("results")[:1]),
            last_adjustment_on=Subquery(last_adjustment.values("made_on")[:1]),
        )
        .order_by("school__name", "title")
    )


def criterion_under_target(*, stage, criteria, last_adjustment_on):
    """The one rule of "ask for a bijstelling": the first success criterion whose two newest
    values are both under its streefwaarde, with no bijstelling since the first of them; None
    when there is none. `criteria`: (criterion, its values as (value, observed on), newest
    first)."""
    if stage not in ADJUSTABLE:
        return None
    for criterion, values in criteria:
        newest = values[:2]
        if criterion.target is None or len(newest) < 2:
            continue
        if any(value >= criterion.target for value, _day in newest):
            continue
        since = newest[1][1]
        if last_adjustment_on is None or last_adjustment_on < since:
            return criterion
    return None


def stays_under_target(innovation):
    """For the dashboard: `innovation` comes from `innovations_overview` (its targeted
    criteria with their newest values, and its last bijstelling)."""
    return criterion_under_target(
        stage=innovation.stage,
        criteria=[
            (criterion, [(v.value, v.observed_on) for v in criterion.values.all()])
            for criterion in innovation.targeted_criteria
        ],
        last_adjustment_on=innovation.last_adjustment_on,
    )


def asks_for_adjustment(innovation):
    """For the innovation's own page, from the detail queryset's prefetched rows: the same
    rule the dashboard asks by."""
    values = measured(innovation)
    adjustments = [a.made_on for a in innovation.adjustments.all()]
    return criterion_under_target(
        stage=innovation.stage,
        criteria=[
            (c, [(value, day) for day, value in reversed(values[c.pk])])
            for c in innovation.criteria.all()
        ],
        last_adjustment_on=max(adjustments, default=None),
    )


def current_stage_pace(innovation) -> StagePace | None:
    """The pace row of the stage the innovation is in now, from its prefetched plans and
    slow-downs (None when that stage is not planned, such as paused or finished)."""
    if innovation.stage not in PLANNED_STAGES:
        return None
    plan = next((p for p in innovation.stage_plans.all() if p.stage == innovation.stage), None)
    return StagePace(
        stage=innovation.stage,
        planned_start=plan.planned_start if plan else None,
        planned_end=plan.planned_end if plan else None,
        actual_start=timezone.localdate(innovation.stage_since),
        actual_end=None,
        slowed=[s for s in innovation.slowdowns.all() if s.stage == innovation.stage],
    )


def is_behind_plan(innovation) -> bool:
    """Behind plan: the current stage is past its planned end (and was not slowed down on
    purpose), or the whole trajectory is past its planned end. The one rule the innovation's
    page, the dashboard, the board overview and the export show."""
    if innovation.stage in FINISHED:
        return False
    current = current_stage_pace(innovation)
    if current is not None and current.is_behind:
        return True
    return bool(innovation.planned_end and innovation.planned_end < timezone.localdate())


def recent_stage_changes(*, school, limit: int = 5):
    """Innovations that moved lately, newest first: for everyone's home page."""
    return (
        StageChange.objects.filter(innovation__school=school)
        .select_related("innovation")
        .order_by("-at", "-pk")[:limit]
    )


def innovations_for_person(*, school, person):
    """Innovations a person takes part in: as owner or through a PLG that carries it."""
    return (
        Innovation.objects.filter(school=school)
        .filter(Q(owner=person) | Q(plgs__members=person) | Q(plgs__leaders=person))
        .exclude(stage__in=FINISHED)
        .select_related("owner")
        .distinct()
        .order_by("title")
    )


def innovations_for_report(*, school, start, end):
    """Innovations active in a period with their stages, monitoring and adjustments."""
    return (
        Innovation.objects.filter(school=school, created_at__date__lte=end)
        .exclude(stage__in=FINISHED, stage_since__date__lt=start)
        .select_related("owner", "borging_guardian")
        .prefetch_related(
            "stage_changes",
            "adjustments",
            Prefetch(
                "monitoring_entries", queryset=MonitoringEntry.objects.order_by("observed_on")
            ),
        )
        .order_by("title")
    )


def innovation_history(innovation):
    """Field-level history of the trajectory and what belongs to it, newest first."""
    from innovations.models import StagePlan, SuccessCriterion

    def subject(record):
        if isinstance(record, Innovation.history.model):
            return _("The trajectory")
        if isinstance(record, SuccessCriterion.history.model):
            return _("Success criterion %(name)s") % {"name": record.name}
        if isinstance(record, MonitoringEntry.history.model):
            return _("Monitoring of %(date)s") % {"date": date_format(record.observed_on)}
        return _("Plan for %(stage)s") % {"stage": Stage(record.stage).label}

    return history_lines(
        Innovation.history.filter(id=innovation.pk),
        SuccessCriterion.history.filter(innovation_id=innovation.pk),
        MonitoringEntry.history.filter(innovation_id=innovation.pk),
        StagePlan.history.filter(innovation_id=innovation.pk),
        subject=subject,
    )
