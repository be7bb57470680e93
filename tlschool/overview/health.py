"""The programme's health per school: what the dashboard, the board overview and the year
report show. Built for several schools at once in a fixed number of queries."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from innovations import selectors as innovation_selectors
from innovations.stages import BOARD_COLUMNS, Stage
from leaders import selectors as leader_selectors
from leaders.facilitation import Facilitation
from leaders.selectors import Positioning
from plg import selectors as plg_selectors
from tlschool.attention import Attention
from tlschool.charts import short_month
from tlschool.overview.attention import gather_for_schools
from tlschool.schools.schooljaar import Schooljaar


@dataclass
class RoleRow:
    role: object
    positioning: Positioning
    facilitation: Facilitation
    recognition: object = None  # leaders.selectors.TeamRecognition


@dataclass
class InnovationRow:
    innovation: object  # with the newest closed pulse's pulse_results
    days_in_stage: int
    behind_plan: bool


@dataclass
class SchoolHealth:
    school: object
    year: Schooljaar
    roles: list[RoleRow] = field(default_factory=list)
    innovations: list[InnovationRow] = field(default_factory=list)
    plgs: list = field(default_factory=list)
    sessions_per_month: list[tuple[str, int]] = field(default_factory=list)
    attendance_present: int = 0
    attendance_total: int = 0
    open_agreements: int = 0
    overdue_agreements: int = 0
    signals: list[Attention] = field(default_factory=list)
    snoozed: list[tuple[Attention, object]] = field(default_factory=list)  # (signal, its snooze)

    @property
    def attendance_percent(self) -> int | None:
        if not self.attendance_total:
            return None
        return round(self.attendance_present / self.attendance_total * 100)

    @property
    def stage_counts(self) -> list[tuple[str, str, int]]:
        counts = defaultdict(int)
        for row in self.innovations:
            counts[row.innovation.stage] += 1
        return [(stage, Stage(stage).label, counts[stage]) for stage in BOARD_COLUMNS]

    @property
    def sessions_in_period(self) -> int:
        return sum(count for _label, count in self.sessions_per_month)

    @property
    def positioned_count(self) -> int:
        return sum(1 for row in self.roles if row.positioning.is_positioned)


def months_shown(year: Schooljaar, today: date) -> list[date]:
    """Twelve month starts: the last twelve up to today, or the whole of a past schooljaar."""
    end = min(today, year.end)
    months = []
    cursor = date(end.year, end.month, 1)
    for _ in range(12):
        months.append(cursor)
        cursor = date(cursor.year - (cursor.month == 1), (cursor.month - 2) % 12 + 1, 1)
    return list(reversed(months))


def school_health(*, schools, year: Schooljaar) -> list[SchoolHealth]:
    today = timezone.localdate()
    schools = list(schools)
    result = {school.pk: SchoolHealth(school=school, year=year) for school in schools}

    sizes = leader_selectors.team_sizes(schools)
    for role in leader_selectors.roles_overview(schools=schools, year=year):
        result[role.school_id].roles.append(
            RoleRow(
                role=role,
                positioning=leader_selectors.overview_positioning(role),
                facilitation=leader_selectors.overview_facilitation(role, year),
                recognition=leader_selectors.overview_recognition(role, sizes),
            )
        )

    for innovation in innovation_selectors.innovations_overview(schools=schools):
        result[innovation.school_id].innovations.append(
            InnovationRow(
                innovation=innovation,
                days_in_stage=innovation.days_in_stage,
                behind_plan=innovation_selectors.is_behind_plan(innovation),
            )
        )

    for plg in plg_selectors.plgs_overview(schools=schools, start=year.start, end=year.end):
        health = result[plg.school_id]
        health.plgs.append(plg)
        health.attendance_present += plg.attended
        health.attendance_total += plg.attendance_total
        health.open_agreements += plg.open_agreement_count
        health.overdue_agreements += plg.overdue_agreement_count

    months = months_shown(year, today)
    counts = defaultdict(int)
    for row in plg_selectors.sessions_per_month(schools=schools, since=months[0]):
        month = row["month"]
        month = month.date() if hasattr(month, "date") else month
        counts[(row["plg__school_id"], month)] = row["count"]
    for school_id, health in result.items():
        health.sessions_per_month = [
            (f"{short_month(month)} {month.year}", counts[(school_id, month)]) for month in months
        ]

    gather_for_schools(list(result.values()), today=today)
    return [result[school.pk] for school in schools]
