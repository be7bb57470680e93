"""What the leaders app holds about a person, for inzage, vergeten and bewaartermijnen."""

from datetime import date

from django.db.models import Max
from django.utils.translation import gettext as _

from leaders.models import (
    Announcement,
    Aspiration,
    Course,
    DialogueNote,
    FeedbackAnswer,
    GrowthAgreement,
    GrowthScore,
    LeadershipGoal,
    MandateItem,
    Recognition,
    SelfAssessment,
    TeacherLeaderRole,
    TimeEntry,
    WellbeingCheckIn,
)
from tlschool.privacy.models import months_before
from tlschool.schools.schooljaar import Schooljaar

# Free text that may name a colleague, for replacing a forgotten person's name.
TEXT_FIELDS = [
    (TeacherLeaderRole, "school", ["title", "focus", "expertise", "function_note"]),
    (MandateItem, "mandate__role__school", ["description"]),
    (Announcement, "role__school", ["text"]),
    (DialogueNote, "school", ["text"]),
]


def person_data(*, school, person) -> dict:
    roles = (
        TeacherLeaderRole.objects.filter(school=school, person=person)
        .prefetch_related("mandates__items", "allotments", "announcements", "time_entries")
        .order_by("first_schooljaar")
    )
    return {
        "roles": [
            {
                "title": role.title,
                "kind": role.get_kind_display(),
                "focus": role.focus,
                "expertise": role.expertise,
                "period": role.period_label,
                "function_note": role.function_note,
                "mandates": [
                    {
                        "version": mandate.version,
                        "teacher_leader_agreed_at": mandate.leader_agreed_at,
                        "schoolleider_agreed_at": mandate.schoolleider_agreed_at,
                        "items": [
                            {
                                "kind": item.get_kind_display(),
                                "description": item.description,
                                "decision": item.get_decision_display(),
                            }
                            for item in mandate.items.all()
                        ],
                    }
                    for mandate in role.mandates.all()
                ],
                "time_allotted": [
                    {
                        "schooljaar": Schooljaar(a.schooljaar).label,
                        "amount": a.amount,
                        "unit": a.unit,
                    }
                    for a in role.allotments.all()
                ],
                "announcements": [
                    {"on": a.announced_on, "how": a.get_channel_display(), "text": a.text}
                    for a in role.announcements.all()
                ],
                "time_log": [
                    {
                        "on": entry.worked_on,
                        "hours": entry.hours,
                        "activity": entry.activity,
                        "within_school_time": entry.within_school_time,
                    }
                    for entry in role.time_entries.all()
                ],
            }
            for role in roles
        ],
        "scholing": [
            {
                "course": course.name,
                "provider": course.provider,
                "status": course.get_status_display(),
                "starts_on": course.starts_on,
                "ends_on": course.ends_on,
            }
            for course in Course.objects.filter(school=school, person=person)
        ],
        "self_assessments": [
            {"skill": a.get_skill_display(), "score": a.score, "note": a.note, "on": a.assessed_on}
            for a in SelfAssessment.objects.filter(school=school, person=person)
        ],
        "dialogue_notes": [
            {
                "on": note.held_on,
                "by": str(note.author),
                "about": str(note.person),
                "text": note.text,
            }
            for note in DialogueNote.objects.filter(school=school, person=person).select_related(
                "author", "person"
            )
        ]
        + [
            {
                "on": note.held_on,
                "by": str(note.author),
                "about": str(note.person),
                "text": note.text,
            }
            for note in DialogueNote.objects.filter(school=school, author=person)
            .exclude(person=person)
            .select_related("author", "person")
        ],
        "aspiration": [
            {
                "theme": row.theme,
                "why": row.why,
                "since": row.created_at,
                "steps": [
                    {
                        "step": step.get_kind_display(),
                        "what": step.description,
                        "from": step.taken_on,
                    }
                    for step in row.steps.all()
                ],
            }
            for row in Aspiration.objects.filter(school=school, person=person).prefetch_related(
                "steps"
            )
        ],
        "wellbeing": [
            {"date": row.held_on, "energy": row.energy, "workload": row.workload}
            for row in WellbeingCheckIn.objects.filter(school=school, person=person)
        ],
        "feedback_to_schoolleider": [
            {
                "asked_on": row.request.asked_on,
                "time": row.time,
                "mandate": row.mandate,
                "support": row.support,
                "information": row.information,
            }
            for row in FeedbackAnswer.objects.filter(
                request__school=school, person=person
            ).select_related("request")
        ],
        "growth_profile": [
            {
                "schooljaar": row.schooljaar,
                "area": row.get_area_display(),
                "scored_by": row.get_scorer_display(),
                "score": row.score,
            }
            for row in GrowthScore.objects.filter(school=school, person=person)
        ]
        + [
            {
                "schooljaar": row.schooljaar,
                "area": row.get_area_display(),
                "agreed_level": row.level,
                "next_step": row.next_step,
            }
            for row in GrowthAgreement.objects.filter(school=school, person=person)
        ],
        "leadership_goals": [
            {"goal": row.text, "since": row.created_at, "reached_on": row.reached_on}
            for row in LeadershipGoal.objects.filter(school=school, author=person)
        ],
        # "Ik weet wat … doet en mag": the roles this person said so of, and when.
        "recognitions": [
            {"role": str(row.role), "at": row.at}
            for row in Recognition.objects.filter(role__school=school, person=person)
            .select_related("role__person")
            .order_by("at")
        ],
    }


