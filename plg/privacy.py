"""What the plg app holds about a person, for inzage and vergeten."""

from plg.health_scan import term_of
from plg.models import PLG, Agreement, Attendance, HealthScanParticipant, Reflection, Session

# Free text that may name a colleague, for replacing a forgotten person's name.
TEXT_FIELDS = [
    (PLG, "school", ["name", "theme", "research_question"]),
    (Session, "plg__school", ["focus", "tried", "learned", "guests", "private_notes"]),
    (Agreement, "plg__school", ["text"]),
    (Reflection, "session__plg__school", ["text"]),
]


def person_data(*, school, person) -> dict:
    """Everything of the school's PLGs that names this person. Private notes of sessions are
    the PLG's, not the person's, and stay out. Of a health scan only that they answered is
    kept with their name: the answers are anonymous and not in here."""

    plgs = PLG.objects.filter(school=school)
    return {
        "plgs_led": [plg.name for plg in plgs.filter(leaders=person)],
        "plgs_member_of": [plg.name for plg in plgs.filter(members=person)],
        "attendance": [
            {"plg": row.session.plg.name, "on": row.session.held_on, "present": row.present}
            for row in Attendance.objects.filter(
                session__plg__school=school, person=person
            ).select_related("session__plg")
        ],
        "sessions_written": [
            {"plg": s.plg.name, "on": s.held_on, "tried": s.tried, "learned": s.learned}
            for s in Session.objects.filter(plg__school=school, created_by=person).select_related(
                "plg"
            )
        ],
        "agreements_owned": [
            {"plg": a.plg.name, "text": a.text, "due_on": a.due_on, "done_on": a.done_on}
            for a in Agreement.objects.filter(plg__school=school, owner=person).select_related(
                "plg"
            )
        ],
        "health_scans_answered": [
            {"plg": row.scan.plg.name, "term": term_of(row.scan.opened_on)}
            for row in HealthScanParticipant.objects.filter(
                scan__plg__school=school, person=person
            ).select_related("scan__plg")
        ],
        "reflections": [
            {"session": str(r.session), "text": r.text}
            for r in Reflection.objects.filter(
                session__plg__school=school, author=person
            ).select_related("session__plg")
        ],
    }
