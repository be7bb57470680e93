"""The board overview's row per school, kept between requests in PostgreSQL (like all state)
for the school's data version: any change to a school's data raises its version
(tlschool/schools/versions.py), so a kept row is never read after a change. Only the schools
that changed since are worked out again, in one batch; reading the kept rows is one query and
writing the new ones one more, however many schools the board has."""

from dataclasses import asdict, dataclass

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from leaders.attention import not_personal
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


def _summary(health) -> SchoolSummary:
    return SchoolSummary(
        school_id=health.school.pk,
        name=health.school.name,
        roles=len(health.roles),
        positioned=health.positioned_count,
        innovations=len(health.innovations),
        sessions_in_period=health.sessions_in_period,
        attendance_percent=health.attendance_percent,
        # Board staff read the board overview: no figure about one teacher leader as a person.
        signals=tuple(not_personal(health.signals)),
    )


def school_summaries(*, schools, year) -> list[SchoolSummary]:
    schools = list(schools)
    key = KeptSummary.key_for(year)
    kept = {
        school_id: SchoolSummary.from_data(data)
        for school_id, data in KeptSummary.current(schools=schools, key=key).items()
    }
    missing = [school for school in schools if school.pk not in kept]
    if missing:
        fresh = [_summary(health) for health in school_health(schools=missing, year=year)]
        KeptSummary.store(
            schools=missing,
            key=key,
            data_by_school={summary.school_id: asdict(summary) for summary in fresh},
        )
        kept.update({summary.school_id: summary for summary in fresh})
    return [kept[school.pk] for school in schools]


def signals_html(summary: SchoolSummary, *, current_school_id: int, csrf_token: str):
    """One school's signals for the board overview, written in Python: a board of 160 schools
    shows well over a thousand, and the template engine took most of the page's time for them.
    The markup is `overview/signals.html`'s (for board staff, who put nothing aside and, reading
    along, get "look" where a schoolleider gets the form's name)."""
    if not summary.signals:
        return format_html(
            '<p class="text-body-secondary">{}</p>',
            _("No signals: nothing needs your attention right now."),
        )
    badge, look = _("attention"), _("Look")
    if summary.school_id == current_school_id:
        action = (
            '<span class="d-flex gap-2 align-items-center flex-wrap"><a class="btn btn-sm '
            'btn-outline-primary" href="{url}">{link_text}</a></span>'
        )
    else:
        action = (
            '<form method="post" action="{switch}"><input type="hidden" '
            'name="csrfmiddlewaretoken" value="{token}"><input type="hidden" name="school" '
            'value="{school}"><input type="hidden" name="next" value="{url}"><button '
            'class="btn btn-sm btn-outline-primary" type="submit">{link_text}<span '
            'class="visually-hidden"> ({name})</span></button></form>'
        )
    row = (
        '<li class="list-group-item d-flex justify-content-between align-items-center flex-wrap '
        'gap-2" data-signal="{kind}"><span><span class="badge badge-signal me-1">{badge}</span>'
        "{message}</span>" + action + "</li>"
    )
    switch = reverse("school_switch")
    items = format_html_join(
        "",
        row,
        (
            {
                "kind": signal.kind,
                "badge": badge,
                "message": signal.message,
                "url": signal.url,
                "link_text": look,
                "switch": switch,
                "token": csrf_token,
                "school": summary.school_id,
                "name": summary.name,
            }
            for signal in summary.signals
        ),
    )
    return format_html('<ul class="list-group mb-3">{}</ul>', items)