def private_data(*, school, person) -> dict:
    """{what: rows} of a person's private data, which goes when they are forgotten: dialogue
    notes about them, self-assessments, time log, scholing. The roles and mandates stay with
    the school's record under the new name. The erasure page counts these same rows."""
    return {
        _("dialogue notes"): DialogueNote.objects.filter(school=school, person=person),
        _("self-assessments"): SelfAssessment.objects.filter(school=school, person=person),
        _("time log lines"): TimeEntry.objects.filter(role__school=school, role__person=person),
        _("courses (scholing)"): Course.objects.filter(school=school, person=person),
        _("wish to grow into a teacher-leader role, with its steps"): Aspiration.objects.filter(
            school=school, person=person
        ),
        _("wellbeing check-ins"): WellbeingCheckIn.objects.filter(school=school, person=person),
        _("growth profile scores"): GrowthScore.objects.filter(school=school, person=person),
        _("growth profile agreements"): GrowthAgreement.objects.filter(
            school=school, person=person
        ),
        _("feedback to the schoolleider"): FeedbackAnswer.objects.filter(
            request__school=school, person=person
        ),
    }


def person_erase(*, school, person) -> None:
    for rows in private_data(school=school, person=person).values():
        rows.delete()


def retention_due(*, school, retention, today: date) -> list:
    """(what, queryset to delete) past the school's retention periods."""
    role_ends = (
        TeacherLeaderRole.objects.filter(school=school)
        .values("person")
        .annotate(last=Max("last_schooljaar"))
    )
    months = retention.dialogue_notes_months
    done_people = [
        row["person"]
        for row in role_ends
        if Schooljaar(row["last"]).end <= months_before(today, months)
    ]
    cutoff_year = _last_schooljaar_past(today, retention.time_log_months)
    return [
        (
            "dialogue notes deleted",
            DialogueNote.objects.filter(school=school, person__in=done_people),
        ),
        (
            "self-assessments deleted",
            SelfAssessment.objects.filter(school=school, person__in=done_people),
        ),
        (
            "time log lines deleted",
            TimeEntry.objects.filter(role__school=school, worked_on__lte=cutoff_year.end)
            if cutoff_year
            else TimeEntry.objects.none(),
        ),
    ]


def _last_schooljaar_past(today: date, months: int):
    """The newest schooljaar that ended at least `months` months ago (None: not yet any)."""
    year = Schooljaar.containing(today)
    while year.end > months_before(today, months):
        year = year.previous()
        if year.start_year < 2000:
            return None
    return year
