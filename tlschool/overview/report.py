"""The year report: every innovation with its stages, monitoring, adjustments and borging,
and every teacher leader with role and mandate, for one schooljaar."""

from collections import defaultdict

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from innovations.selectors import innovations_for_report
from innovations.stages import Stage
from leaders import selectors as leader_selectors
from leaders.models import Course
from plg.models import Session, SessionStatus
from plg.selectors import plgs_overview
from tlschool.schools.schooljaar import Schooljaar

LEARNINGS_PER_PLG = 4


def day(value) -> str:
    """A date as a sentence writes it: "12 november 2026"."""
    return date_format(value, "j F Y")


# The report summarises; the full texts stay on each innovation's page. These bounds keep the
# PDF of the largest school under a few seconds (docs/benchmarks.md).
REPORT_TEXT_CHARS = 400
REPORT_ENTRIES_PER_INNOVATION = 8


def excerpt(text) -> str:
    return Truncator(text or "").chars(REPORT_TEXT_CHARS)


def sentence(text) -> str:
    """An excerpt that ends as a sentence does, with one full stop."""
    text = excerpt(text).strip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


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
    lines.extend(entries_note)
    for entry in entries:
        lines.append(
            _("Monitoring %(date)s (%(method)s): %(findings)s")
            % {
                "date": day(entry.observed_on),
                "method": entry.get_method_display(),
                "findings": excerpt(entry.findings),
            }
        )
    lines.extend(adjustments_note)
    for adjustment in adjustments:
        lines.append(
            _("Adjusted on %(date)s: %(what)s Why: %(why)s")
            % {
                "date": day(adjustment.made_on),
                "what": sentence(adjustment.what),
                "why": sentence(adjustment.why),
            }
        )
    return lines


def _stage_path(innovation) -> list[str]:
    """Each stage the trajectory went into, with its date and reason."""
    path = []
    for change in innovation.stage_changes.all():
        line = _("%(date)s: %(stage)s") % {
            "date": day(timezone.localtime(change.at)),
            "stage": Stage(change.to_stage).label,
        }
        if change.reason:
            line += f" ({excerpt(change.reason).rstrip('.')})"
        path.append(line)
    return path


def _borging(innovation) -> list[str]:
    if not innovation.has_borging_plan:
        return []
    return [
        _("Agreed: %(agreements)s") % {"agreements": excerpt(innovation.borging_agreements)},
        _("Anchored in %(anchor)s, guarded by %(guardian)s, reviewed on %(date)s.")
        % {
            "anchor": innovation.get_borging_anchor_display(),
            "guardian": innovation.borging_guardian,
            "date": day(innovation.borging_review_on),
        },
    ]


def _courses_by_person(*, school, year, people) -> dict:
    courses = defaultdict(list)
    for course in Course.objects.filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=year.start),
        Q(starts_on__isnull=True) | Q(starts_on__lte=year.end),
        school=school,
        person__in=people,
    ).order_by("starts_on", "name"):
        provider = f", {course.provider}" if course.provider else ""
        courses[course.person_id].append(f"{course.name}{provider} ({course.get_status_display()})")
    return courses


def _plgs(*, school, year) -> list[dict]:
    sessions = defaultdict(list)
    for session in Session.objects.filter(
        plg__school=school, status=SessionStatus.FINAL, held_on__range=(year.start, year.end)
    ).order_by("-held_on"):
        sessions[session.plg_id].append(session)
    plgs = []
    for plg in plgs_overview(schools=[school], start=year.start, end=year.end):
        held = sessions.get(plg.pk, [])
        if not held and not plg.is_active:
            continue
        attendance = (
            round(plg.attended / plg.attendance_total * 100) if plg.attendance_total else None
        )
        summary = ngettext("%(count)s session", "%(count)s sessions", len(held)) % {
            "count": len(held)
        }
        if attendance is not None:
            summary += ", " + _("attendance %(percent)s%%") % {"percent": attendance}
        plgs.append(
            {
                "name": plg.name,
                "theme": plg.theme,
                "sessions": len(held),
                "attendance": attendance,
                "summary": summary + ".",
                "learned": [
                    f"{day(session.held_on)}: {excerpt(session.learned).rstrip()}"
                    for session in held[:LEARNINGS_PER_PLG]
                    if session.learned.strip()
                ],
            }
        )
    return plgs


