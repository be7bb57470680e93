"""What the innovations app holds about a person, for inzage, vergeten and bewaartermijnen."""

from datetime import date

from innovations.models import (
    Adjustment,
    BorgingReview,
    Innovation,
    InnovationEvent,
    MonitoringEntry,
    Slowdown,
    StageChange,
    SuccessCriterion,
)
from tlschool.privacy.models import months_before

# Free text that may name a colleague, for replacing a forgotten person's name.
TEXT_FIELDS = [
    (
        Innovation,
        "school",
        [
            "title",
            "aanleiding",
            "goal",
            "monitoring_what",
            "monitoring_how",
            "monitoring_when",
            "borging_agreements",
            "borging_theme",
            "borging_in_class",
            "borging_monitoring_showed",
            "change_colour_reason",
        ],
    ),
    (MonitoringEntry, "innovation__school", ["findings"]),
    (Adjustment, "innovation__school", ["what", "why"]),
    (BorgingReview, "innovation__school", ["findings"]),
    (StageChange, "innovation__school", ["reason"]),
    (Slowdown, "innovation__school", ["reason"]),
    (SuccessCriterion, "innovation__school", ["name"]),
    (InnovationEvent, "innovation__school", ["summary"]),
]


def person_data(*, school, person) -> dict:
    """Innovations they own and monitoring they added. Pulse answers are anonymous: nothing
    links them to a person, so they are not in here."""
    return {
        "innovations_owned": [
            {"title": i.title, "stage": i.get_stage_display(), "goal": i.goal}
            for i in Innovation.objects.filter(school=school, owner=person)
        ],
        "monitoring_added": [
            {
                "innovation": e.innovation.title,
                "on": e.observed_on,
                "method": e.get_method_display(),
                "findings": e.findings,
                "evidence_file": e.evidence_file.name.rsplit("/", 1)[-1] if e.evidence_file else "",
            }
            for e in MonitoringEntry.objects.filter(
                innovation__school=school, created_by=person
            ).select_related("innovation")
        ],
    }


def evidence_of(*, school, person):
    """Monitoring entries with a file that this person added."""
    return MonitoringEntry.objects.filter(innovation__school=school, created_by=person).exclude(
        evidence_file=""
    )


def evidence_files_remove(entries) -> int:
    """Delete the files of these entries; the entries and their findings stay."""
    removed = 0
    for entry in entries:
        entry.evidence_file.delete(save=True)  # saved: the history keeps a line
        removed += 1
    return removed


def retention_due(*, school, retention, today: date):
    """Monitoring entries whose evidence file is older than the school keeps it."""
    return MonitoringEntry.objects.filter(
        innovation__school=school,
        created_at__date__lt=months_before(today, retention.evidence_months),
    ).exclude(evidence_file="")
