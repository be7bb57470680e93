import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tlschool.schools.models import LONG_TEXT, PLANNED_DATE, RECORDED_DATE, School, TimeStampedModel


class PLG(TimeStampedModel):
    """A professionele leergemeenschap: colleagues who research and improve one theme together."""

    history = HistoricalRecords(m2m_fields=["leaders", "members"])

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="plgs")
    name = models.CharField(_("name"), max_length=150)
    theme = models.CharField(_("theme"), max_length=200)
    research_question = models.TextField(
        _("research question (onderzoeksvraag)"), blank=True, max_length=LONG_TEXT
    )
    leaders = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("led by"), related_name="led_plgs"
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("members"), related_name="plgs", blank=True
    )
    rhythm = models.CharField(
        _("meeting rhythm"), max_length=100, blank=True, help_text=_("For example every two weeks.")
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["-is_active", "name"]
        verbose_name = "PLG"

    def __str__(self):
        return self.name


class WorkKind(models.TextChoices):
    EXPERIMENT = "experiment", _("experiment")
    LESSON_STUDY = "lesson_study", _("lesson study")
    DATA_ANALYSIS = "data_analysis", _("data analysis")
    LITERATURE = "literature", _("literature")
    LESSON_VISITS = "lesson_visits", _("visiting each other's lessons")
    OTHER = "other", _("other")


class Protocol(models.TextChoices):
    """The shape a session follows (plg.protocols gives each its words)."""

    OTHER = "anders", _("anders")
    BORDSESSIE = "bordsessie", _("bordsessie")
    LESBEZOEK = "lesbezoek", _("lesbezoek en feedback")
    LESONTWERP = "lesontwerp", _("gezamenlijk lesontwerp")
    DATA_ANALYSE = "data_analyse", _("data-analyse")


class DuFourQuestion(models.TextChoices):
    """DuFour's four questions of a professional learning community; each is a field of the
    session, named by its value."""

    LEARN = "q_learn", _("What should pupils learn?")
    KNOW = "q_know", _("How do we know they learned it?")
    NOT_LEARNED = "q_not_learned", _("What do we do when they don't learn it?")
    ALREADY = "q_already", _("What do we do when they already know it?")


class SessionStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    FINAL = "final", _("final")


class Session(TimeStampedModel):
    """One PLG meeting. A draft keeps whatever was typed; a final session is complete."""

    history = HistoricalRecords(excluded_fields=["private_notes", "form_key"])

    plg = models.ForeignKey(PLG, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField(_("date"), default=timezone.localdate, validators=[RECORDED_DATE])
    starts_at = models.TimeField(_("start time"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), null=True, blank=True
    )
    within_school_time = models.BooleanField(_("within school time"), default=True)
    work_kind = models.CharField(
        _("kind of work"), max_length=20, choices=WorkKind.choices, default=WorkKind.EXPERIMENT
    )
    protocol = models.CharField(
        _("protocol"), max_length=20, choices=Protocol.choices, default=Protocol.OTHER
    )
    focus = models.CharField(_("focus"), max_length=300, blank=True)
    # DuFour's four questions (plg.protocols.DuFourQuestion): which this session worked on.
    q_learn = models.BooleanField(DuFourQuestion.LEARN.label, default=False)
    q_know = models.BooleanField(DuFourQuestion.KNOW.label, default=False)
    q_not_learned = models.BooleanField(DuFourQuestion.NOT_LEARNED.label, default=False)
    q_already = models.BooleanField(DuFourQuestion.ALREADY.label, default=False)
    tried = models.TextField(_("what we tried"), blank=True, max_length=LONG_TEXT)
    learned = models.TextField(_("what we learned"), blank=True, max_length=LONG_TEXT)
    private_notes = models.TextField(
        _("private notes"),
        blank=True,
        max_length=LONG_TEXT,
        help_text=_("Only the PLG's members and the schoolleider read these."),
    )
    guests = models.CharField(_("guests"), max_length=300, blank=True)
    next_session_on = models.DateField(
        _("next session"), null=True, blank=True, validators=[PLANNED_DATE]
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SessionStatus.choices, default=SessionStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Who saved it last: a save of one's own in another tab is no conflict, someone else's is.
    last_saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    # One per opened form: a second submit of the same form (a double click, two requests
    # at once, an autosave arriving after the final save) finds this session, not a new one.
    form_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["plg", "-held_on"], name="session_timeline")]

    def __str__(self):
        return f"{self.plg} {self.held_on}"

    @property
    def is_draft(self) -> bool:
        return self.status == SessionStatus.DRAFT

    @property
    def follows_protocol(self) -> bool:
        return self.protocol != Protocol.OTHER

    @property
    def words(self):
        """The protocol's words for this session's texts (plg.protocols)."""
        from plg.protocols import protocol_form

        return protocol_form(self.protocol)

    @property
    def questions(self) -> list:
        """DuFour's questions this session worked on, in their order."""
        return [q for q in DuFourQuestion if getattr(self, q.value)]


class Attendance(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    present = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="one_attendance_per_person")
        ]

    def __str__(self):
        return f"{self.person} {'present' if self.present else 'absent'}"


