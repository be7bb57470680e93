"""Queries the leaders pages need, each a fixed number of SQL statements."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from leaders.facilitation import Facilitation
from leaders.models import (
    Announcement,
    Mandate,
    Recognition,
    SelfAssessment,
    TeacherLeaderRole,
    TimeAllotment,
    TimeEntry,
)
from tlschool.history import history_lines
from tlschool.schools.models import Membership, Role
from tlschool.schools.schooljaar import Schooljaar

ZERO = Decimal("0")
TENTH = Decimal("0.1")


@dataclass(frozen=True)
class Positioning:
    mandate_agreed: bool
    announced: bool

    @property
    def is_positioned(self) -> bool:
        return self.mandate_agreed and self.announced


def roles_queryset(school):
    return (
        TeacherLeaderRole.objects.filter(school=school)
        .select_related("person", "ambition")
        .prefetch_related(
            Prefetch(
                "mandates",
                queryset=Mandate.objects.order_by("-version").prefetch_related("items"),
            ),
            Prefetch("announcements", queryset=Announcement.objects.order_by("-announced_on")),
            "allotments",
        )
    )


def roles_in_year(*, school, year: Schooljaar, ambition_id: int | None = None):
    roles = roles_queryset(school).active_in(year)
    if ambition_id:
        roles = roles.filter(ambition_id=ambition_id)
    return list(roles)


def current_mandate(role) -> Mandate | None:
    """The newest version, from the prefetched list."""
    mandates = list(role.mandates.all())
    return mandates[0] if mandates else None


def agreed_mandate(role) -> Mandate | None:
    """The newest version both sides agreed: what the team is told the teacher leader may do."""
    return next((mandate for mandate in role.mandates.all() if mandate.is_agreed), None)


def positioning(role) -> Positioning:
    current = current_mandate(role)
    return Positioning(
        mandate_agreed=bool(current and current.is_agreed),
        announced=bool(list(role.announcements.all())),
    )


def facilitation_for_roles(*, roles, year: Schooljaar, school) -> dict[int, Facilitation]:
    """One aggregate query for every role's time in `year`; allotments come prefetched."""
    role_ids = [role.pk for role in roles]
    totals = (
        TimeEntry.objects.filter(role_id__in=role_ids, worked_on__range=(year.start, year.end))
        .values("role_id")
        .annotate(used=Sum("hours"), outside=Sum("hours", filter=Q(within_school_time=False)))
    )
    used = {row["role_id"]: (row["used"] or ZERO, row["outside"] or ZERO) for row in totals}
    result = {}
    for role in roles:
        allotment = next(
            (item for item in role.allotments.all() if item.schooljaar == year.start_year), None
        )
        used_hours, outside_hours = used.get(role.pk, (ZERO, ZERO))
        result[role.pk] = Facilitation(
            allotted_hours=_allotted_hours(allotment, school),
            used_hours=used_hours,
            outside_hours=outside_hours,
            elapsed_fraction=year.elapsed_fraction(),
            outside_threshold_percent=school.outside_time_threshold_percent,
        )
    return result


def skill_trends(*, school, person):
    """Per skill, the dated self-assessments in order, for a small trend line."""
    trends = defaultdict(list)
    for assessment in SelfAssessment.objects.filter(school=school, person=person).order_by(
        "assessed_on", "pk"
    ):
        trends[assessment.get_skill_display()].append(assessment)
    return dict(sorted(trends.items()))


