"""Signals that need the schoolleider's attention, each with the place where it is resolved.

Signals are computed from the current data every time, so a signal disappears as soon as
its cause is resolved.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.urls import reverse
from django.utils.translation import gettext as _

from innovations.models import PULSE_MIN_ANSWERS
from innovations.stages import Stage

LOW_PULSE_AVERAGE = 2.5


@dataclass(frozen=True)
class Signal:
    kind: str
    message: str
    url: str
    link_text: str
    subject_id: int  # the role, innovation or PLG the signal is about

    @property
    def key(self) -> str:
        """Stable while the cause lasts: what a schoolleider snoozes."""
        return f"{self.kind}:{self.subject_id}"


def signals_for(health, *, today: date) -> list[Signal]:
    school = health.school
    monitoring_gap = timedelta(weeks=school.monitoring_gap_weeks)
    bijstellen_days = school.bijstellen_weeks * 7
    plg_gap = timedelta(weeks=school.plg_gap_weeks)
    signals = []

    for row in health.roles:
        role, url = row.role, reverse("leaders:role", args=[row.role.pk])
        name = {"name": role.person, "title": role.title}
        if not row.positioning.mandate_agreed:
            signals.append(
                Signal(
                    "mandate",
                    _("%(name)s (%(title)s) has no agreed mandate.") % name,
                    url,
                    _("Agree the mandate"),
                    role.pk,
                )
            )
        if not row.positioning.announced:
            signals.append(
                Signal(
                    "announcement",
                    _("The team has not been told what %(name)s (%(title)s) does and may do.")
                    % name,
                    url,
                    _("Record the announcement"),
                    role.pk,
                )
            )
        facilitation = row.facilitation
        if facilitation.outside_over_threshold:
            signals.append(
                Signal(
                    "outside_time",
                    _("%(name)s does %(percent)s%% of the work outside school time.")
                    % {"name": role.person, "percent": facilitation.outside_percent},
                    url,
                    _("Look at the time log"),
                    role.pk,
                )
            )
        if facilitation.far_behind:
            signals.append(
                Signal(
                    "time_behind",
                    _("%(name)s uses far less of the allotted time than the schooljaar's pace.")
                    % name,
                    url,
                    _("Look at the time"),
                    role.pk,
                )
            )
        elif facilitation.far_ahead:
            signals.append(
                Signal(
                    "time_ahead",
                    _("%(name)s uses the allotted time far faster than the schooljaar's pace.")
                    % name,
                    url,
                    _("Look at the time"),
                    role.pk,
                )
            )

    for row in health.innovations:
        innovation = row.innovation
        url = reverse("innovations:detail", args=[innovation.pk])
        title = {"title": innovation.title}
        since = innovation.last_monitoring_on
        if innovation.stage == Stage.MONITOREN and (
            (since is None and row.days_in_stage > monitoring_gap.days)
            or (since is not None and today - since > monitoring_gap)
        ):
            signals.append(
                Signal(
                    "monitoring_gap",
                    _("%(title)s is in monitoren, but nothing was monitored for %(weeks)s weeks.")
                    % {**title, "weeks": school.monitoring_gap_weeks},
                    url,
                    _("Add a monitoring entry"),
                    innovation.pk,
                )
            )
        if innovation.stage == Stage.BIJSTELLEN and row.days_in_stage > bijstellen_days:
            signals.append(
                Signal(
                    "bijstellen_long",
                    _("%(title)s has been in bijstellen for %(days)s days.")
                    % {**title, "days": row.days_in_stage},
                    url,
                    _("Decide the next step"),
                    innovation.pk,
                )
            )
        if (
            innovation.stage in (Stage.BORGEN, Stage.GEBORGD)
            and innovation.borging_review_on
            and innovation.borging_review_on < today
        ):
            signals.append(
                Signal(
                    "borging_review",
                    _("The borging of %(title)s was due for review on %(date)s.")
                    % {**title, "date": innovation.borging_review_on.strftime("%d-%m-%Y")},
                    url,
                    _("Review the borging"),
                    innovation.pk,
                )
            )
        willen, kunnen = innovation.pulse_willen, innovation.pulse_kunnen
        if (innovation.pulse_answers or 0) >= PULSE_MIN_ANSWERS and min(
            willen, kunnen
        ) < LOW_PULSE_AVERAGE:
            signals.append(
                Signal(
                    "low_pulse",
                    _(
                        "The team's readiness for %(title)s is low (willen %(willen).1f, kunnen %(kunnen).1f)."
                    )
                    % {**title, "willen": willen, "kunnen": kunnen},
                    url,
                    _("Talk about pace and support"),
                    innovation.pk,
                )
            )

    for plg in health.plgs:
        if not plg.is_active:
            continue
        last = plg.last_session_on
        quiet = (last is None and today - plg.created_at.date() > plg_gap) or (
            last is not None and today - last > plg_gap
        )
        if quiet:
            signals.append(
                Signal(
                    "plg_quiet",
                    _("%(name)s has not met for more than %(weeks)s weeks.")
                    % {"name": plg.name, "weeks": school.plg_gap_weeks},
                    reverse("plg:detail", args=[plg.pk]),
                    _("Open the PLG"),
                    plg.pk,
                )
            )
    return signals
