"""The year report: every innovation with its stages, monitoring, adjustments and borging,
and every teacher leader with role and mandate, for one schooljaar."""

from django.utils.translation import gettext as _

from innovations.selectors import innovations_for_report
from innovations.stages import Stage
from leaders import selectors as leader_selectors
from tlschool.schools.schooljaar import Schooljaar


def _innovation_lines(innovation) -> list[str]:
    lines = []
    for change in innovation.stage_changes.all():
        start = f"{Stage(change.from_stage).label} → " if change.from_stage else ""
        reason = f" ({change.reason})" if change.reason else ""
        lines.append(f"{change.at:%d-%m-%Y}: {start}{Stage(change.to_stage).label}{reason}")
    for entry in innovation.monitoring_entries.all():
        lines.append(
            _("Monitoring %(date)s (%(method)s): %(findings)s")
            % {
                "date": entry.observed_on.strftime("%d-%m-%Y"),
                "method": entry.get_method_display(),
                "findings": entry.findings,
            }
        )
    for adjustment in innovation.adjustments.all():
        lines.append(
            _("Adjusted %(date)s: %(what)s — %(why)s")
            % {
                "date": adjustment.created_at.strftime("%d-%m-%Y"),
                "what": adjustment.what,
                "why": adjustment.why,
            }
        )
    if innovation.has_borging_plan:
        lines.append(
            _(
                "Borging: %(agreements)s; anchored in %(anchor)s; guarded by %(guardian)s; review %(date)s"
            )
            % {
                "agreements": innovation.borging_agreements,
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
                "focus": role.focus,
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
            % {"owner": innovation.owner, "goal": innovation.goal},
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
