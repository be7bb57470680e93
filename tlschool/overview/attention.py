"""The dashboard's attention points: gathered from every app, in a fixed order (roles, then
innovations, then PLGs, each in the order the page lists them), and split into those shown
and those the schoolleider put aside."""

from collections import defaultdict
from datetime import date

from innovations.attention import innovation_attention
from leaders.attention import role_attention
from plg.attention import plg_attention
from tlschool.overview.models import SignalSnooze


def gather(health, *, today: date) -> list:
    points = []
    for row in health.roles:
        points += role_attention(
            role=row.role,
            positioning=row.positioning,
            facilitation=row.facilitation,
            recognition=row.recognition,
        )
    for row in health.innovations:
        points += innovation_attention(
            innovation=row.innovation,
            days_in_stage=row.days_in_stage,
            school=health.school,
            today=today,
        )
    for plg in health.plgs:
        points += plg_attention(plg=plg, school=health.school, today=today)
    return points


def gather_for_schools(healths: list, *, today: date) -> None:
    """Fill each school's `signals` and `snoozed` (with the snooze) in one query for all."""
    snoozes = defaultdict(dict)
    schools = [health.school for health in healths]
    for snooze in SignalSnooze.objects.filter(school__in=schools, until__gte=today):
        snoozes[snooze.school_id][snooze.key] = snooze
    for health in healths:
        for point in gather(health, today=today):
            snooze = snoozes[health.school.pk].get(point.key)
            if snooze is None:
                health.signals.append(point)
            else:
                health.snoozed.append((point, snooze))
