"""The dates a PLG plans to meet: its rhythm (every N weeks from a first date, until a last
one), with single dates added or cancelled. One home for the session form's defaults, the
reminders and the calendar feeds."""

from collections import defaultdict
from datetime import date, datetime, timedelta

from django.utils import timezone

from plg.models import MeetingChange, MeetingPlan


def planned_dates(plan, changes, start: date, end: date) -> list[date]:
    """Every planned date from `start` to `end` (inclusive)."""
    days = set()
    if plan is not None:
        step = timedelta(weeks=max(1, plan.every_weeks))
        last = min(end, plan.until) if plan.until else end
        day = plan.first_on
        if day < start:
            day += step * ((start - day) // step)
            if day < start:
                day += step
        while day <= last:
            days.add(day)
            day += step
    for change in changes:
        if start <= change.on <= end:
            if change.cancelled:
                days.discard(change.on)
            else:
                days.add(change.on)
    return sorted(days)


def plans_for(plg_ids) -> dict:
    """{plg id: (plan or None, changes)} for several PLGs in two queries."""
    plans = {plan.plg_id: plan for plan in MeetingPlan.objects.filter(plg_id__in=plg_ids)}
    changes = defaultdict(list)
    for change in MeetingChange.objects.filter(plg_id__in=plg_ids):
        changes[change.plg_id].append(change)
    return {pk: (plans.get(pk), changes[pk]) for pk in plg_ids}


def dates_of(plg, start: date, end: date) -> list[date]:
    plan, changes = plans_for([plg.pk])[plg.pk]
    return planned_dates(plan, changes, start, end)


def meeting_start(plan, day: date) -> datetime | None:
    """The planned start as an aware time in the school's zone, when the plan says a time."""
    if plan is None or plan.starts_at is None:
        return None
    return timezone.make_aware(datetime.combine(day, plan.starts_at))


def session_defaults(plg, today: date | None = None) -> dict:
    """What the session form starts with: the planned meeting of today or the past week, its
    time, and the next planned date after it."""
    today = today or timezone.localdate()
    plan, changes = plans_for([plg.pk])[plg.pk]
    if plan is None and not changes:
        return {}
    recent = planned_dates(plan, changes, today - timedelta(days=7), today)
    held_on = recent[-1] if recent else today
    following = planned_dates(
        plan, changes, held_on + timedelta(days=1), held_on + timedelta(days=120)
    )
    defaults = {"held_on": held_on}
    if plan is not None:
        defaults["starts_at"] = plan.starts_at
        defaults["duration_minutes"] = plan.duration_minutes
    if following:
        defaults["next_session_on"] = following[0]
    return defaults


def with_next_session_on(plgs):
    """PLGs annotated with the date their last logged session planned for the next one."""
    from django.db.models import OuterRef, Subquery

    from plg.models import Session, SessionStatus

    last_final = Session.objects.filter(plg=OuterRef("pk"), status=SessionStatus.FINAL).order_by(
        "-held_on", "-pk"
    )
    return plgs.annotate(planned_on=Subquery(last_final.values("next_session_on")[:1]))


def meeting_days(plgs, start: date, end: date, *, plans=None) -> dict:
    """{plg id: planned dates from `start` to `end`} for a queryset of PLGs: the plan's dates,
    and the date the last session set for the next one, unless that date was cancelled.
    `plans`: what `plans_for` gave for these PLGs, when the caller has it already."""
    rows = list(with_next_session_on(plgs))
    if plans is None:
        plans = plans_for([plg.pk for plg in rows])
    return _days_of(rows, plans, start, end)


def _days_of(rows, plans, start: date, end: date) -> dict:
    """`rows`: PLGs annotated by `with_next_session_on`."""
    days = {}
    for plg in rows:
        plan, changes = plans[plg.pk]
        found = set(planned_dates(plan, changes, start, end))
        cancelled = {change.on for change in changes if change.cancelled}
        if plg.planned_on and start <= plg.planned_on <= end and plg.planned_on not in cancelled:
            found.add(plg.planned_on)
        days[plg.pk] = sorted(found)
    return days


# How far ahead "the next meeting" is looked for.
NEXT_MEETING_HORIZON_DAYS = 180


def with_next_meeting(plgs, today: date | None = None) -> list:
    """The PLGs of a queryset, as a list, each with `next_meeting`: the first planned date from
    today on, by the same rule as `meeting_days` (the plan, and the date the last session set),
    never one in the past. The PLG list and the home page show it."""
    plgs = list(with_next_session_on(plgs))
    if not plgs:
        return plgs
    today = today or timezone.localdate()
    days = _days_of(
        plgs,
        plans_for([plg.pk for plg in plgs]),
        today,
        today + timedelta(days=NEXT_MEETING_HORIZON_DAYS),
    )
    for plg in plgs:
        found = days.get(plg.pk) or []
        plg.next_meeting = found[0] if found else None
    return plgs
