"""Every change to a school's data raises its `School.data_version`, in the same transaction.

A summary kept for the board overview is stored under the version it was made from, so it is
never read after a change: the next reader finds no summary for the new version and makes one.
Changes arrive through model signals (save, delete, many-to-many); `QuerySet.update()` and
`bulk_create()` send none, so the services that use them always save or delete a row of the
same school in the same transaction, and a test checks that every model is covered.
"""

from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save

# How a row leads to its school, per model label. None: the model holds nothing a summary
# or a kept page shows (or is the history, log or bookkeeping of rows that do);
# tests/quality/test_kept_pages.py reads the SQL of the kept pages to hold that.
SCHOOL_OF = {
    "schools.School": lambda row: row.pk,
    "schools.Membership": lambda row: row.school_id,
    "schools.Ambition": lambda row: row.school_id,
    "schools.Invitation": None,
    "schools.KeptPage": None,
    "schools.Board": None,
    "schools.BoardStaff": None,
    "overview.SignalSnooze": lambda row: row.school_id,
    "overview.KeptSummary": None,
    "overview.KeptHealth": None,
    "overview.QualityStandard": None,
    "leaders.TeacherLeaderRole": lambda row: row.school_id,
    "leaders.Mandate": lambda row: row.role.school_id,
    "leaders.MandateItem": lambda row: row.mandate.role.school_id,
    "leaders.Announcement": lambda row: row.role.school_id,
    "leaders.Recognition": lambda row: row.role.school_id,
    "leaders.Aspiration": lambda row: row.school_id,
    "leaders.GrowthStep": None,
    "leaders.WellbeingCheckIn": None,
    "leaders.LeadershipGoal": None,
    "leaders.FeedbackRequest": lambda row: row.school_id,
    "leaders.FeedbackAnswer": lambda row: row.request.school_id,
    "leaders.GrowthScore": None,
    "leaders.GrowthAgreement": None,
    "leaders.TimeAllotment": lambda row: row.role.school_id,
    "leaders.TimeEntry": lambda row: row.role.school_id,
    "leaders.Course": None,
    "leaders.SelfAssessment": None,
    "leaders.DialogueNote": None,
    "plg.PLG": lambda row: row.school_id,
    "plg.Session": lambda row: row.plg.school_id,
    "plg.Attendance": lambda row: row.session.plg.school_id,
    "plg.Agreement": lambda row: row.plg.school_id,
    "plg.Reflection": lambda row: row.session.plg.school_id,
    "plg.MeetingPlan": lambda row: row.plg.school_id,
    "plg.MeetingChange": lambda row: row.plg.school_id,
    "plg.HealthScan": lambda row: row.plg.school_id,
    "plg.HealthScanParticipant": lambda row: row.scan.plg.school_id,
    "plg.HealthScanAnswer": lambda row: row.scan.plg.school_id,
    "innovations.Innovation": lambda row: row.school_id,
    "innovations.StageChange": lambda row: row.innovation.school_id,
    "innovations.Adjustment": lambda row: row.innovation.school_id,
    "innovations.Adjustment_based_on": None,
    "innovations.BorgingReview": lambda row: row.innovation.school_id,
    "innovations.SuccessCriterion": lambda row: row.innovation.school_id,
    "innovations.MonitoringEntry": lambda row: row.innovation.school_id,
    "innovations.CriterionValue": lambda row: row.entry.innovation.school_id,
    "innovations.StagePlan": lambda row: row.innovation.school_id,
    "innovations.Slowdown": lambda row: row.innovation.school_id,
    "innovations.Pulse": lambda row: row.innovation.school_id,
    "innovations.PulseParticipant": lambda row: row.pulse.innovation.school_id,
    "innovations.PulseAnswer": None,
    "innovations.InnovationEvent": None,
    # Holidays move the dates of meetings in the kept calendar feeds.
    "reminders.Holiday": lambda row: row.school_id,
}
OUR_APPS = {
    "accounts",
    "schools",
    "overview",
    "leaders",
    "plg",
    "innovations",
    "privacy",
    "reminders",
}
# Whole apps or kinds of model that summaries never read.
NOT_SHOWN = {"privacy", "accounts", "reminders"}


def school_changed(school_id) -> None:
    """Raise the school's version: what was summarised before no longer counts."""
    from tlschool.schools.models import School

    if school_id is not None:
        School.objects.filter(pk=school_id).update(data_version=F("data_version") + 1)


def _on_change(sender, instance, **kwargs):
    find = SCHOOL_OF.get(sender._meta.label)
    if find is None:
        return
    try:
        school_id = find(instance)
    except Exception:  # a parent already deleted in the same cascade: it raised the version
        return
    if sender._meta.label == "schools.School" and kwargs.get("update_fields") == {"data_version"}:
        return
    school_changed(school_id)


def _on_user_change(sender, instance, update_fields=None, **kwargs):
    """A name shows in the summaries of every school the person is in."""
    if update_fields is not None and set(update_fields) <= {"last_login", "last_school"}:
        return
    for school_id in instance.memberships.values_list("school_id", flat=True):
        school_changed(school_id)


def _on_m2m(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        _on_change(type(instance), instance)


def connect():
    from django.apps import apps
    from django.contrib.auth import get_user_model

    for label, find in SCHOOL_OF.items():
        if find is None:
            continue
        model = apps.get_model(label)
        post_save.connect(_on_change, sender=model, dispatch_uid=f"version-save-{label}")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"version-delete-{label}")
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                _on_m2m,
                sender=field.remote_field.through,
                dispatch_uid=f"version-m2m-{label}-{field.name}",
            )
    post_save.connect(_on_user_change, sender=get_user_model(), dispatch_uid="version-user")
