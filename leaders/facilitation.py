"""Facilitated time: allotted against used, pace against the schooljaar, time outside school."""

from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal("0")
# Used time more than this share of the allotment away from the year's pace is "far off".
PACE_TOLERANCE = Decimal("0.25")


@dataclass(frozen=True)
class Facilitation:
    allotted_hours: Decimal
    used_hours: Decimal
    outside_hours: Decimal
    elapsed_fraction: float  # of the schooljaar, 0..1
    outside_threshold_percent: int

    @property
    def remaining_hours(self) -> Decimal:
        return self.allotted_hours - self.used_hours

    @property
    def used_percent(self) -> int | None:
        if not self.allotted_hours:
            return None
        return round(self.used_hours / self.allotted_hours * 100)

    @property
    def expected_hours(self) -> Decimal:
        """What would be used by now at an even pace through the year."""
        return (self.allotted_hours * Decimal(str(self.elapsed_fraction))).quantize(Decimal("0.1"))

    @property
    def pace_delta_hours(self) -> Decimal:
        """Positive: ahead of an even pace; negative: behind."""
        return self.used_hours - self.expected_hours

    @property
    def outside_percent(self) -> int:
        if not self.used_hours:
            return 0
        return round(self.outside_hours / self.used_hours * 100)

    @property
    def outside_over_threshold(self) -> bool:
        return self.used_hours > ZERO and self.outside_percent > self.outside_threshold_percent

    @property
    def over_allotted(self) -> bool:
        return self.allotted_hours > ZERO and self.used_hours > self.allotted_hours

    @property
    def far_behind(self) -> bool:
        return self.allotted_hours > ZERO and (
            -self.pace_delta_hours > self.allotted_hours * PACE_TOLERANCE
        )

    @property
    def far_ahead(self) -> bool:
        return self.allotted_hours > ZERO and (
            self.pace_delta_hours > self.allotted_hours * PACE_TOLERANCE
        )
