"""School days: weekdays outside the school's holidays."""

from datetime import date, timedelta


def is_school_day(day: date, holidays) -> bool:
    return day.weekday() < 5 and not any(h.first_day <= day <= h.last_day for h in holidays)


def school_days_before(day: date, count: int, holidays) -> date:
    """The school day `count` school days before `day`."""
    while count:
        day -= timedelta(days=1)
        if is_school_day(day, holidays):
            count -= 1
    return day
