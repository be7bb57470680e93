"""The board overview's row per school, kept between requests in PostgreSQL (like all state)
for the school's data version: any change to a school's data raises its version
(tlschool/schools/versions.py), so a kept row is never read after a change. Only the schools
that changed since are worked out again, in one batch; reading the kept rows is one query and
writing the new ones one more, however many schools the board has."""

from dataclasses import asdict, dataclass
from datetime import timedelta

from django.utils import timezone, translation

from tlschool.attention import Attention
from tlschool.overview.health import school_health
from tlschool.overview.models import KeptSummary


@dataclass(frozen=True)
class SchoolSummary:
    school_id: int
    name: str
    roles: int
    positioned: int
    innovations: int
    sessions_in_period: int
    attendance_percent: int | None
    signals: tuple[Attention, ...]

    @classmethod
    def from_data(cls, data: dict) -> "SchoolSummary":
        return cls(**{**data, "signals": tuple(Attention(**s) for s in data["signals"])})


def _key(year) -> str:
    day = timezone.localdate().isoformat()
    return f"{year.label}:{day}:{translation.get_language() or 'nl'}"


def _summary(health) -> SchoolSummary:
    return SchoolSummary(
        school_id=health.school.pk,
        name=health.school.name,
        roles=len(health.roles),
        positioned=health.positioned_count,
        innovations=len(health.innovations),
        sessions_in_period=health.sessions_in_period,
        attendance_percent=health.attendance_percent,
        signals=tuple(health.signals),
    )


def school_summaries(*, schools, year) -> list[SchoolSummary]:
    schools = list(schools)
    key = _key(year)
    version = {school.pk: school.data_version for school in schools}
    kept = {
        row.school_id: SchoolSummary.from_data(row.data)
        for row in KeptSummary.objects.filter(school__in=schools, key=key)
        if row.version == version[row.school_id]
    }
    missing = [school for school in schools if school.pk not in kept]
    if missing:
        fresh = [_summary(health) for health in school_health(schools=missing, year=year)]
        KeptSummary.objects.filter(
            school__in=missing, made_at__lt=timezone.now() - timedelta(days=2)
        ).delete()
        KeptSummary.objects.bulk_create(
            [
                KeptSummary(
                    school_id=summary.school_id,
                    key=key,
                    version=version[summary.school_id],
                    data=asdict(summary),
                )
                for summary in fresh
            ],
            update_conflicts=True,
            unique_fields=["school", "key"],
            update_fields=["version", "data", "made_at"],
        )
        kept.update({summary.school_id: summary for summary in fresh})
    return [kept[school.pk] for school in schools]
