"""The dashboard's figures for a school, kept between requests in PostgreSQL for the school's
data version (tlschool/schools/versions.py raises it with every change), so they are never
read after a change. What is kept holds plain values, not model rows: the names, titles and
figures the dashboard shows."""

import pickle
from dataclasses import dataclass, replace
from datetime import date

from tlschool.overview.health import InnovationRow, RoleRow, SchoolHealth, school_health
from tlschool.overview.models import KeptHealth


@dataclass(frozen=True)
class Named:
    """What the dashboard reads of a row: its id, its words."""

    pk: int
    name: str = ""
    title: str = ""
    person: str = ""
    owner: str = ""
    stage: str = ""
    stage_display: str = ""

    def get_stage_display(self):
        return self.stage_display

    def __str__(self):
        return self.name or self.title


@dataclass(frozen=True)
class Until:
    until: date


def _plain(health: SchoolHealth) -> SchoolHealth:
    return replace(
        health,
        school=Named(pk=health.school.pk, name=health.school.name),
        roles=[
            RoleRow(
                role=Named(pk=row.role.pk, title=row.role.title, person=str(row.role.person)),
                positioning=row.positioning,
                facilitation=row.facilitation,
                recognition=row.recognition,
            )
            for row in health.roles
        ],
        innovations=[
            InnovationRow(
                innovation=Named(
                    pk=row.innovation.pk,
                    title=row.innovation.title,
                    owner=str(row.innovation.owner),
                    stage=row.innovation.stage,
                    stage_display=row.innovation.get_stage_display(),
                ),
                days_in_stage=row.days_in_stage,
                behind_plan=row.behind_plan,
            )
            for row in health.innovations
        ],
        plgs=[],
        snoozed=[(signal, Until(snooze.until)) for signal, snooze in health.snoozed],
    )


def dashboard_health(*, school, year) -> SchoolHealth:
    """The school's health as the dashboard shows it; worked out only when the school changed."""
    key = KeptHealth.key_for(year)
    kept = KeptHealth.current(schools=[school], key=key)
    if school.pk in kept:
        return pickle.loads(kept[school.pk])
    health = _plain(school_health(schools=[school], year=year)[0])
    KeptHealth.store(schools=[school], key=key, data_by_school={school.pk: pickle.dumps(health)})
    return health
