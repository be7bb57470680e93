from django.conf import settings
from django.db import models
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


class KeptSummary(models.Model):
    """A school's row of the board overview, kept for the data version it was made from
    (tlschool/overview/board_summary.py). A row of an older version is never read."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=60)  # schooljaar, day and language it was made for
    version = models.PositiveBigIntegerField()
    data = models.JSONField()
    made_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["school", "key"], name="one_summary_per_key")
        ]

    def __str__(self):
        return f"summary {self.school_id} {self.key} v{self.version}"


class KeptHealth(models.Model):
    """A school's dashboard figures, kept for the data version they were made from
    (tlschool/overview/kept.py): plain values only, no model rows. Never read at another
    version."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=60)
    version = models.PositiveBigIntegerField()
    data = models.BinaryField()
    made_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["school", "key"], name="one_health_per_key")]

    def __str__(self):
        return f"health {self.school_id} {self.key} v{self.version}"
