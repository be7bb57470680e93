from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tlschool.schools.models import (
    LONG_TEXT,
    PLANNED_DATE,
    RECORDED_DATE,
    Ambition,
    School,
    TimeStampedModel,
)
from tlschool.schools.schooljaar import Schooljaar


class RoleKind(models.TextChoices):
    FORMAL = "formal", _("formal")
    INFORMAL = "informal", _("informal")


class RoleQuerySet(models.QuerySet):
    def active_in(self, year: Schooljaar):
        """Roles that run in `year`: the one rule for "active in this schooljaar", used by the
        role pages, Wie leidt wat, the dashboard, the board overview, exports and the report."""
        return self.filter(
            first_schooljaar__lte=year.start_year, last_schooljaar__gte=year.start_year
        )


class TeacherLeaderRole(TimeStampedModel):
    """A teacher's leading role for one or more schooljaren; old roles stay readable."""

    history = HistoricalRecords()

    objects = RoleQuerySet.as_manager()

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="leader_roles")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="leader_roles"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=RoleKind.choices)
    title = models.CharField(
        _("title"), max_length=150, help_text=_("For example rekencoördinator or kartrekker W&T.")
    )
    expertise = models.TextField(_("expertise"), blank=True, max_length=LONG_TEXT)
    focus = models.TextField(
        _("focus"), help_text=_("What this teacher leader improves."), max_length=LONG_TEXT
    )
    ambition = models.ForeignKey(
        Ambition,
        verbose_name=_("ambition"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="leader_roles",
    )
    first_schooljaar = models.PositiveSmallIntegerField(_("first schooljaar"))
    last_schooljaar = models.PositiveSmallIntegerField(_("last schooljaar"))
    function_note = models.CharField(
        _("function or salary scale"),
        max_length=200,
        blank=True,
        help_text=_("For formal roles, for example LB-functie."),
    )

    class Meta:
        ordering = ["person__full_name", "-first_schooljaar"]

    def __str__(self):
        return f"{self.title} — {self.person}"

    @property
    def starts_on(self):
        return Schooljaar(self.first_schooljaar).start

    @property
    def ends_on(self):
        return Schooljaar(self.last_schooljaar).end

    @property
    def period_label(self):
        first = Schooljaar(self.first_schooljaar).label
        last = Schooljaar(self.last_schooljaar).label
        return first if first == last else f"{first} – {last}"


class Mandate(TimeStampedModel):
    """One version of a role's mandate. A change after agreement starts the next version."""

    history = HistoricalRecords()

    role = models.ForeignKey(TeacherLeaderRole, on_delete=models.CASCADE, related_name="mandates")
    version = models.PositiveSmallIntegerField()
    leader_agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("agreed for the teacher leader by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    leader_agreed_at = models.DateTimeField(_("teacher leader agreed on"), null=True, blank=True)
    schoolleider_agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("agreed for the school by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    schoolleider_agreed_at = models.DateTimeField(
        _("schoolleider agreed on"), null=True, blank=True
    )

    class Meta:
        ordering = ["role", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["role", "version"], name="one_mandate_per_version")
        ]

    def __str__(self):
        return f"{self.role} v{self.version}"

    @property
    def is_agreed(self) -> bool:
        return self.leader_agreed_at is not None and self.schoolleider_agreed_at is not None


class Decision(models.TextChoices):
    ALONE = "alone", _("decides alone")
    AFTER_CONSULTING = "consult", _("decides after consulting the schoolleider")
    PROPOSES = "proposes", _("proposes; the schoolleider decides")


class MandateItemKind(models.TextChoices):
    RESPONSIBILITY = "responsibility", _("responsibility")
    AUTHORITY = "authority", _("authority")


class MandateItem(TimeStampedModel):
    history = HistoricalRecords()

    mandate = models.ForeignKey(Mandate, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=MandateItemKind.choices,
        default=MandateItemKind.RESPONSIBILITY,
    )
    description = models.CharField(_("what"), max_length=300)
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.AFTER_CONSULTING
    )

    class Meta:
        ordering = ["kind", "pk"]

    def __str__(self):
        return self.description


