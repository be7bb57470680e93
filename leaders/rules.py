"""Who may do what with a teacher-leader role, on top of the school-wide access."""

from tlschool.schools.access import Access


def is_holder(access: Access, role) -> bool:
    return access.is_member and access.user.pk == role.person_id


def may_manage_role(access: Access) -> bool:
    """Create roles, set allotted time, record positioning."""
    return access.can_manage_school


def may_edit_mandate(access: Access, role) -> bool:
    return access.can_manage_school or is_holder(access, role)


def may_agree_mandate(access: Access, role) -> bool:
    """Agree to the mandate: the schoolleider for the school, the teacher leader for themself."""
    return access.is_schoolleider or is_holder(access, role)


def may_read_history(access: Access, role) -> bool:
    """Every change to the role, its mandate, time allotted and positioning: the two of them."""
    return access.is_schoolleider or is_holder(access, role)


def may_see_private(access: Access, role) -> bool:
    """Time log, self-assessments and dialogue notes: the teacher leader and the schoolleider."""
    return access.is_schoolleider or is_holder(access, role)


def may_log_time(access: Access, role) -> bool:
    return is_holder(access, role)


def may_see_time_lines(access: Access) -> bool:
    """Every teacher leader's time lines of the school (the CSV export): whoever may see the
    private part of every role there, which is the schoolleider. Board staff see the totals
    per role, as on the dashboard."""
    return access.is_schoolleider


def may_recognise(access: Access, role) -> bool:
    """Say "I know what this teacher leader does and may do": a colleague in the team (not
    the teacher leader, not the schoolleider who positioned them, not board staff)."""
    return (
        access.is_member
        and not access.is_schoolleider
        and not access.is_read_only
        and not is_holder(access, role)
    )


# When the team's recognition is asked for on the dashboard: weeks after the first
# announcement, and the share of the team below which it is a signal.
RECOGNITION_WEEKS = 4
RECOGNITION_SHARE = 0.5


def recognition_is_low(*, recognised: int, team: int, announced_on, today) -> bool:
    return (
        announced_on is not None
        and team > 0
        and (today - announced_on).days >= RECOGNITION_WEEKS * 7
        and recognised < team * RECOGNITION_SHARE
    )


def may_aspire(access: Access) -> bool:
    """Say one would like to grow into a teacher-leader role: a colleague of the team."""
    return access.is_member and not access.is_schoolleider and not access.is_read_only


def may_follow_aspirations(access: Access) -> bool:
    """See who would like to grow and record their steps: the schoolleider."""
    return access.is_schoolleider
