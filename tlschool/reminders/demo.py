"""The demo schools' holidays, around today: no demo session falls in one, and the reminders
keep to them as a real school's would."""

from datetime import date, timedelta

from django.utils import timezone

from tlschool.reminders.models import Holiday

REGIONS = {"de-regenboog": "midden", "de-wegwijzer": "zuid"}


def _saturday_before(day: date) -> date:
    return day - timedelta(days=(day.weekday() - 5) % 7)


def holidays_around(today: date) -> list[tuple[str, date, date]]:
    """The usual Dutch school holidays of the school years around today, Saturday to Sunday."""
    found = []
    for year in (today.year - 1, today.year, today.year + 1):
        for name, month, day, days in (
            ("Voorjaarsvakantie", 2, 21, 8),
            ("Meivakantie", 4, 26, 8),
            ("Zomervakantie", 7, 18, 43),
            ("Herfstvakantie", 10, 24, 8),
            ("Kerstvakantie", 12, 20, 15),
        ):
            first = _saturday_before(date(year, month, day))
            found.append((name, first, first + timedelta(days=days)))
    return found


def seed(*, demo) -> None:
    school = demo.school
    if school.holidays.exists():
        return
    school.holiday_region = REGIONS.get(school.slug, "midden")
    school.save(update_fields=["holiday_region"])
    Holiday.objects.bulk_create(
        Holiday(school=school, name=name, first_day=first, last_day=last)
        for name, first, last in holidays_around(timezone.localdate())
    )


def in_holiday(school, day: date) -> bool:
    return any(h.first_day <= day <= h.last_day for h in school.holidays.all())