class AnnouncementChannel(models.TextChoices):
    TEAM_MEETING = "team_meeting", _("team meeting")
    NEWSLETTER = "newsletter", _("newsletter")
    OTHER = "other", _("other")


class Announcement(TimeStampedModel):
    """How and when the schoolleider told the team what this teacher leader does and may do."""

    history = HistoricalRecords()

    role = models.ForeignKey(
        TeacherLeaderRole, on_delete=models.CASCADE, related_name="announcements"
    )
    announced_on = models.DateField(_("date"), validators=[RECORDED_DATE])
    channel = models.CharField(_("how"), max_length=20, choices=AnnouncementChannel.choices)
    text = models.TextField(_("what was said"), max_length=LONG_TEXT)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-announced_on"]

    def __str__(self):
        return f"{self.role} {self.announced_on}"


class TimeUnit(models.TextChoices):
    HOURS = "hours", _("hours")
    DAGDELEN = "dagdelen", _("dagdelen")


class TimeAllotment(TimeStampedModel):
    """Facilitated time for a role in one schooljaar."""

    history = HistoricalRecords()

    role = models.ForeignKey(TeacherLeaderRole, on_delete=models.CASCADE, related_name="allotments")
    schooljaar = models.PositiveSmallIntegerField(_("schooljaar"))
    amount = models.DecimalField(
        _("amount"),
        max_digits=6,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1000"))],
    )
    unit = models.CharField(_("unit"), max_length=10, choices=TimeUnit.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["role", "schooljaar"], name="one_allotment_per_year")
        ]

    def __str__(self):
        return f"{self.role} {self.schooljaar}: {self.amount} {self.unit}"

    def hours(self, dagdeel_hours: Decimal) -> Decimal:
        if self.unit == TimeUnit.DAGDELEN:
            return self.amount * dagdeel_hours
        return self.amount


class TimeEntry(TimeStampedModel):
    role = models.ForeignKey(
        TeacherLeaderRole, on_delete=models.CASCADE, related_name="time_entries"
    )
    worked_on = models.DateField(_("date"), validators=[RECORDED_DATE])
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=2)
    activity = models.CharField(_("activity"), max_length=200)
    within_school_time = models.BooleanField(_("within school time"), default=True)

    class Meta:
        ordering = ["-worked_on", "-pk"]

    def __str__(self):
        return f"{self.worked_on} {self.hours}h {self.activity}"


class CourseStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    RUNNING = "running", _("running")
    COMPLETED = "completed", _("completed")
    STOPPED = "stopped", _("stopped")


class Course(TimeStampedModel):
    """Scholing a teacher leader follows, for example Master Leren en Innoveren."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="courses")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("course"), max_length=200)
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    starts_on = models.DateField(_("start"), null=True, blank=True, validators=[PLANNED_DATE])
    ends_on = models.DateField(_("end"), null=True, blank=True, validators=[PLANNED_DATE])
    status = models.CharField(
        _("status"), max_length=10, choices=CourseStatus.choices, default=CourseStatus.PLANNED
    )

    class Meta:
        ordering = ["-starts_on", "name"]

    def __str__(self):
        return self.name


def one_to_five(label, **options):
    """A score from 1 to 5: self-assessments, growth profiles, wellbeing check-ins."""
    return models.PositiveSmallIntegerField(
        label, validators=[MinValueValidator(1), MaxValueValidator(5)], **options
    )


class Skill(models.TextChoices):
    OTHERS_OPINIONS = "others_opinions", _("taking others' opinions into account")
    LISTENING = "listening", _("listening")
    HARD_QUESTIONS = "hard_questions", _("asking difficult questions")
    WEIGHING = "weighing", _("weighing options")
    PRIORITISING = "prioritising", _("prioritising")
    INVOLVING = "involving", _("involving colleagues")
    USING_EXPERTISE = "using_expertise", _("using colleagues' expertise")
    CHANGE_KNOWLEDGE = "change_knowledge", _("veranderkunde")
    LEADERSHIP = "leadership", _("leadership")
    COMMUNICATION = "communication", _("communication")
    FEEDBACK = "feedback", _("giving and asking feedback")
    RESISTANCE = "resistance", _("dealing with resistance")
    POLITICS = "politics", _("acting politically")


class SelfAssessment(TimeStampedModel):
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    skill = models.CharField(_("skill"), max_length=30, choices=Skill.choices)
    score = one_to_five(_("score (1–5)"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    assessed_on = models.DateField(_("date"), validators=[RECORDED_DATE])

    class Meta:
        ordering = ["skill", "assessed_on", "pk"]

    def __str__(self):
        return f"{self.person} {self.skill} {self.score}"


class DialogueNote(TimeStampedModel):
    """Notes of the regular conversation between schoolleider and teacher leader; only they read them."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    held_on = models.DateField(_("date"), validators=[RECORDED_DATE])
    text = models.TextField(_("notes"), max_length=LONG_TEXT)

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.person} {self.held_on}"


