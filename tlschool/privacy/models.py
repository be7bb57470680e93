"""What the AVG asks of the school's records: who looked at private data, how long each kind
of data is kept, and who left and was forgotten."""

import calendar
from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tlschool.schools.models import School


class AccessKind(models.TextChoices):
    ROLE_PRIVATE = "role_private", _("private part of a role (time, skills, dialogue notes)")
    PERSON_EXPORT = "person_export", _("download of all data about a person")
    CSV_EXPORT = "csv_export", _("CSV export")
    YEAR_REPORT = "year_report", _("year report")


class AccessLog(models.Model):
    """One look at private data: who, when, what, and whose data (empty for a whole school)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("whose data"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(_("what"), max_length=20, choices=AccessKind.choices)
    detail = models.CharField(_("detail"), max_length=200, blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["school", "subject", "-at"], name="access_log_subject")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind}"


def months(default: int, label, help_text=""):
    return models.PositiveSmallIntegerField(
        label,
        default=default,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=help_text,
    )


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day if it is shorter):
    how every retention period in months is counted."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


class Retention(models.Model):
    """How long the school keeps each kind of data (bewaartermijnen), in months.
    `python manage.py apply_retention` applies them every day."""

    school = models.OneToOneField(School, on_delete=models.CASCADE, related_name="retention")
    dialogue_notes_months = months(
        12,
        _("dialogue notes and self-assessments: months after the role ends"),
        _("Conversations between schoolleider and teacher leader are kept while they help."),
    )
    time_log_months = months(
        24,
        _("time log: months after the end of its schooljaar"),
        _("The hours a teacher leader logged, kept for the year's evaluation and the next."),
    )
    former_member_months = months(
        12,
        _("a colleague who left: months until they are anonymised"),
        _("Shared records stay under 'Oud-teamlid'; private data goes."),
    )
    evidence_months = months(
        60,
        _("evidence files of monitoring: months after they were added"),
        _("The entry and its findings stay; the file goes."),
    )
    access_log_months = months(12, _("access log: months"))

    def __str__(self):
        return f"retention {self.school}"

    @classmethod
    def for_school(cls, school) -> "Retention":
        """The school's periods; the defaults until the schoolleider changes them."""
        retention, _created = cls.objects.get_or_create(school=school)
        return retention


class DepartureQuerySet(models.QuerySet):
    def not_forgotten(self, school):
        """Colleagues who left this school and are not forgotten (yet)."""
        return self.filter(school=school, erased_at=None)


class Departure(models.Model):
    """A colleague left the school on a date: what retention counts from."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    left_at = models.DateTimeField()
    erased_at = models.DateTimeField(null=True, blank=True)

    objects = DepartureQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["school", "person"], name="one_departure_per_school")
        ]
        ordering = ["-left_at"]

    def __str__(self):
        return f"departure {self.left_at:%Y-%m-%d}"


class Erasure(models.Model):
    """A person was forgotten: the one line that remains, without their name."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    pseudonym = models.CharField(_("now named"), max_length=150)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    automatic = models.BooleanField(_("by the retention period"), default=False)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return self.pseudonym