def roles_overview(*, schools, year: Schooljaar):
    """Roles of several schools in one query, with what the overview pages need annotated:
    the newest mandate's agreement, the announcement, the allotment and the time used."""
    latest = Mandate.objects.filter(role=OuterRef("pk")).order_by("-version")
    allotment = TimeAllotment.objects.filter(role=OuterRef("pk"), schooljaar=year.start_year)
    entries = TimeEntry.objects.filter(
        role=OuterRef("pk"), worked_on__range=(year.start, year.end)
    ).values("role")
    return (
        TeacherLeaderRole.objects.filter(school__in=schools)
        .active_in(year)
        .select_related("person", "school")
        .annotate(
            leader_agreed_at=Subquery(latest.values("leader_agreed_at")[:1]),
            schoolleider_agreed_at=Subquery(latest.values("schoolleider_agreed_at")[:1]),
            is_announced=Exists(Announcement.objects.filter(role=OuterRef("pk"))),
            first_announced_on=Subquery(
                Announcement.objects.filter(role=OuterRef("pk"))
                .order_by("announced_on")
                .values("announced_on")[:1]
            ),
            recognised_count=Coalesce(
                Subquery(
                    Recognition.objects.filter(role=OuterRef("pk"))
                    .values("role")
                    .annotate(n=Count("pk"))
                    .values("n")[:1]
                ),
                0,
            ),
            allotted_amount=Subquery(allotment.values("amount")[:1]),
            allotted_unit=Subquery(allotment.values("unit")[:1]),
            used_hours=Subquery(entries.annotate(total=Sum("hours")).values("total")[:1]),
            outside_hours=Subquery(
                entries.filter(within_school_time=False)
                .annotate(total=Sum("hours"))
                .values("total")[:1]
            ),
        )
        .order_by("school__name", "person__full_name")
    )


def overview_positioning(role) -> Positioning:
    """The role page's positioning from the overview's annotations: the newest version's
    agreement read through `Mandate.is_agreed`, the one rule for "mandate agreed"."""
    newest = Mandate(
        leader_agreed_at=role.leader_agreed_at, schoolleider_agreed_at=role.schoolleider_agreed_at
    )
    return Positioning(mandate_agreed=newest.is_agreed, announced=role.is_announced)


def _allotted_hours(allotment: TimeAllotment | None, school) -> Decimal:
    """Allotted time in hours through `TimeAllotment.hours`, the one dagdelen→hours rule."""
    if allotment is None:
        return ZERO
    return allotment.hours(school.dagdeel_hours).quantize(TENTH)


def overview_facilitation(role, year: Schooljaar) -> Facilitation:
    school = role.school
    allotment = None
    if role.allotted_amount is not None:
        allotment = TimeAllotment(amount=role.allotted_amount, unit=role.allotted_unit)
    return Facilitation(
        allotted_hours=_allotted_hours(allotment, school),
        used_hours=role.used_hours or ZERO,
        outside_hours=role.outside_hours or ZERO,
        elapsed_fraction=year.elapsed_fraction(),
        outside_threshold_percent=school.outside_time_threshold_percent,
    )


def roles_with_mandates(*, school, year: Schooljaar):
    """Roles in a schooljaar with their mandate versions and items, for the year report."""
    return list(
        TeacherLeaderRole.objects.filter(school=school)
        .active_in(year)
        .select_related("person")
        .prefetch_related(
            Prefetch(
                "mandates", queryset=Mandate.objects.order_by("-version").prefetch_related("items")
            ),
            "allotments",
        )
        .order_by("person__full_name", "title")
    )


def time_entries_for_school(*, school, start, end):
    return (
        TimeEntry.objects.filter(role__school=school, worked_on__range=(start, end))
        .select_related("role__person")
        .order_by("role__person__full_name", "worked_on")
    )


def roles_of_person(*, school, person):
    return TeacherLeaderRole.objects.filter(school=school, person=person).order_by(
        "-last_schooljaar"
    )


def role_history(role):
    """Field-level history of a role, its mandate versions and items, its allotments and its
    announcements, newest first."""
    from leaders.models import MandateItem

    mandate_ids = set(Mandate.history.filter(role_id=role.pk).values_list("id", flat=True))

    def subject(record):
        if isinstance(record, TeacherLeaderRole.history.model):
            return _("The role")
        if isinstance(record, Mandate.history.model):
            return _("Mandate version %(version)s") % {"version": record.version}
        if isinstance(record, MandateItem.history.model):
            return _("Mandate item %(text)s") % {"text": record.description}
        if isinstance(record, TimeAllotment.history.model):
            return _("Time allotted in %(year)s") % {"year": Schooljaar(record.schooljaar).label}
        return _("Announcement of %(date)s") % {"date": date_format(record.announced_on)}

    return history_lines(
        TeacherLeaderRole.history.filter(id=role.pk),
        Mandate.history.filter(role_id=role.pk),
        MandateItem.history.filter(mandate_id__in=mandate_ids),
        TimeAllotment.history.filter(role_id=role.pk),
        Announcement.history.filter(role_id=role.pk),
        subject=subject,
    )


