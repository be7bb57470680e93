import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from innovations.stages import Stage
from plg.models import PLG
from tlschool.anonymity import MIN_ANSWERS
from tlschool.schools.models import (
    LONG_TEXT,
    PLANNED_DATE,
    RECORDED_DATE,
    Ambition,
    School,
    TimeStampedModel,
)


class ChangeColour(models.TextChoices):
    """De Caluwé's colours of change."""

    BLAUW = "blauw", _("blauw: plan and design")
    GEEL = "geel", _("geel: interests and consensus")
    ROOD = "rood", _("rood: motivating people")
    GROEN = "groen", _("groen: learning together")
    WIT = "wit", _("wit: room for what emerges")


class Anchor(models.TextChoices):
    KWALITEITSKAART = "kwaliteitskaart", _("kwaliteitskaart")
    SCHOOLPLAN = "schoolplan", _("schoolplan")
    WERKWIJZE = "werkwijze", _("agreed way of working (werkwijze)")
    OTHER = "other", _("other")


class Innovation(TimeStampedModel):
    history = HistoricalRecords()

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="innovations")
    title = models.CharField(_("title"), max_length=200)
    aanleiding = models.TextField(_("aanleiding (why now)"), max_length=LONG_TEXT)
    goal = models.TextField(
        _("goal"),
        help_text=_("What pupils and teachers will do differently."),
        max_length=LONG_TEXT,
    )
    ambition = models.ForeignKey(
        Ambition,
        verbose_name=_("ambition"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="innovations",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="owned_innovations",
    )
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    placed_on = models.DateField(
        _("responsibility placed on"), default=timezone.localdate, validators=[RECORDED_DATE]
    )
    plgs = models.ManyToManyField(
        PLG, verbose_name=_("carried by PLGs"), related_name="innovations", blank=True
    )
    planned_start = models.DateField(
        _("planned start"), null=True, blank=True, validators=[PLANNED_DATE]
    )
    planned_end = models.DateField(
        _("planned end"), null=True, blank=True, validators=[PLANNED_DATE]
    )

    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.VOORBEREIDEN
    )
    stage_since = models.DateTimeField(default=timezone.now)
    paused_from = models.CharField(
        _("paused from"), max_length=20, choices=Stage.choices, blank=True
    )

    monitoring_what = models.TextField(_("what we monitor"), blank=True, max_length=LONG_TEXT)
    monitoring_how = models.TextField(_("how"), blank=True, max_length=LONG_TEXT)
    monitoring_when = models.CharField(_("when"), max_length=200, blank=True)

    borging_agreements = models.TextField(_("borging agreements"), blank=True, max_length=LONG_TEXT)
    borging_anchor = models.CharField(
        _("anchored in"), max_length=20, choices=Anchor.choices, blank=True
    )
    borging_guardian = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("guarded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="guarded_innovations",
    )
    borging_review_on = models.DateField(
        _("review date"), null=True, blank=True, validators=[PLANNED_DATE]
    )
    # The borgingskaart's own parts (innovations.borging): where it stands in the quality
    # handbook, how it is done in class, and what monitoring showed.
    borging_theme = models.CharField(
        _("theme in the quality handbook"),
        max_length=100,
        blank=True,
        help_text=_("For example rekenen, lezen or sociale veiligheid."),
    )
    borging_in_class = models.TextField(
        _("how it is done in class"), blank=True, max_length=LONG_TEXT
    )
    borging_monitoring_showed = models.TextField(
        _("what monitoring showed"), blank=True, max_length=LONG_TEXT
    )

    change_colour = models.CharField(
        _("change approach"), max_length=10, choices=ChangeColour.choices, blank=True
    )
    change_colour_reason = models.TextField(
        _("why it fits this team"), blank=True, max_length=LONG_TEXT
    )

    revision = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title

    @property
    def has_monitoring_plan(self) -> bool:
        return all(
            value.strip()
            for value in (self.monitoring_what, self.monitoring_how, self.monitoring_when)
        )

    @property
    def has_borging_plan(self) -> bool:
        return bool(
            self.borging_agreements.strip()
            and self.borging_anchor
            and self.borging_guardian_id
            and self.borging_review_on
        )

    @property
    def days_in_stage(self) -> int:
        return (timezone.now() - self.stage_since).days


