"""What in a PLG needs the schoolleider's attention."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils.translation import gettext as _

from tlschool.attention import Attention


def plg_attention(*, plg, school, today: date) -> list:
    """`plg` comes from `plgs_overview`, with its last session date annotated."""
    if not plg.is_active:
        return []
    gap = timedelta(weeks=school.plg_gap_weeks)
    last = plg.last_session_on
    quiet = (last is None and today - plg.created_at.date() > gap) or (
        last is not None and today - last > gap
    )
    if not quiet:
        return []
    return [
        Attention(
            "plg_quiet",
            _("%(name)s has not met for more than %(weeks)s weeks.")
            % {"name": plg.name, "weeks": school.plg_gap_weeks},
            reverse("plg:detail", args=[plg.pk]),
            _("Open the PLG"),
            plg.pk,
        )
    ]
