"""The growth profile: per schooljaar each side scores on its own, neither sees the other's
score until both scored an area, and in their conversation they agree a level and one next
step. The agreed levels over the years make the trend."""

from dataclasses import dataclass

from leaders.models import (
    GROWTH_DESCRIPTIONS,
    GrowthAgreement,
    GrowthArea,
    GrowthScore,
    Scorer,
)
from tlschool.charts import Series, line_chart
from tlschool.schools.schooljaar import Schooljaar


@dataclass
class AreaRow:
    area: str
    label: str
    description: str
    mine: int | None
    theirs: int | None  # None while hidden or not scored
    theirs_hidden: bool
    agreed: GrowthAgreement | None


def scorer_for(access, role) -> str:
    return Scorer.SELF if access.user.pk == role.person_id else Scorer.SCHOOLLEIDER


def profile(*, role, year: Schooljaar, scorer: str) -> list[AreaRow]:
    scores = {
        (row.area, row.scorer): row.score
        for row in GrowthScore.objects.filter(
            school=role.school_id, person=role.person_id, schooljaar=year.start_year
        )
    }
    agreed = {
        row.area: row
        for row in GrowthAgreement.objects.filter(
            school=role.school_id, person=role.person_id, schooljaar=year.start_year
        )
    }
    other = Scorer.SCHOOLLEIDER if scorer == Scorer.SELF else Scorer.SELF
    rows = []
    for area in GrowthArea:
        mine, theirs = scores.get((area.value, scorer)), scores.get((area.value, other))
        both = mine is not None and theirs is not None
        rows.append(
            AreaRow(
                area=area.value,
                label=str(area.label),
                description=str(GROWTH_DESCRIPTIONS[area]),
                mine=mine,
                theirs=theirs if both else None,
                theirs_hidden=theirs is not None and not both,
                agreed=agreed.get(area.value),
            )
        )
    return rows


def save_scores(*, role, year: Schooljaar, scorer: str, scores: dict) -> None:
    for area, score in scores.items():
        if score:
            GrowthScore.objects.update_or_create(
                school=role.school,
                person=role.person,
                schooljaar=year.start_year,
                area=area,
                scorer=scorer,
                defaults={"score": score},
            )


def trend(*, role):
    """One line per area with agreed levels, over the schooljaren."""
    series = {}
    for row in GrowthAgreement.objects.filter(school=role.school_id, person=role.person_id):
        series.setdefault(row.area, Series(str(GrowthArea(row.area).label), [])).points.append(
            (Schooljaar(row.schooljaar).label, float(row.level))
        )
    return line_chart(list(series.values()))
