"""Who may do what with a PLG, on top of the school-wide access."""

from tlschool.schools.access import Access


def may_create_plg(access: Access) -> bool:
    return access.can_lead


def leads(access: Access, plg) -> bool:
    return access.is_member and any(leader.pk == access.user.pk for leader in plg.leaders.all())


def may_manage(access: Access, plg) -> bool:
    """Edit the PLG and log or edit its sessions: its teacher leaders and the schoolleider."""
    return access.is_schoolleider or leads(access, plg)


def is_participant(access: Access, plg) -> bool:
    """A leader or member of the PLG: who reflects, and who answers its health scan."""
    return leads(access, plg) or (
        access.is_member and any(member.pk == access.user.pk for member in plg.members.all())
    )


def may_read_private(access: Access, plg) -> bool:
    """The PLG and the schoolleider: the sessions' private notes and the health scan's
    profile."""
    return access.is_schoolleider or is_participant(access, plg)


def may_reflect(access: Access, session) -> bool:
    """Members add a short reflection to a final session they attended."""
    return (
        access.is_member
        and not session.is_draft
        and any(row.person_id == access.user.pk and row.present for row in session.attendance.all())
    )