class Recognition(models.Model):
    """A colleague's "ik weet wat [naam] doet en mag" on Wie leidt wat, after the role was
    announced to the team. The role page and the dashboard count them; nobody sees who."""

    role = models.ForeignKey(
        TeacherLeaderRole, on_delete=models.CASCADE, related_name="recognitions"
    )
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["role", "person"], name="one_recognition_per_person")
        ]

    def __str__(self):
        return f"{self.role} {self.at:%Y-%m-%d}"


class Aspiration(TimeStampedModel):
    """A colleague who would like to grow into a teacher-leader role: on which theme and why.
    Between them and the schoolleider; it comes along when they become teacher leader."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="aspirations")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    theme = models.CharField(_("theme"), max_length=200)
    why = models.TextField(_("why"), max_length=LONG_TEXT)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["school", "person"], name="one_aspiration_per_school")
        ]

    def __str__(self):
        return f"{self.person}: {self.theme}"


class GrowthStepKind(models.TextChoices):
    COURSE = "course", _("a course")
    CO_LEAD = "co_lead", _("co-leading a PLG")
    SMALL_MANDATE = "small_mandate", _("a small mandate")
    OTHER = "other", _("something else")


class GrowthStep(TimeStampedModel):
    """A step the schoolleider and the colleague agreed on the way to the role."""

    aspiration = models.ForeignKey(Aspiration, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(_("step"), max_length=20, choices=GrowthStepKind.choices)
    description = models.CharField(_("what"), max_length=300)
    taken_on = models.DateField(_("from"), validators=[PLANNED_DATE])
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["taken_on", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.description}"


class WellbeingCheckIn(TimeStampedModel):
    """A short check-in of the teacher leader in the conversation with the schoolleider:
    energy and workload, seen only by the two of them."""

    SCALE = [(n, str(n)) for n in range(1, 6)]

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    held_on = models.DateField(_("date"), validators=[RECORDED_DATE])
    energy = one_to_five(_("energy (1 low – 5 high)"), choices=SCALE)
    workload = one_to_five(_("workload (1 light – 5 too much)"), choices=SCALE)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.person} {self.held_on}"


class LeadershipGoal(TimeStampedModel):
    """What the schoolleider is learning in leading teacher leaders; their teacher leaders
    read it."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.CharField(_("learning goal"), max_length=300)
    reached_on = models.DateField(
        _("reached on"), null=True, blank=True, validators=[RECORDED_DATE]
    )

    class Meta:
        ordering = ["reached_on", "-created_at"]

    def __str__(self):
        return self.text