def year_report(*, school, year: Schooljaar) -> dict:
    """A document a schoolleider hands to the MR or the board: per teacher leader the role,
    mandate, time and scholing; per PLG its sessions, attendance and what was learned; per
    innovation its stage path, monitoring and borging."""
    found_roles = leader_selectors.roles_with_mandates(school=school, year=year)
    time = leader_selectors.facilitation_for_roles(roles=found_roles, year=year, school=school)
    courses = _courses_by_person(
        school=school, year=year, people=[role.person_id for role in found_roles]
    )
    roles = []
    for role in found_roles:
        mandate = leader_selectors.agreed_mandate(role)
        facilitation = time[role.pk]
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
                "time": _("%(used)s of %(allotted)s facilitated hours used.")
                % {
                    "used": number_text(facilitation.used_hours),
                    "allotted": number_text(facilitation.allotted_hours),
                }
                if facilitation.allotted_hours
                else _("No facilitated time allotted."),
                "courses": courses.get(role.person_id, []),
            }
        )
    plgs = _plgs(school=school, year=year)
    innovations = [
        {
            "pk": innovation.pk,
            "title": innovation.title,
            "stage": Stage(innovation.stage).label,
            "owner_line": _("Owner: %(owner)s. Goal: %(goal)s")
            % {"owner": innovation.owner, "goal": sentence(innovation.goal)},
            "path": _stage_path(innovation),
            "lines": _innovation_lines(innovation),
            "borging": _borging(innovation),
        }
        for innovation in innovations_for_report(school=school, start=year.start, end=year.end)
    ]
    stages = defaultdict(int)
    for innovation in innovations:
        stages[innovation["stage"]] += 1
    in_brief = [
        ngettext(
            "%(count)s teacher leader, %(agreed)s with an agreed mandate.",
            "%(count)s teacher leaders, %(agreed)s with an agreed mandate.",
            len(roles),
        )
        % {"count": len(roles), "agreed": sum(1 for role in roles if role["mandate"])},
        ngettext(
            "%(count)s PLG, together %(sessions)s sessions.",
            "%(count)s PLGs, together %(sessions)s sessions.",
            len(plgs),
        )
        % {"count": len(plgs), "sessions": sum(plg["sessions"] for plg in plgs)},
        ngettext("%(count)s innovation", "%(count)s innovations", len(innovations))
        % {"count": len(innovations)}
        + (
            ": " + ", ".join(f"{count} {stage}" for stage, count in stages.items()) + "."
            if stages
            else "."
        ),
    ]
    return {
        "title": _("Year report %(year)s") % {"year": year.label},
        "in_brief_heading": _("In brief"),
        "in_brief": in_brief,
        "school": school.name,
        "made_on": _("Made on %(date)s") % {"date": day(timezone.localdate())},
        "subtitle": _(
            "Teacher leadership at %(school)s: who leads what and with which mandate, what the "
            "PLGs learned, and where each innovation stands."
        )
        % {"school": school.name},
        "contents_heading": _("Contents"),
        "leaders_heading": _("Teacher leaders"),
        "plgs_heading": _("PLGs"),
        "innovations_heading": _("Innovations"),
        "labels": {
            "mandate": _("Mandate"),
            "no_mandate": _("Geen afgesproken mandaat"),
            "time": _("Facilitated time"),
            "courses": _("Scholing"),
            "no_courses": _("No scholing recorded."),
            "sessions": _("Sessions"),
            "learned": _("What was learned"),
            "path": _("Stage path"),
            "monitoring": _("Monitoring and adjustments"),
            "borging": _("Borging"),
        },
        "roles": roles,
        "plgs": plgs,
        "innovations": innovations,
    }


def number_text(value) -> str:
    from django.utils.formats import number_format

    return number_format(value, decimal_pos=0 if value == int(value) else 1)