class BorgingReview(TimeStampedModel):
    """A review of what was anchored: what it found, and when the next review is."""

    innovation = models.ForeignKey(
        Innovation, on_delete=models.CASCADE, related_name="borging_reviews"
    )
    reviewed_on = models.DateField(
        _("reviewed on"), default=timezone.localdate, validators=[RECORDED_DATE]
    )
    findings = models.TextField(
        _("what the review found"),
        max_length=LONG_TEXT,
        help_text=_("Is it still done as agreed? What changes in the agreement, if anything?"),
    )
    next_review_on = models.DateField(_("next review"), validators=[PLANNED_DATE])
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-reviewed_on", "-pk"]

    def __str__(self):
        return f"{self.innovation} review {self.reviewed_on}"


class StageChange(models.Model):
    innovation = models.ForeignKey(
        Innovation, on_delete=models.CASCADE, related_name="stage_changes"
    )
    from_stage = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    to_stage = models.CharField(max_length=20, choices=Stage.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    reason = models.TextField(blank=True, max_length=LONG_TEXT)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.innovation}: {self.from_stage} → {self.to_stage}"


class SuccessCriterion(TimeStampedModel):
    history = HistoricalRecords()

    innovation = models.ForeignKey(Innovation, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("success criterion"), max_length=200)
    target = models.DecimalField(
        _("target value"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(
        _("unit"), max_length=30, blank=True, help_text=_("For example % or score.")
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name


class MonitoringMethod(models.TextChoices):
    OBSERVATION = "observation", _("observation")
    PUPIL_RESULTS = "pupil_results", _("pupil results")
    SURVEY = "survey", _("survey")
    LESSON_VISIT = "lesson_visit", _("lesson visit")
    CONVERSATION = "conversation", _("conversation")
    OTHER = "other", _("other")


def evidence_path(entry, filename):
    return f"evidence/{entry.innovation.school_id}/{entry.innovation_id}/{filename}"


class MonitoringEntry(TimeStampedModel):
    history = HistoricalRecords()

    innovation = models.ForeignKey(
        Innovation, on_delete=models.CASCADE, related_name="monitoring_entries"
    )
    observed_on = models.DateField(
        _("date"), default=timezone.localdate, validators=[RECORDED_DATE]
    )
    method = models.CharField(_("method"), max_length=20, choices=MonitoringMethod.choices)
    findings = models.TextField(_("findings"), max_length=LONG_TEXT)
    evidence_url = models.URLField(_("link to evidence"), blank=True)
    evidence_file = models.FileField(_("evidence file"), upload_to=evidence_path, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["observed_on", "pk"]

    def __str__(self):
        return f"{self.innovation} {self.observed_on}"


class Adjustment(TimeStampedModel):
    """A bijstelling: what changes and why, resting on the monitoring entries that showed it."""

    innovation = models.ForeignKey(Innovation, on_delete=models.CASCADE, related_name="adjustments")
    made_on = models.DateField(_("date"), default=timezone.localdate, validators=[RECORDED_DATE])
    what = models.TextField(_("what changes"), max_length=LONG_TEXT)
    why = models.TextField(_("why"), max_length=LONG_TEXT)
    based_on = models.ManyToManyField(
        MonitoringEntry,
        verbose_name=_("based on the monitoring of"),
        related_name="adjustments",
        blank=True,
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["made_on", "created_at"]

    def __str__(self):
        return self.what[:60]


class CriterionValue(models.Model):
    entry = models.ForeignKey(MonitoringEntry, on_delete=models.CASCADE, related_name="values")
    criterion = models.ForeignKey(SuccessCriterion, on_delete=models.CASCADE, related_name="values")
    value = models.DecimalField(max_digits=8, decimal_places=2)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "criterion"], name="one_value_per_criterion")
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"


class StagePlan(models.Model):
    history = HistoricalRecords()

    innovation = models.ForeignKey(Innovation, on_delete=models.CASCADE, related_name="stage_plans")
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    planned_start = models.DateField(
        _("planned start"), null=True, blank=True, validators=[PLANNED_DATE]
    )
    planned_end = models.DateField(
        _("planned end"), null=True, blank=True, validators=[PLANNED_DATE]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["innovation", "stage"], name="one_plan_per_stage")
        ]

    def __str__(self):
        return f"{self.innovation} {self.stage}"


class Slowdown(TimeStampedModel):
    """A deliberate vertraging: slowing down on purpose to speed up later."""

    innovation = models.ForeignKey(Innovation, on_delete=models.CASCADE, related_name="slowdowns")
    stage = models.CharField(max_length=20, choices=Stage.choices)
    reason = models.TextField(_("why we slow down"), max_length=LONG_TEXT)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return self.reason[:60]


PULSE_MIN_ANSWERS = MIN_ANSWERS


class Pulse(TimeStampedModel):
    """A short anonymous readiness check of the team: willen and kunnen.

    Results (averages, counts per score, comments) are shown only once the pulse is closed
    with at least PULSE_MIN_ANSWERS answers. While it is open nothing derived from the
    answers is shown anywhere, so reading a page before and after one colleague answers
    reveals nothing of what they said.
    """

    innovation = models.ForeignKey(Innovation, on_delete=models.CASCADE, related_name="pulses")
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    # Written when the pulse closes, after which the raw answers are deleted: the answer count
    # and, from PULSE_MIN_ANSWERS answers on, the averages, counts per score and comments.
    results = models.JSONField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.innovation} pulse {self.created_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def results_visible(self, answer_count: int) -> bool:
        return not self.is_open and answer_count >= PULSE_MIN_ANSWERS


def pulse_results(answers) -> dict:
    """What a closed pulse keeps of its answers: never less than PULSE_MIN_ANSWERS of them
    in any figure, and no figure at all below that."""
    answers = list(answers)
    if len(answers) < PULSE_MIN_ANSWERS:
        return {"answers": len(answers)}
    willen = [a.willen for a in answers]
    kunnen = [a.kunnen for a in answers]
    return {
        "answers": len(answers),
        "willen": round(sum(willen) / len(willen), 1),
        "kunnen": round(sum(kunnen) / len(kunnen), 1),
        "willen_counts": [[score, willen.count(score)] for score in range(1, 6)],
        "kunnen_counts": [[score, kunnen.count(score)] for score in range(1, 6)],
        "comments": sorted(a.comment for a in answers if a.comment),
    }


class PulseParticipant(models.Model):
    """Who answered (to answer once); never linked to what they answered."""

    pulse = models.ForeignKey(Pulse, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pulse", "person"], name="answer_pulse_once")
        ]

    def __str__(self):
        return f"{self.pulse} participant"


SCORE = [MinValueValidator(1), MaxValueValidator(5)]


class PulseAnswer(models.Model):
    """An anonymous answer: a random key, no person and no time, so order reveals nothing."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pulse = models.ForeignKey(Pulse, on_delete=models.CASCADE, related_name="answers")
    willen = models.PositiveSmallIntegerField(_("willen (veranderbereidheid)"), validators=SCORE)
    kunnen = models.PositiveSmallIntegerField(_("kunnen (verandervermogen)"), validators=SCORE)
    comment = models.CharField(_("comment"), max_length=500, blank=True)

    def __str__(self):
        return f"{self.willen}/{self.kunnen}"


class EventKind(models.TextChoices):
    CREATED = "created", _("created")
    EDITED = "edited", _("edited")
    STAGE = "stage", _("stage")
    PLAN = "plan", _("plan")
    MONITORING = "monitoring", _("monitoring")
    SLOWDOWN = "slowdown", _("slowed down")
    ADJUSTMENT = "adjustment", _("bijstelling")
    REVIEW = "review", _("borging review")
    PULSE = "pulse", _("pulse")


class InnovationEvent(models.Model):
    """The history: every edit and stage change, who and when."""

    innovation = models.ForeignKey(Innovation, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    summary = models.TextField()

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d} {self.kind}"
