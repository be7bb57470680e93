"""Queries the PLG pages need, each a fixed number of SQL statements."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from plg.health_scan import held_in_term, scan_result
from plg.models import (
    PLG,
    Agreement,
    Attendance,
    DuFourQuestion,
    HealthScan,
    HealthScanParticipant,
    Session,
    SessionStatus,
)
from plg.protocols import skips_check_act
from tlschool.history import history_lines

FINAL = SessionStatus.FINAL


def _final_sessions_of_each_plg():
    """For a subquery per PLG row: that PLG's final sessions."""
    return Session.objects.filter(plg=OuterRef("pk"), status=FINAL)


def open_agreements_of_final_sessions():
    """Every open agreement that counts: one a draft session holds is nobody's yet."""
    return Agreement.objects.filter(done_on__isnull=True, session__status=FINAL)


def _open_agreements_of_each_plg():
    """For a subquery per PLG row: that PLG's open agreements of final sessions."""
    return open_agreements_of_final_sessions().filter(plg=OuterRef("pk"))


def _last_session_on():
    return Subquery(_final_sessions_of_each_plg().order_by("-held_on").values("held_on")[:1])


def plgs_for_school(school):
    """The school's PLGs with their counts, each a correlated subquery: joining sessions and
    agreements in one GROUP BY would multiply them (400 × 400 rows for a PLG of four years)."""
    final = _final_sessions_of_each_plg()
    return (
        PLG.objects.filter(school=school)
        .prefetch_related("leaders", "members")
        .annotate(
            session_count=_count(final, "plg"),
            last_session_on=_last_session_on(),
            open_agreements=_count(_open_agreements_of_each_plg(), "plg"),
        )
    )


def plg_with_people(school):
    return PLG.objects.filter(school=school).prefetch_related("leaders", "members")


def plgs_led_by(*, school, person_ids) -> dict[int, list[PLG]]:
    """Active PLGs per leading person, for "Wie leidt wat"."""
    result = defaultdict(list)
    rows = PLG.leaders.through.objects.filter(
        plg__school=school, plg__is_active=True, user_id__in=person_ids
    ).select_related("plg")
    for row in rows:
        result[row.user_id].append(row.plg)
    return dict(result)


def sessions_timeline(*, plg, include_drafts: bool):
    """The PLG's sessions, newest first, each with its number of agreements."""
    agreements = (
        Agreement.objects.filter(session=OuterRef("pk")).values("session").annotate(n=Count("pk"))
    )
    sessions = plg.sessions.annotate(
        agreement_count=Coalesce(Subquery(agreements.values("n")[:1]), 0)
    )
    if not include_drafts:
        sessions = sessions.filter(status=FINAL)
    return sessions


def attendance_rates(*, plg, since) -> list[tuple[object, int, int]]:
    """Per person: (person, sessions present, sessions recorded), over final sessions since a day."""
    rows = (
        Attendance.objects.filter(
            session__plg=plg, session__status=FINAL, session__held_on__gte=since
        )
        .values("person_id")
        .annotate(present=Count("pk", filter=Q(present=True)), total=Count("pk"))
    )
    people = {person.pk: person for person in [*plg.leaders.all(), *plg.members.all()]}
    return [
        (people[row["person_id"]], row["present"], row["total"])
        for row in rows
        if row["person_id"] in people
    ]


@dataclass
class QuestionTime:
    question: DuFourQuestion
    sessions: int
    percent: int  # of the PLG's final sessions in the period


@dataclass
class QuestionsWorkedOn:
    sessions: int
    questions: list[QuestionTime]

    @property
    def skips_check_act(self) -> bool:
        not_learned = next(q for q in self.questions if q.question == DuFourQuestion.NOT_LEARNED)
        return skips_check_act(sessions=self.sessions, not_learned_sessions=not_learned.sessions)


def questions_worked_on(*, plg, start, end) -> QuestionsWorkedOn:
    """How many of the PLG's final sessions in a period worked on each of DuFour's questions,
    in one query."""
    counts = Session.objects.filter(plg=plg, status=FINAL, held_on__range=(start, end)).aggregate(
        sessions=Count("pk"),
        **{q.value: Count("pk", filter=Q(**{q.value: True})) for q in DuFourQuestion},
    )
    total = counts["sessions"]
    return QuestionsWorkedOn(
        sessions=total,
        questions=[
            QuestionTime(q, counts[q.value], round(counts[q.value] / total * 100) if total else 0)
            for q in DuFourQuestion
        ],
    )


def open_agreements(*, school, plg=None, owner=None):
    agreements = (
        open_agreements_of_final_sessions()
        .filter(plg__school=school)
        .select_related("owner", "plg", "session")
    )
    if plg is not None:
        agreements = agreements.filter(plg=plg)
    if owner is not None:
        agreements = agreements.filter(owner=owner)
    return agreements.order_by("due_on", "pk")


def _count(queryset, group: str):
    """A correlated COUNT(*) of `queryset`, 0 when there is nothing."""
    counted = queryset.values(group).annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted), 0)


