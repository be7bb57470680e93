from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# Long free text (findings, notes, reasons): enough for a page of text, short enough that
# every page, export and PDF that shows it stays fast. Forms say so when it is more.
LONG_TEXT = 5000


def _years_from(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@deconstructible
class SchoolDateRange:
    """A date a school would write down: at most `years_back` years ago and `years_ahead`
    years ahead of today. Every date field carries one (0001-01-01 is nobody's meeting)."""

    def __init__(self, *, years_back: int, years_ahead: int):
        self.years_back = years_back
        self.years_ahead = years_ahead

    def bounds(self, today: date | None = None) -> tuple[date, date]:
        today = today or timezone.localdate()
        return _years_from(today, -self.years_back), _years_from(today, self.years_ahead)

    def __call__(self, value):
        first, last = self.bounds()
        if value is not None and not first <= value <= last:
            raise ValidationError(
                _("Choose a date between %(first)s and %(last)s."),
                code="date_range",
                params={"first": date_format(first), "last": date_format(last)},
            )

    def __eq__(self, other):
        return isinstance(other, SchoolDateRange) and (self.years_back, self.years_ahead) == (
            other.years_back,
            other.years_ahead,
        )


# What happened (a session, an entry, an announcement) and what is planned (a due date).
RECORDED_DATE = SchoolDateRange(years_back=10, years_ahead=1)
PLANNED_DATE = SchoolDateRange(years_back=10, years_ahead=5)


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Board(TimeStampedModel):
    """A schoolbestuur: one legal body with several schools."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(unique=True)
    # Sign-in rules of the board (tlschool/accounts/signin.py).
    password_sign_in = models.BooleanField(
        _("people may sign in with a password"),
        default=True,
        help_text=_(
            "Switch off once everyone signs in with the school's own account: a password, "
            "even the right one, then opens nothing of this board."
        ),
    )
    two_factor_for_leaders = models.BooleanField(
        _("schoolleiders and board staff need a second step"),
        default=True,
        help_text=_(
            "Who signs in with a password then also types a code from an authenticator app."
        ),
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class HolidayRegion(models.TextChoices):
    """The three regions the Dutch government spreads school holidays over."""

    NOORD = "noord", _("noord")
    MIDDEN = "midden", _("midden")
    ZUID = "zuid", _("zuid")


class School(TimeStampedModel):
    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="schools")
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(unique=True)
    vision = models.TextField(_("vision"), blank=True, max_length=LONG_TEXT)
    dagdeel_hours = models.DecimalField(
        _("hours per dagdeel"),
        max_digits=4,
        decimal_places=2,
        default=Decimal("4.00"),
        validators=[MinValueValidator(Decimal("1")), MaxValueValidator(Decimal("8"))],
    )
    outside_time_threshold_percent = models.PositiveSmallIntegerField(
        _("warning threshold for time outside school hours (%)"),
        default=25,
        validators=[MaxValueValidator(100)],
    )
    monitoring_gap_weeks = models.PositiveSmallIntegerField(
        _("signal after weeks without monitoring"), default=6, validators=[MinValueValidator(1)]
    )
    plg_gap_weeks = models.PositiveSmallIntegerField(
        _("signal after weeks without a PLG session"), default=6, validators=[MinValueValidator(1)]
    )
    # Raised by every change to the school's data (tlschool/schools/versions.py): summaries
    # kept for the board overview are read only at the version they were made for.
    data_version = models.PositiveBigIntegerField(default=0, editable=False)
    holiday_region = models.CharField(
        _("holiday region"), max_length=6, choices=HolidayRegion.choices, blank=True
    )
    bijstellen_weeks = models.PositiveSmallIntegerField(
        _("signal after weeks in bijstellen"),
        default=6,
        validators=[MinValueValidator(1)],
        help_text=_("Adjusting takes time; after this the dashboard asks for the next step."),
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    SCHOOLLEIDER = "schoolleider", _("schoolleider")
    TEACHER_LEADER = "teacher_leader", _("teacher leader")
    TEAMLID = "teamlid", _("team member")


class Membership(TimeStampedModel):
    history = HistoricalRecords()

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.TEAMLID)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "school"], name="one_membership_per_school")
        ]
        ordering = ["school__name", "user__full_name"]

    def __str__(self):
        return f"{self.user} — {self.school} ({self.get_role_display()})"


class BoardStaff(TimeStampedModel):
    """Board staff read every school of their board, and change nothing."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="board_roles"
    )
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="staff")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "board"], name="one_staff_per_board")
        ]

    def __str__(self):
        return f"{self.user} — {self.board}"


class Ambition(TimeStampedModel):
    """A point of the school's vision that improvements link to; the schoolleider keeps the list."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="ambitions")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=LONG_TEXT)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "title"]

    def __str__(self):
        return self.title


class Invitation(TimeStampedModel):
    """A school asks a person to join its team. Until the person accepts (signed in as
    themself) they are no member: the school sees only the name and e-mail address it
    typed, never the account's own name or whether an account already existed."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.TEAMLID)
    name_given = models.CharField(_("name"), max_length=150)
    email_given = models.EmailField(_("e-mail address"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "school"], name="one_invitation_per_school")
        ]
        ordering = ["name_given"]

    def __str__(self):
        return f"{self.name_given} — {self.school}"


class KeptPage(models.Model):
    """A page as it was rendered for one person, kept for the school's data version it was
    made from (tlschool/schools/kept_pages.py): a page of an older version is never served.
    The rows of earlier days go when a page of a new day is kept."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64)  # a hash of the page, the person and what they see
    version = models.CharField(max_length=200)
    made_on = models.DateField(validators=[RECORDED_DATE])
    body = models.BinaryField()  # zlib-compressed HTML with the request's own values marked

    class Meta:
        constraints = [models.UniqueConstraint(fields=["school", "key"], name="one_kept_page")]
        indexes = [models.Index(fields=["school", "made_on"], name="kept_page_day")]

    def __str__(self):
        return f"kept page {self.school_id} {self.key[:8]} v{self.version}"