class FeedbackRequest(TimeStampedModel):
    """The schoolleider asks the school's teacher leaders what they need from them."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    asked_on = models.DateField(_("asked on"), validators=[RECORDED_DATE])

    class Meta:
        ordering = ["-asked_on", "-pk"]

    def __str__(self):
        return f"{self.school} {self.asked_on}"


class FeedbackAnswer(TimeStampedModel):
    """A teacher leader's signed answer: what they need in time, mandate, support and
    information. Between them and the schoolleider; it feeds their next conversation."""

    request = models.ForeignKey(FeedbackRequest, on_delete=models.CASCADE, related_name="answers")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    time = models.TextField(_("time: what do you need?"), max_length=LONG_TEXT, blank=True)
    mandate = models.TextField(
        _("mandate: what would you like to decide?"), max_length=LONG_TEXT, blank=True
    )
    support = models.TextField(_("support: what helps you?"), max_length=LONG_TEXT, blank=True)
    information = models.TextField(
        _("information: what do you miss?"), max_length=LONG_TEXT, blank=True
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["request", "person"], name="one_answer_per_request")
        ]

    def __str__(self):
        return f"{self.person} {self.request.asked_on}"


class GrowthArea(models.TextChoices):
    """The seven domains of the Teacher Leader Model Standards, and the skills of leading
    colleagues (the same as the self-assessment's)."""

    CULTURE = "culture", _("collaborative culture")
    RESEARCH = "research", _("research")
    PROFESSIONAL_LEARNING = "professional_learning", _("professional learning")
    INSTRUCTION = "instruction", _("improving instruction")
    ASSESSMENT = "assessment", _("assessment and data")
    FAMILIES = "families", _("families and community")
    ADVOCACY = "advocacy", _("advocacy for the profession")
    LISTENING = "listening", _("listening")
    HARD_QUESTIONS = "hard_questions", _("asking difficult questions")
    PRIORITISING = "prioritising", _("prioritising")
    CHANGE = "change", _("leading change")
    RESISTANCE = "resistance", _("dealing with resistance")
    POLITICS = "politics", _("acting politically")


GROWTH_DESCRIPTIONS = {
    GrowthArea.CULTURE: _(
        "Builds a culture in which colleagues learn together and trust each other."
    ),
    GrowthArea.RESEARCH: _("Uses research and helps colleagues investigate their own practice."),
    GrowthArea.PROFESSIONAL_LEARNING: _(
        "Shapes professional learning that fits what the school needs."
    ),
    GrowthArea.INSTRUCTION: _("Helps colleagues improve their teaching, in the classroom."),
    GrowthArea.ASSESSMENT: _("Reads pupils' results with colleagues and turns them into action."),
    GrowthArea.FAMILIES: _("Involves parents and the neighbourhood in pupils' learning."),
    GrowthArea.ADVOCACY: _(
        "Speaks up for pupils and for the profession, inside and outside school."
    ),
    GrowthArea.LISTENING: _("Listens until they understand what a colleague means."),
    GrowthArea.HARD_QUESTIONS: _(
        "Asks the question that moves the team on, also when it is awkward."
    ),
    GrowthArea.PRIORITISING: _("Chooses what matters now and lets other things wait."),
    GrowthArea.CHANGE: _("Chooses a way of changing that fits this team and its pace."),
    GrowthArea.RESISTANCE: _("Reads resistance as information about willing and being able."),
    GrowthArea.POLITICS: _("Knows who decides what and finds support for a plan."),
}


class Scorer(models.TextChoices):
    SELF = "self", _("the teacher leader")
    SCHOOLLEIDER = "schoolleider", _("the schoolleider")


class GrowthScore(TimeStampedModel):
    """One side's score on one area in a schooljaar; the other side's is hidden until both
    scored, so neither is led by the other."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    schooljaar = models.PositiveSmallIntegerField(
        _("schooljaar"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    area = models.CharField(_("area"), max_length=30, choices=GrowthArea.choices)
    scorer = models.CharField(_("scored by"), max_length=20, choices=Scorer.choices)
    score = one_to_five(_("score (1–5)"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["school", "person", "schooljaar", "area", "scorer"],
                name="one_growth_score_per_side",
            )
        ]

    def __str__(self):
        return f"{self.person} {self.schooljaar} {self.area} {self.scorer} {self.score}"


class GrowthAgreement(TimeStampedModel):
    """The level the two agreed in their conversation, and one next step."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    schooljaar = models.PositiveSmallIntegerField(
        _("schooljaar"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    area = models.CharField(_("area"), max_length=30, choices=GrowthArea.choices)
    level = one_to_five(_("agreed level (1–5)"))
    next_step = models.CharField(_("next step"), max_length=300)

    class Meta:
        ordering = ["schooljaar", "area"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "person", "schooljaar", "area"], name="one_growth_agreement"
            )
        ]

    def __str__(self):
        return f"{self.person} {self.schooljaar} {self.area} {self.level}"
