from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from tlschool.schools.models import PLANNED_DATE, School


class SignalSnooze(models.Model):
    """A signal the schoolleider has seen and put aside until a date: the cause may be known
    and in hand (a PLG that does not meet in the holidays). It comes back by itself."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="signal_snoozes")
    key = models.CharField(max_length=60)
    until = models.DateField(_("until"), validators=[PLANNED_DATE])
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["school", "key"], name="one_snooze_per_signal")
        ]

    def __str__(self):
        return f"{self.school} {self.key} until {self.until}"


class KeptFigures(models.Model):
    """Figures worked out for a school, kept for the data version they were made from; a row
    of an older version is never read (tlschool/schools/versions.py raises the version)."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=60)  # schooljaar, day and language they were made for
    version = models.PositiveBigIntegerField()
    made_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{type(self).__name__} {self.school_id} {self.key} v{self.version}"

    @staticmethod
    def key_for(year) -> str:
        """What kept figures depend on besides the data: schooljaar, day and language."""
        language = translation.get_language() or "nl"
        return f"{year.label}:{timezone.localdate().isoformat()}:{language}"

    @classmethod
    def current(cls, *, schools: list, key: str) -> dict:
        """{school id: kept data} for the schools whose figures are of their present version."""
        version = {school.pk: school.data_version for school in schools}
        return {
            row.school_id: row.data
            for row in cls.objects.filter(school__in=schools, key=key)
            if row.version == version[row.school_id]
        }

    @classmethod
    def store(cls, *, schools: list, key: str, data_by_school: dict) -> None:
        """Keep new figures in one query; first drop what was kept more than two days ago."""
        cls.objects.filter(
            school__in=schools, made_at__lt=timezone.now() - timedelta(days=2)
        ).delete()
        cls.objects.bulk_create(
            [
                cls(school_id=school.pk, key=key, version=school.data_version, data=data)
                for school in schools
                for data in [data_by_school[school.pk]]
            ],
            update_conflicts=True,
            unique_fields=["school", "key"],
            update_fields=["version", "data", "made_at"],
        )


class KeptSummary(KeptFigures):
    """A school's row of the board overview (tlschool/overview/board_summary.py)."""

    data = models.JSONField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["school", "key"], name="one_summary_per_key")
        ]


class KeptHealth(KeptFigures):
    """A school's dashboard figures as plain values, no model rows (tlschool/overview/kept.py)."""

    data = models.BinaryField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["school", "key"], name="one_health_per_key")]


class StandardLevel(models.TextChoices):
    SCHOOL = "school", _("school")
    BOARD = "board", _("board")


class QualityStandard(models.Model):
    """A quality standard of an inspection framework, with the kinds of evidence of the
    programme that speak to it (tlschool.overview.evidence.KINDS). Loaded from a file in
    tlschool/overview/frameworks by `manage.py load_quality_framework`: a new onderzoekskader
    is a data change. The active standards of a level are the ones the evidence page shows."""

    framework = models.CharField(max_length=100)
    version = models.CharField(max_length=20)
    level = models.CharField(max_length=10, choices=StandardLevel.choices)
    code = models.CharField(max_length=10)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, max_length=2000)
    evidence_kinds = models.JSONField(default=list)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["level", "position", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "version", "code"], name="one_standard_per_framework_code"
            )
        ]

    def __str__(self):
        return f"{self.code} {self.title} ({self.framework} {self.version})"
