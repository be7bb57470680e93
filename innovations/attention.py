"""What in an innovation trajectory needs the schoolleider's attention."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from innovations.models import PULSE_MIN_ANSWERS
from innovations.selectors import stays_under_target
from innovations.stages import Stage
from tlschool.attention import Attention
from tlschool.charts import number_text

LOW_PULSE_AVERAGE = 2.5


def innovation_attention(*, innovation, days_in_stage: int, school, today: date) -> list:
    """`innovation` comes from `innovations_overview`: its last monitoring date and its newest
    closed pulse's answer count and averages are annotated."""
    url = reverse("innovations:detail", args=[innovation.pk])
    title = {"title": innovation.title}
    monitoring_gap = timedelta(weeks=school.monitoring_gap_weeks)
    points = []
    since = innovation.last_monitoring_on
    if innovation.stage == Stage.MONITOREN and (
        (since is None and days_in_stage > monitoring_gap.days)
        or (since is not None and today - since > monitoring_gap)
    ):
        points.append(
            Attention(
                "monitoring_gap",
                _("%(title)s is in monitoren, but nothing was monitored for %(weeks)s weeks.")
                % {**title, "weeks": school.monitoring_gap_weeks},
                url + "#monitoring-add",
                _("Add a monitoring entry"),
                innovation.pk,
            )
        )
    if innovation.stage == Stage.BIJSTELLEN and days_in_stage > school.bijstellen_weeks * 7:
        points.append(
            Attention(
                "bijstellen_long",
                _("%(title)s has been in bijstellen for %(days)s days.")
                % {**title, "days": days_in_stage},
                url + "#move",
                _("Decide the next step"),
                innovation.pk,
            )
        )
    if (
        innovation.stage in (Stage.BORGEN, Stage.GEBORGD)
        and innovation.borging_review_on
        and innovation.borging_review_on < today
    ):
        points.append(
            Attention(
                "borging_review",
                _("The borging of %(title)s was due for review on %(date)s.")
                % {**title, "date": date_format(innovation.borging_review_on)},
                url + "#plan-borging",
                _("Review the borging"),
                innovation.pk,
            )
        )
    criterion = stays_under_target(innovation)
    if criterion is not None:
        points.append(
            Attention(
                "under_target",
                _(
                    "%(title)s: %(criterion)s stayed under its streefwaarde (%(target)s) in the "
                    "last two monitoring entries."
                )
                % {**title, "criterion": criterion.name, "target": number_text(criterion.target)},
                url + "#adjustment-add",
                _("Record a bijstelling"),
                innovation.pk,
            )
        )
    if is_readiness_low(innovation):
        points.append(
            Attention(
                "low_pulse",
                _(
                    "The team's readiness for %(title)s is low (willen %(willen)s, kunnen %(kunnen)s)."
                )
                % {**title, **_averages(innovation)},
                url + "#pulse",
                _("Talk about pace and support"),
                innovation.pk,
            )
        )
    return points


def _averages(innovation) -> dict:
    """The averages written the language's way: 'willen 2,3' in Dutch."""
    results = innovation.pulse_results
    return {key: number_format(results[key], 1) for key in ("willen", "kunnen")}


def is_readiness_low(innovation) -> bool:
    """The newest closed pulse, with enough answers to show, averages under 2.5 on either."""
    results = innovation.pulse_results or {"answers": 0}
    if results["answers"] < PULSE_MIN_ANSWERS:
        return False
    return min(results["willen"], results["kunnen"]) < LOW_PULSE_AVERAGE
