"""What the product sends by itself, to whom, and what it already sent."""

import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tlschool.schools.models import PLANNED_DATE, School


class Kind(models.TextChoices):
    AGREEMENT_DUE = "agreement_due", _("Agreements coming due or overdue")
    SESSION_COMING = "session_coming", _("A PLG session tomorrow")
    BORGING_REVIEW = "borging_review", _("A borging review coming up")
    WAITING = (
        "waiting",
        _("Waiting for you: a mandate to agree, a pulse or scan to answer, a reflection"),
    )
    WEEKLY_OVERVIEW = "weekly_overview", _("Weekly overview for the schoolleider (Monday)")


class Delivery(models.TextChoices):
    DIRECT = "direct", _("by e-mail")
    WEEKLY = "weekly", _("in one e-mail on Monday")
    OFF = "off", _("off")


# Few messages, each worth reading: one per kind and day at most, and each kind can go off.
DEFAULT_DELIVERY = {
    Kind.AGREEMENT_DUE: Delivery.DIRECT,
    Kind.SESSION_COMING: Delivery.DIRECT,
    Kind.BORGING_REVIEW: Delivery.DIRECT,
    Kind.WAITING: Delivery.DIRECT,
    Kind.WEEKLY_OVERVIEW: Delivery.DIRECT,
}


def delivery_of(user, kind) -> str:
    row = Preference.objects.filter(user=user, kind=kind).values_list("delivery", flat=True)
    return row.first() or DEFAULT_DELIVERY[kind]


class Preference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_preferences"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    delivery = models.CharField(max_length=10, choices=Delivery.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self):
        return f"{self.user}: {self.kind} {self.delivery}"


class Notice(models.Model):
    """One reminder about one thing on one occasion, claimed before it is sent: its key is
    unique, so a second run or a second worker finds it taken and sends nothing."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    key = models.CharField(max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Empty while it waits for the person's Monday e-mail (weekly delivery), with what it says.
    sent_at = models.DateTimeField(null=True, blank=True)
    content = models.JSONField(default=dict, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["user"], condition=models.Q(sent_at__isnull=True), name="notices_waiting"
            )
        ]

    def __str__(self):
        return self.key


class Heartbeat(models.Model):
    """The worker's last sign of life, for /healthz."""

    name = models.CharField(max_length=40, unique=True)
    beat_at = models.DateTimeField()

    def __str__(self):
        return f"{self.name} {self.beat_at:%Y-%m-%d %H:%M:%S}"


class Holiday(models.Model):
    """A school holiday (inclusive): no reminders are sent on it and it counts as no school
    day."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="holidays")
    name = models.CharField(_("name"), max_length=80)
    first_day = models.DateField(_("first day"), validators=[PLANNED_DATE])
    last_day = models.DateField(_("last day"), validators=[PLANNED_DATE])

    class Meta:
        ordering = ["first_day"]

    def __str__(self):
        return f"{self.name} {self.first_day}–{self.last_day}"

    def clean(self):
        if self.first_day and self.last_day and self.last_day < self.first_day:
            raise ValidationError({"last_day": _("The last day comes on or after the first day.")})


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class FeedToken(models.Model):
    """The secret in a person's calendar-feed address, stored hashed. Renewing replaces it:
    the old address stops at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_token"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"feed of {self.user}"

    @classmethod
    def renew(cls, user) -> str:
        """A new secret for `user`; returns it (it is never stored in the clear)."""
        token = secrets.token_urlsafe(32)
        cls.objects.update_or_create(user=user, defaults={"token_hash": token_hash(token)})
        return token

    @classmethod
    def user_for(cls, token: str):
        row = cls.objects.filter(token_hash=token_hash(token)).select_related("user").first()
        return row.user if row and row.user.is_active else None