def plgs_overview(*, schools, start, end):
    """PLGs of several schools in one query, with what the overviews need per PLG: the last
    session, open and overdue agreements, and attendance in the period."""
    today = timezone.localdate()
    open_agreements = _open_agreements_of_each_plg()
    attendance = Attendance.objects.filter(
        session__plg=OuterRef("pk"), session__status=FINAL, session__held_on__range=(start, end)
    )
    in_period = _final_sessions_of_each_plg().filter(held_on__range=(start, end))
    return (
        PLG.objects.filter(school__in=schools)
        .annotate(
            last_session_on=_last_session_on(),
            open_agreement_count=_count(open_agreements, "plg"),
            overdue_agreement_count=_count(open_agreements.filter(due_on__lt=today), "plg"),
            attended=_count(attendance.filter(present=True), "session__plg"),
            attendance_total=_count(attendance, "session__plg"),
            sessions_in_period=_count(in_period, "plg"),
            not_learned_sessions=_count(in_period.filter(q_not_learned=True), "plg"),
        )
        .order_by("school__name", "name")
    )


def sessions_per_month(*, schools, since):
    """(school_id, month, count) of final sessions from `since` on, in one query."""
    return (
        Session.objects.filter(plg__school__in=schools, status=FINAL, held_on__gte=since)
        .annotate(month=TruncMonth("held_on"))
        .values("plg__school_id", "month")
        .annotate(count=Count("pk"))
        .order_by()
    )


RECENT_DAYS = 90


def recent_learnings(*, school, limit: int = 5):
    """What PLGs learned in the last three months, newest first: for everyone's home page.
    The window keeps this an index range on (plg, held_on) however many years a board logs."""
    since = timezone.localdate() - timedelta(days=RECENT_DAYS)
    return (
        Session.objects.filter(plg__school=school, status=FINAL, held_on__gte=since)
        .exclude(learned="")
        .select_related("plg")
        .order_by("-held_on", "-pk")[:limit]
    )


def plgs_for_person(*, school, person):
    return (
        PLG.objects.filter(school=school, is_active=True)
        .filter(Q(leaders=person) | Q(members=person))
        .distinct()
        .order_by("name")
    )


def sessions_for_export(*, school, start, end):
    """Final sessions of a period with their attendance and agreement counts, in one query."""
    agreements = Agreement.objects.filter(session=OuterRef("pk"))
    attendance = Attendance.objects.filter(session=OuterRef("pk"))
    return (
        Session.objects.filter(plg__school=school, status=FINAL, held_on__range=(start, end))
        .select_related("plg")
        .annotate(
            present_count=_count(attendance.filter(present=True), "session"),
            attendance_count=_count(attendance, "session"),
            agreement_count=_count(agreements, "session"),
        )
        .order_by("held_on", "pk")
    )


def plg_history(plg):
    """Field-level history of a PLG (members and leaders too), its sessions and agreements,
    newest first. Private notes are never kept in the history."""

    def subject(record):
        if isinstance(record, PLG.history.model):
            return _("The PLG")
        if isinstance(record, Session.history.model):
            return _("Session of %(date)s") % {"date": date_format(record.held_on)}
        return _("Agreement %(text)s") % {"text": record.text}

    return history_lines(
        PLG.history.filter(id=plg.pk),
        Session.history.filter(plg_id=plg.pk),
        Agreement.history.filter(plg_id=plg.pk),
        subject=subject,
    )


REFLECTION_ASKED_FOR_DAYS = 3


def awaiting_reflection(*, today, school=None, person=None):
    """Attendance of the last few days' final sessions by people who were there, did not
    write the session and have not reflected on it yet: each is asked once."""
    from plg.models import Reflection

    since = today - timedelta(days=REFLECTION_ASKED_FOR_DAYS)
    rows = (
        Attendance.objects.filter(
            present=True,
            session__status=SessionStatus.FINAL,
            session__held_on__gte=since,
            session__held_on__lte=today,
        )
        .exclude(
            Exists(
                Reflection.objects.filter(session=OuterRef("session"), author=OuterRef("person"))
            )
        )
        .exclude(session__created_by=F("person"))
    )
    if school is not None:
        rows = rows.filter(session__plg__school=school)
    if person is not None:
        rows = rows.filter(person=person)
    return rows.select_related("person", "session__plg__school")


def health_scans(*, plg, person) -> dict:
    """The PLG's health scans, oldest first, as each may be shown (open: a count only), the
    open one, and whether `person` answered it: two queries."""

    scans = list(plg.health_scans.annotate(answer_count=Count("answers")))
    results = [scan_result(scan, answer_count=scan.answer_count) for scan in scans]
    current = next((r for r in results if r.scan.is_open), None)
    answered = current is not None and (
        HealthScanParticipant.objects.filter(scan=current.scan, person=person).exists()
    )
    shown = [r for r in results if r.shown]
    return {
        "held_this_term": held_in_term(scans, timezone.localdate()),
        "results": results,
        "open": current,
        "answered": answered,
        "latest": shown[-1] if shown else None,
        "trend": shown,
    }


def scans_awaiting_answer(*, school=None, person=None):
    """(scan, person) for every open health scan and each of its PLG's members and leaders
    who has not answered it yet: three queries, for one person or for everyone."""

    scans = HealthScan.objects.filter(closed_at__isnull=True, plg__is_active=True)
    if school is not None:
        scans = scans.filter(plg__school=school)
    if person is not None:
        scans = scans.filter(Q(plg__leaders=person) | Q(plg__members=person)).distinct()
    scans = list(
        scans.select_related("plg__school").prefetch_related("plg__leaders", "plg__members")
    )
    answered = set(
        HealthScanParticipant.objects.filter(scan__in=scans).values_list("scan_id", "person_id")
    )
    for scan in scans:
        people = {p.pk: p for p in [*scan.plg.leaders.all(), *scan.plg.members.all()]}
        for someone in people.values():
            if person is not None and someone.pk != person.pk:
                continue
            if (scan.pk, someone.pk) not in answered:
                yield scan, someone
