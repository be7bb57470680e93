"""The year report: every innovation with its stages, monitoring, adjustments and borging,
and every teacher leader with role and mandate, for one schooljaar."""

from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from innovations.selectors import innovations_for_report
from innovations.stages import Stage
from leaders import selectors as leader_selectors
from tlschool.schools.schooljaar import Schooljaar

# The report summarises; the full texts stay on each innovation's page. These bounds keep the
# PDF of the largest school under a few seconds (docs/benchmarks.md).
REPORT_TEXT_CHARS = 400
REPORT_ENTRIES_PER_INNOVATION = 8


def excerpt(text) -> str:
    return Truncator(text or "").chars(REPORT_TEXT_CHARS)


def _latest(rows, limit, earlier_message):
    """The newest `limit` rows, and a line saying how many earlier ones the page holds."""
    rows = list(rows)
    if len(rows) <= limit:
        return rows, []
    left_out = len(rows) - limit
    return rows[-limit:], [earlier_message(left_out)]


def _innovation_lines(innovation) -> list[str]:
    lines = []
    entries, entries_note = _latest(
        innovation.monitoring_entries.all(),
        REPORT_ENTRIES_PER_INNOVATION,
        lambda count: (
            ngettext(
                "%(count)s earlier monitoring entry is on the innovation's page.",
                "%(count)s earlier monitoring entries are on the innovation's page.",
                count,
            )
            % {"count": count}
        ),
    )
    adjustments, adjustments_note = _latest(
        innovation.adjustments.all(),
        REPORT_ENTRIES_PER_INNOVATION,
        lambda count: (
            ngettext(
                "%(count)s earlier adjustment is on the innovation's page.",
                "%(count)s earlier adjustments are on the innovation's page.",
                count,
            )
            % {"count": count}
        ),
    )
    for change in innovation.stage_changes.all():
        start = f"{Stage(change.from_stage).label} → " if change.from_stage else ""
        reason = f" ({excerpt(change.reason)})" if change.reason else ""
        lines.append(f"{change.at:%d-%m-%Y}: {start}{Stage(change.to_stage).label}{reason}")
    lines.extend(entries_note)
    for entry in entries:
        lines.append(
            _("Monitoring %(date)s (%(method)s): %(findings)s")
            % {
                "date": entry.observed_on.strftime("%d-%m-%Y"),
                "method": entry.get_method_display(),
                "findings": excerpt(entry.findings),
            }
        )
    lines.extend(adjustments_note)
    for adjustment in adjustments:
        lines.append(
            _("Adjusted %(date)s: %(what)s — %(why)s")
            % {
                "date": adjustment.created_at.strftime("%d-%m-%Y"),
                "what": excerpt(adjustment.what),
                "why": excerpt(adjustment.why),
            }
        )
    if innovation.has_borging_plan:
        lines.append(
            _(
                "Borging: %(agreements)s; anchored in %(anchor)s; guarded by %(guardian)s; review %(date)s"
            )
            % {
                "agreements": excerpt(innovation.borging_agreements),
                "anchor": innovation.get_borging_anchor_display(),
                "guardian": innovation.borging_guardian,
                "date": innovation.borging_review_on.strftime("%d-%m-%Y"),
            }
        )
    return lines


def year_report(*, school, year: Schooljaar) -> dict:
    roles = []
    for role in leader_selectors.roles_with_mandates(school=school, year=year):
        mandate = leader_selectors.agreed_mandate(role)
        roles.append(
            {
                "pk": role.pk,
                "person": str(role.person),
                "title": role.title,
                "kind": role.get_kind_display(),
                "focus": excerpt(role.focus),
                "mandate": [
                    f"{item.description} ({item.get_decision_display()})"
                    for item in (mandate.items.all() if mandate else [])
                ],
            }
        )
    innovations = [
        {
            "pk": innovation.pk,
            "title": innovation.title,
            "stage": Stage(innovation.stage).label,
            "owner_line": _("Owner: %(owner)s. Goal: %(goal)s")
            % {"owner": innovation.owner, "goal": excerpt(innovation.goal)},
            "lines": _innovation_lines(innovation),
        }
        for innovation in innovations_for_report(school=school, start=year.start, end=year.end)
    ]
    return {
        "title": _("Year report %(year)s — %(school)s")
        % {"year": year.label, "school": school.name},
        "subtitle": _("Teacher leadership: roles, mandates and innovation trajectories."),
        "leaders_heading": _("Teacher leaders"),
        "innovations_heading": _("Innovations"),
        "roles": roles,
        "innovations": innovations,
    }
