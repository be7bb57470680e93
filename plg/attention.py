"""What in a PLG needs the schoolleider's attention."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils.translation import gettext as _

from plg.models import DuFourQuestion
from plg.protocols import skips_check_act
from tlschool.attention import Attention


def plg_attention(*, plg, school, today: date) -> list:
    """`plg` comes from `plgs_overview`, with its last session date annotated."""
    if not plg.is_active:
        return []
    points = []
    if skips_check_act(
        sessions=plg.sessions_in_period, not_learned_sessions=plg.not_learned_sessions
    ):
        points.append(
            Attention(
                "plg_check_act",
                _(
                    '%(name)s met %(count)s times this schooljaar and never worked on "%(question)s".'
                )
                % {
                    "name": plg.name,
                    "count": plg.sessions_in_period,
                    "question": DuFourQuestion.NOT_LEARNED.label,
                },
                reverse("plg:detail", args=[plg.pk]) + "#questions",
                _("Look at the four questions"),
                plg.pk,
            )
        )
    gap = timedelta(weeks=school.plg_gap_weeks)
    last = plg.last_session_on
    quiet = (last is None and today - plg.created_at.date() > gap) or (
        last is not None and today - last > gap
    )
    if not quiet:
        return points
    return points + [
        Attention(
            "plg_quiet",
            _("%(name)s has not met for more than %(weeks)s weeks.")
            % {"name": plg.name, "weeks": school.plg_gap_weeks},
            reverse("plg:detail", args=[plg.pk]),
            _("Open the PLG"),
            plg.pk,
        )
    ]