def mandates_awaiting_agreement(*, schools=None, year: Schooljaar):
    """The newest mandate version of each role running in `year`, with at least one item,
    that one side has not agreed to yet (whoever changed it last, the other side is asked)."""
    newest = Mandate.objects.filter(role=OuterRef("role")).order_by("-version").values("pk")[:1]
    mandates = Mandate.objects.filter(
        Q(leader_agreed_at__isnull=True) | Q(schoolleider_agreed_at__isnull=True),
        pk=Subquery(newest),
        role__in=TeacherLeaderRole.objects.active_in(year),
        items__isnull=False,
    )
    if schools is not None:
        mandates = mandates.filter(role__school__in=schools)
    return mandates.select_related("role__person", "role__school").distinct()


def mandate_waits_for_leader(mandate) -> bool:
    return mandate.leader_agreed_at is None


def mandate_waits_for_school(mandate) -> bool:
    return mandate.schoolleider_agreed_at is None


def team_sizes(schools) -> dict[int, int]:
    """Per school, the colleagues who can say they know what a teacher leader does: every
    member but the schoolleiders (the teacher leader themself is taken off per role)."""
    rows = (
        Membership.objects.filter(school__in=schools)
        .exclude(role=Role.SCHOOLLEIDER)
        .values("school")
        .annotate(n=Count("pk"))
    )
    return {row["school"]: row["n"] for row in rows}


@dataclass(frozen=True)
class TeamRecognition:
    """How many colleagues know what the teacher leader does and may do: a count, never
    names."""

    recognised: int
    team: int
    announced_on: object = None

    @property
    def is_low(self) -> bool:
        from django.utils import timezone

        from leaders.rules import recognition_is_low

        return recognition_is_low(
            recognised=self.recognised,
            team=self.team,
            announced_on=self.announced_on,
            today=timezone.localdate(),
        )


def recognition_of(role) -> TeamRecognition:
    """For one role page: two counts and the first announcement."""
    first = role.announcements.order_by("announced_on").values_list("announced_on", flat=True)
    return TeamRecognition(
        recognised=role.recognitions.count(),
        team=_colleagues_of_holder(team_sizes([role.school_id]), role),
        announced_on=first.first(),
    )


def overview_recognition(role, team_sizes_by_school) -> TeamRecognition:
    """The same from the overview's annotations, by the same rule."""
    return TeamRecognition(
        recognised=role.recognised_count,
        team=_colleagues_of_holder(team_sizes_by_school, role),
        announced_on=role.first_announced_on,
    )


def _colleagues_of_holder(team_sizes_by_school, role) -> int:
    """The team without the teacher leader themself (a teacher leader, so in the count)."""
    return max(0, team_sizes_by_school.get(role.school_id, 0) - 1)


def aspirations_of(school):
    """Who would like to grow into a teacher-leader role here, with their steps."""
    from leaders.models import Aspiration

    return (
        Aspiration.objects.filter(school=school).select_related("person").prefetch_related("steps")
    )


def aspiration_of(*, school, person):
    """The way this person came to their role: their aspiration and its steps, if any."""
    from leaders.models import Aspiration

    return Aspiration.objects.filter(school=school, person=person).prefetch_related("steps").first()


def leadership_goals(school):
    """The schoolleiders' learning goals in leading teacher leaders: open ones first."""
    from leaders.models import LeadershipGoal

    return LeadershipGoal.objects.filter(school=school).select_related("author")


def role_id_of(*, school, person):
    return (
        TeacherLeaderRole.objects.filter(school=school, person=person)
        .order_by("-last_schooljaar")
        .values_list("pk", flat=True)
        .first()
    )


def open_feedback_request(*, school, person):
    """The newest request of this school that `person` has not answered yet, if any."""
    from leaders.models import FeedbackRequest

    return (
        FeedbackRequest.objects.filter(school=school)
        .select_related("asked_by")
        .exclude(answers__person=person)
        .order_by("-asked_on", "-pk")
        .first()
    )


def feedback_answers(*, school, person):
    from leaders.models import FeedbackAnswer

    return FeedbackAnswer.objects.filter(request__school=school, person=person).select_related(
        "request", "person"
    )
