"""Putting a dashboard signal aside for a while, and bringing it back."""

from datetime import timedelta

from django import forms
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tlschool.overview.models import SignalSnooze

WEEKS = [(1, _("1 week")), (2, _("2 weeks")), (4, _("4 weeks")), (8, _("8 weeks"))]


class SnoozeForm(forms.Form):
    key = forms.CharField(max_length=60, validators=[RegexValidator(r"^[a-z_]+:\d+$")])
    weeks = forms.TypedChoiceField(label=_("Put aside for"), choices=WEEKS, coerce=int)


class WakeForm(forms.Form):
    key = forms.CharField(max_length=60)


def snooze(*, school, key: str, weeks: int, by) -> SignalSnooze:
    today = timezone.localdate()
    SignalSnooze.objects.filter(school=school, until__lt=today).delete()
    snoozed, _created = SignalSnooze.objects.update_or_create(
        school=school, key=key, defaults={"until": today + timedelta(weeks=weeks), "by": by}
    )
    return snoozed


def wake(*, school, key: str) -> None:
    SignalSnooze.objects.filter(school=school, key=key).delete()
