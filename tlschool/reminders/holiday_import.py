"""The government's table of school holidays, read from the file rijksoverheid.nl publishes as
open data (https://opendata.rijksoverheid.nl/v1/infotypes/schoolholidays?output=json, one
school year per document, or all of them): each school takes the holidays of its region.

The file gives each holiday's first and last day as midnight in the Netherlands written in UTC
("2026-10-16T22:00:00.000Z" is 17 October), so dates are read in Europe/Amsterdam. Holidays
"heel Nederland" (kerst, mei) belong to every region."""

import json
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db import transaction

from tlschool.reminders.models import Holiday
from tlschool.schools.models import HolidayRegion

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
EVERY_REGION = {"heel nederland", "nederland"}
MAX_FILE_BYTES = 500_000


class NotAHolidayTable(ValueError):
    """The file is not the government's table of school holidays."""


@dataclass(frozen=True)
class RegionalHoliday:
    school_year: str
    name: str
    region: str
    first_day: date
    last_day: date


def _local_date(text) -> date:
    moment = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(AMSTERDAM).date()


def _documents(data):
    """Each school year's block, whether the file holds one document or a list of them."""
    for document in data if isinstance(data, list) else [data]:
        if not isinstance(document, dict):
            continue
        for block in document.get("content") or []:
            if isinstance(block, dict) and "vacations" in block:
                yield block


def read_table(raw: bytes) -> list[RegionalHoliday]:
    """Every holiday of every region in the file, or NotAHolidayTable."""
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise NotAHolidayTable("not JSON") from error
    found, regions = [], set(HolidayRegion.values)
    try:
        for block in _documents(data):
            year = str(block.get("schoolyear", "")).strip()
            for vacation in block["vacations"] or []:
                name = " ".join(str(vacation.get("type", "")).split())[:80]
                for entry in vacation.get("regions") or []:
                    region = str(entry.get("region", "")).strip().lower()
                    first, last = _local_date(entry["startdate"]), _local_date(entry["enddate"])
                    if not name or last < first:
                        raise NotAHolidayTable("a holiday without a name or with its end first")
                    targets = regions if region in EVERY_REGION else {region} & regions
                    found += [RegionalHoliday(year, name, each, first, last) for each in targets]
    except (AttributeError, KeyError, TypeError, ValueError) as error:
        raise NotAHolidayTable(str(error)) from error
    if not found:
        raise NotAHolidayTable("no holidays in the file")
    return found


def school_years(table: list[RegionalHoliday]) -> list[str]:
    return sorted({holiday.school_year for holiday in table})


@transaction.atomic
def fill_in(school, table: list[RegionalHoliday]) -> int:
    """Add the holidays of the school's region it does not have yet (same name and days);
    the school's own study days and changes stay. Returns how many were added."""
    have = set(school.holidays.values_list("name", "first_day", "last_day"))
    new = [
        Holiday(school=school, name=h.name, first_day=h.first_day, last_day=h.last_day)
        for h in table
        if h.region == school.holiday_region and (h.name, h.first_day, h.last_day) not in have
    ]
    Holiday.objects.bulk_create(new)
    return len(new)
