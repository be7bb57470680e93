"""Who may do what with an innovation, on top of the school-wide access."""

from plg import rules as plg_rules
from tlschool.schools.access import Access


def is_owner(access: Access, innovation) -> bool:
    return access.is_member and innovation.owner_id == access.user.pk


def may_create(access: Access) -> bool:
    """The schoolleider creates innovations and places the responsibility."""
    return access.can_manage_school


def may_edit(access: Access, innovation) -> bool:
    return access.can_manage_school or is_owner(access, innovation)


def may_steer(access: Access, innovation) -> bool:
    """Move stages, record plans, adjustments, borging, approach, pace and pulses: the owner."""
    return is_owner(access, innovation)


def may_monitor(access: Access, innovation) -> bool:
    """The owner and the members of the PLGs that carry the innovation."""
    if is_owner(access, innovation):
        return True
    return any(plg_rules.is_participant(access, plg) for plg in innovation.plgs.all())


def may_remove_entry(access: Access, innovation, entry) -> bool:
    """A monitoring entry made by mistake: the owner, or who made it while they still monitor."""
    if is_owner(access, innovation):
        return True
    return entry.created_by_id == access.user.pk and may_monitor(access, innovation)


def may_read_history(access: Access, innovation) -> bool:
    return access.is_schoolleider or is_owner(access, innovation)


def may_answer_pulse(access: Access) -> bool:
    return access.is_member


def may_review_borging(access: Access, innovation) -> bool:
    """A borging review: the schoolleider, the owner and who guards the borging."""
    return (
        access.is_schoolleider
        or is_owner(access, innovation)
        or (access.is_member and innovation.borging_guardian_id == access.user.pk)
    )