class Agreement(TimeStampedModel):
    """An afspraak made in a session: who does what by when. Open until ticked off."""

    history = HistoricalRecords()

    plg = models.ForeignKey(PLG, on_delete=models.CASCADE, related_name="agreements")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="agreements")
    text = models.CharField(_("agreement"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="plg_agreements",
    )
    due_on = models.DateField(_("due date"), validators=[PLANNED_DATE])
    done_on = models.DateField(_("done on"), null=True, blank=True, validators=[RECORDED_DATE])
    closed_in = models.ForeignKey(
        Session,
        verbose_name=_("ticked off in the session of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="closed_agreements",
    )

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [
            # Open agreements are read on every overview; done ones pile up over the years.
            models.Index(
                fields=["plg", "due_on"], condition=Q(done_on__isnull=True), name="open_agreements"
            ),
        ]

    def __str__(self):
        return self.text

    @property
    def is_open(self) -> bool:
        return self.done_on is None

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on < timezone.localdate()


class Reflection(TimeStampedModel):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="reflections")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("reflection"), max_length=2000)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.author}: {self.text[:40]}"


class MeetingPlan(TimeStampedModel):
    """When a PLG meets: every so many weeks from a first date, at a time, until a last date.
    The session form, the reminders and the calendar feeds take their dates from it."""

    plg = models.OneToOneField(PLG, on_delete=models.CASCADE, related_name="meeting_plan")
    first_on = models.DateField(_("first meeting"), validators=[PLANNED_DATE])
    every_weeks = models.PositiveSmallIntegerField(
        _("every how many weeks"),
        default=2,
        help_text=_("1 is every week, 2 every other week, 4 once a month on the same weekday."),
    )
    starts_at = models.TimeField(_("starts at"), default="14:30")
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    until = models.DateField(
        _("last meeting"),
        null=True,
        blank=True,
        validators=[PLANNED_DATE],
        help_text=_("Empty: until the PLG is closed."),
    )

    def __str__(self):
        return f"{self.plg}: every {self.every_weeks} weeks from {self.first_on}"


class MeetingChange(models.Model):
    """One date apart from the plan: an extra meeting, or a planned one that does not happen."""

    plg = models.ForeignKey(PLG, on_delete=models.CASCADE, related_name="meeting_changes")
    on = models.DateField(_("date"), validators=[PLANNED_DATE])
    cancelled = models.BooleanField(_("cancelled"), default=False)

    class Meta:
        ordering = ["on"]
        constraints = [models.UniqueConstraint(fields=["plg", "on"], name="one_change_per_day")]

    def __str__(self):
        return f"{self.plg} {self.on} {'cancelled' if self.cancelled else 'added'}"


class HealthScan(TimeStampedModel):
    """A PLG's anonymous health scan of one term (plg.health_scan holds its statements).

    Results are shown only once it is closed with at least `tlschool.anonymity.MIN_ANSWERS`
    answers; while open only the number of answers is. Closing keeps the aggregated results
    and deletes the raw answers.
    """

    plg = models.ForeignKey(PLG, on_delete=models.CASCADE, related_name="health_scans")
    opened_on = models.DateField(default=timezone.localdate, validators=[RECORDED_DATE])
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    results = models.JSONField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["opened_on", "pk"]

    def __str__(self):
        return f"{self.plg} scan {self.opened_on}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class HealthScanParticipant(models.Model):
    """Who answered (to answer once); never linked to what they answered."""

    scan = models.ForeignKey(HealthScan, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scan", "person"], name="answer_scan_once")]

    def __str__(self):
        return f"{self.scan} participant"


class HealthScanAnswer(models.Model):
    """An anonymous answer: a random key, no person and no time, so order reveals nothing."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    scan = models.ForeignKey(HealthScan, on_delete=models.CASCADE, related_name="answers")
    scores = models.JSONField()  # statement key → 1..5
    open_answer = models.CharField(_("open answer"), max_length=500, blank=True)

    def __str__(self):
        return "answer"
