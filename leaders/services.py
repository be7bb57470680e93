"""Rules that change teacher-leader roles: mandates and their agreement, positioning, time."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from leaders.models import (
    Announcement,
    Course,
    DialogueNote,
    Mandate,
    MandateItem,
    SelfAssessment,
    TeacherLeaderRole,
    TimeAllotment,
    TimeEntry,
)
from tlschool.schools.models import Membership, Role

MAX_HOURS_PER_DAY = 12


class LeaderRuleError(Exception):
    """A change the rules refuse; the message is for the user."""


class StaleMandateError(LeaderRuleError):
    """The mandate changed since the person opened it; they must see the new version first."""

    def __init__(self, mandate):
        super().__init__(
            _(
                "The mandate was changed in the meantime (now version %(version)s). Nothing "
                "was saved; read the new version and try again."
            )
            % {"version": mandate.version}
        )
        self.mandate = mandate


def _check_seen(current, seen_version):
    if seen_version is not None and current.version != seen_version:
        raise StaleMandateError(current)


def role_create(*, school, person, by, **fields) -> TeacherLeaderRole:
    if not Membership.objects.filter(school=school, user=person).exists():
        raise LeaderRuleError(_("This person is not a member of the school."))
    with transaction.atomic():
        role = TeacherLeaderRole.objects.create(school=school, person=person, **fields)
        Mandate.objects.create(role=role, version=1)
        for membership in Membership.objects.filter(school=school, user=person, role=Role.TEAMLID):
            membership.role = Role.TEACHER_LEADER  # saved, so the team's history has it
            membership.save(update_fields=["role", "updated_at"])
    return role


def mandate_current(*, role) -> Mandate:
    return role.mandates.order_by("-version").first()


def _mandate_for_change(role, seen_version=None) -> Mandate:
    """The version a change goes into: the open one, or a fresh copy of an agreed one."""
    current = Mandate.objects.select_for_update().filter(role=role).order_by("-version").first()
    _check_seen(current, seen_version)
    if current.leader_agreed_at is None and current.schoolleider_agreed_at is None:
        return current
    following = Mandate.objects.create(role=role, version=current.version + 1)
    bulk_create_with_history(
        [
            MandateItem(
                mandate=following,
                kind=item.kind,
                description=item.description,
                decision=item.decision,
            )
            for item in current.items.all()
        ],
        MandateItem,
    )
    return following


def mandate_item_add(*, role, kind, description, decision, seen_version=None) -> MandateItem:
    """Add an item; after agreement this makes a new version that both must agree again."""
    with transaction.atomic():
        mandate = _mandate_for_change(role, seen_version)
        return MandateItem.objects.create(
            mandate=mandate, kind=kind, description=description, decision=decision
        )


def mandate_item_remove(*, item: MandateItem, seen_version=None) -> Mandate:
    role = item.mandate.role
    with transaction.atomic():
        mandate = _mandate_for_change(role, seen_version)
        target = mandate.items.filter(
            kind=item.kind, description=item.description, decision=item.decision
        ).first()
        if target is not None:
            target.delete()
        return mandate


def mandate_agree(*, role, by, as_schoolleider: bool, seen_version=None) -> Mandate:
    """Record one side's agreement to the current version, the one the person has read."""
    with transaction.atomic():
        mandate = Mandate.objects.select_for_update().filter(role=role).order_by("-version").first()
        _check_seen(mandate, seen_version)
        if not mandate.items.exists():
            raise LeaderRuleError(
                _("An empty mandate cannot be agreed; add what they may do first.")
            )
        now = timezone.now()
        if as_schoolleider:
            mandate.schoolleider_agreed_by, mandate.schoolleider_agreed_at = by, now
        elif by == role.person:
            mandate.leader_agreed_by, mandate.leader_agreed_at = by, now
        else:
            raise LeaderRuleError(
                _("Only the teacher leader and the schoolleider agree a mandate.")
            )
        mandate.save()
    return mandate


def announcement_record(*, role, by, announced_on, channel, text) -> Announcement:
    return Announcement.objects.create(
        role=role, recorded_by=by, announced_on=announced_on, channel=channel, text=text
    )


def recognition_set(*, role, person, knows: bool) -> None:
    """A colleague says they know what the teacher leader does and may do, or takes it back.
    Only once the team was told (an announcement): before, there is nothing to know yet."""
    from leaders.models import Recognition

    if not knows:
        Recognition.objects.filter(role=role, person=person).delete()
        return
    if not role.announcements.exists():
        raise LeaderRuleError(
            _("The team has not been told yet what %(name)s does and may do.")
            % {"name": role.person}
        )
    Recognition.objects.get_or_create(role=role, person=person)


def allotment_set(*, role, schooljaar: int, amount, unit) -> TimeAllotment:
    allotment, _created = TimeAllotment.objects.update_or_create(
        role=role, schooljaar=schooljaar, defaults={"amount": amount, "unit": unit}
    )
    return allotment


def course_add(*, role, **fields) -> Course:
    """Scholing for the teacher leader of `role`, in that role's school."""
    return Course.objects.create(school=role.school, person=role.person, **fields)


def time_entry_problem(*, role, worked_on, hours) -> str | None:
    """Why this time entry cannot be logged, or None."""
    if worked_on > timezone.localdate():
        return _("Time can only be logged for today or earlier.")
    if not role.starts_on <= worked_on <= role.ends_on:
        return _("The date lies outside this role's schooljaar (%(period)s).") % {
            "period": role.period_label
        }
    logged = sum(
        role.time_entries.filter(worked_on=worked_on).values_list("hours", flat=True), start=0
    )
    if logged + hours > MAX_HOURS_PER_DAY:
        return _(
            "That makes %(total)s hours on one day; at most %(max)s hours a day can be logged."
        ) % {"total": logged + hours, "max": MAX_HOURS_PER_DAY}
    return None


def time_entry_add(*, role, worked_on, hours, activity, within_school_time) -> TimeEntry:
    problem = time_entry_problem(role=role, worked_on=worked_on, hours=hours)
    if problem:
        raise LeaderRuleError(problem)
    return TimeEntry.objects.create(
        role=role,
        worked_on=worked_on,
        hours=hours,
        activity=activity,
        within_school_time=within_school_time,
    )


def self_assessment_add(*, school, person, skill, score, note="", assessed_on=None):
    return SelfAssessment.objects.create(
        school=school,
        person=person,
        skill=skill,
        score=score,
        note=note,
        assessed_on=assessed_on or timezone.localdate(),
    )


def dialogue_note_add(*, school, person, author, held_on, text) -> DialogueNote:
    return DialogueNote.objects.create(
        school=school, person=person, author=author, held_on=held_on, text=text
    )
