"""The Dutch school year (schooljaar) runs from 1 August to 31 July."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from tlschool.parsing import parse_id


@dataclass(frozen=True, order=True)
class Schooljaar:
    start_year: int

    @classmethod
    def containing(cls, day: date) -> "Schooljaar":
        return cls(day.year if day.month >= 8 else day.year - 1)

    @classmethod
    def current(cls) -> "Schooljaar":
        return cls.containing(timezone.localdate())

    @classmethod
    def parse(cls, label: str | None) -> "Schooljaar | None":
        """'2025-2026' -> Schooljaar(2025); anything else -> None."""
        if not label:
            return None
        first, _, second = label.partition("-")
        start, end = parse_id(first), parse_id(second)
        if start is None or end is None:
            return None
        if end != start + 1 or not 2000 <= start <= 2100:
            return None
        return cls(start)

    @classmethod
    def from_request(cls, request) -> "Schooljaar":
        """The schooljaar a page was asked for (?schooljaar=2025-2026), else the current one."""
        return cls.parse(request.GET.get("schooljaar")) or cls.current()

    @property
    def start(self) -> date:
        return date(self.start_year, 8, 1)

    @property
    def end(self) -> date:
        return date(self.start_year + 1, 7, 31)

    @property
    def label(self) -> str:
        return f"{self.start_year}-{self.start_year + 1}"

    def __str__(self):
        return self.label

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def elapsed_fraction(self, today: date | None = None) -> float:
        """How much of the year has passed on `today`: 0.0 before it, 1.0 after it."""
        today = today or timezone.localdate()
        if today < self.start:
            return 0.0
        if today > self.end:
            return 1.0
        return ((today - self.start).days + 1) / ((self.end - self.start).days + 1)

    def previous(self) -> "Schooljaar":
        return Schooljaar(self.start_year - 1)

    def next(self) -> "Schooljaar":
        return Schooljaar(self.start_year + 1)


def schooljaar_choices(around: Schooljaar | None = None, back: int = 4, ahead: int = 1):
    around = around or Schooljaar.current()
    years = [Schooljaar(around.start_year + offset) for offset in range(-back, ahead + 1)]
    return [(year.label, year.label) for year in reversed(years)]
