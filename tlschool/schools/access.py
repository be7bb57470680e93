"""Who may do what in which school. Every view, template and test asks this module.

A request carries one `Access` for the current school (see middleware). School-wide
questions are answered here; object-level rules (the owner of an innovation, the leaders
of a PLG) live in each app's services and build on these answers.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext

from tlschool.schools.models import BoardStaff, Membership, Role, School


@dataclass(frozen=True)
class Access:
    user: object
    school: School | None
    role: str | None = None
    board_staff: bool = False
    available_schools: tuple = field(default=(), compare=False)

    @property
    def is_member(self) -> bool:
        return self.role is not None

    @property
    def is_schoolleider(self) -> bool:
        return self.role == Role.SCHOOLLEIDER

    @property
    def is_teacher_leader(self) -> bool:
        return self.role == Role.TEACHER_LEADER

    @property
    def is_teamlid(self) -> bool:
        return self.role == Role.TEAMLID

    @property
    def can_read(self) -> bool:
        """Read the school's shared pages: members and the board's staff."""
        return self.school is not None and (self.is_member or self.board_staff)

    @property
    def is_read_only(self) -> bool:
        return self.can_read and not self.is_member

    @property
    def can_manage_school(self) -> bool:
        """Team, roles, ambitions, school settings, teacher-leader roles and their time."""
        return self.is_schoolleider

    @property
    def can_lead(self) -> bool:
        """Start PLGs and take part in leading change: teacher leaders and the schoolleider."""
        return self.is_schoolleider or self.is_teacher_leader

    @property
    def can_see_overview(self) -> bool:
        """The dashboard and exports: the schoolleider and the board's staff."""
        return self.school is not None and (self.is_schoolleider or self.board_staff)

    def school_by_id(self, school_id: int) -> School | None:
        return next((s for s, _role in self.available_schools if s.pk == school_id), None)

    @property
    def role_label(self) -> str:
        if self.role:
            return Role(self.role).label
        if self.board_staff:
            return gettext("board staff (read only)")
        return ""


def require(allowed: bool) -> None:
    """Raise 403 unless `allowed`: for users who may see the school but not do this."""
    if not allowed:
        raise PermissionDenied


def _options(user) -> tuple[list[tuple[School, str | None]], set[int]]:
    """Every school the user may open, with their role there, and the boards they staff."""
    if not user.is_authenticated:
        return [], set()
    schools: dict[int, tuple[School, str | None]] = {}
    for membership in Membership.objects.filter(user=user).select_related("school"):
        schools[membership.school_id] = (membership.school, membership.role)
    staffed = set(BoardStaff.objects.filter(user=user).values_list("board_id", flat=True))
    if staffed:
        for school in School.objects.filter(board_id__in=staffed):
            schools.setdefault(school.pk, (school, None))
    return sorted(schools.values(), key=lambda pair: pair[0].name), staffed


def available_schools(user) -> list[tuple[School, str | None]]:
    """Every school the user may open, with their role there (None for board staff)."""
    return _options(user)[0]


def access_for(user, school_id: int | None = None) -> Access:
    """The user's access in the school `school_id`; else the school they last chose, else
    their first school."""
    options, staffed = _options(user)
    if not options:
        return Access(user=user, school=None)
    wanted = school_id or getattr(user, "last_school_id", None)
    school, role = next((pair for pair in options if pair[0].pk == wanted), options[0])
    return Access(
        user=user,
        school=school,
        role=role,
        board_staff=school.board_id in staffed,
        available_schools=tuple(options),
    )


def scoped(queryset: QuerySet, access: Access, *, school_path: str = "school") -> QuerySet:
    """Start every lookup from the current school; `school_path` reaches it through parents."""
    if access.school is None:
        return queryset.none()
    return queryset.filter(**{school_path: access.school})


def get_in_school(
    queryset: QuerySet, access: Access, *, school_path: str = "school", **lookup
) -> Model:
    """The object in the current school, or 404 — also for objects of other schools."""
    if not access.can_read:
        raise Http404
    return get_object_or_404(scoped(queryset, access, school_path=school_path), **lookup)
