"""Which reminders are due on a day. Plain functions over the data, so each kind's timing is
tested without a clock: agreements two school days before and once when overdue, a PLG
session the day before, a borging review two school days before. Nothing on a day that is no
school day (weekends and the school's holidays), nothing to someone who switched the kind
off, and nothing about a school the person has left."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.urls import reverse
from django.utils.translation import gettext as _

from innovations.models import Innovation
from plg import schedule
from plg.models import PLG
from plg.selectors import open_agreements_of_final_sessions
from tlschool.reminders.models import DEFAULT_DELIVERY, Delivery, Holiday, Kind, Preference
from tlschool.reminders.school_days import is_school_day, school_days_before
from tlschool.schools.models import Membership, Role

DAYS_BEFORE = 2
# An agreement that was already late when reminders started is not announced any more.
OVERDUE_NOTICED_FOR_DAYS = 14


@dataclass
class Item:
    """One thing in a reminder, with the key that makes it be sent once."""

    key: str
    text: str
    when: date
    path: str
    details: list[str] = field(default_factory=list)
    overdue: bool = False


@dataclass
class Reminder:
    user: object
    kind: str
    school: object
    items: list[Item] = field(default_factory=list)
    delivery: str = Delivery.DIRECT


@dataclass
class Teams:
    """Every school's team as it is now, read once per run: who may hear about a school."""

    people: dict
    schoolleiders: dict
    members: set

    @classmethod
    def now(cls) -> "Teams":
        people, schoolleiders, members = defaultdict(list), defaultdict(list), set()
        for membership in Membership.objects.select_related("user"):
            people[membership.school_id].append(membership.user)
            members.add((membership.user_id, membership.school_id))
            if membership.role == Role.SCHOOLLEIDER:
                schoolleiders[membership.school_id].append(membership.user)
        return cls(people, schoolleiders, members)


def reminders_for(today: date, *, language: str | None = None) -> list[Reminder]:
    """Every reminder due today, one per person, kind and school; with `language`, only
    those for the people who read that language."""
    holidays = defaultdict(list)
    for holiday in Holiday.objects.filter(last_day__gte=today - timedelta(days=60)):
        holidays[holiday.school_id].append(holiday)
    teams = Teams.now()
    chosen = {
        (user_id, kind): delivery
        for user_id, kind, delivery in Preference.objects.values_list("user_id", "kind", "delivery")
    }
    found: dict[tuple, Reminder] = {}

    def add(user, kind, school, item):
        if (user.pk, school.pk) not in teams.members or not user.is_active or not user.email:
            return
        if language is not None and user.preferred_language != language:
            return
        delivery = chosen.get((user.pk, kind), DEFAULT_DELIVERY[kind])
        if delivery == Delivery.OFF:
            return
        if not is_school_day(today, holidays[school.pk]):
            return
        reminder = found.setdefault(
            (user.pk, kind, school.pk), Reminder(user, kind, school, delivery=delivery)
        )
        reminder.items.append(item)

    for agreement in (
        open_agreements_of_final_sessions()
        .filter(
            due_on__gte=today - timedelta(days=OVERDUE_NOTICED_FOR_DAYS),
            due_on__lte=today + timedelta(days=30),
            plg__is_active=True,
        )
        .select_related("owner", "plg__school")
    ):
        school = agreement.plg.school
        path = reverse("plg:detail", args=[agreement.plg_id])
        if agreement.due_on < today:
            add(
                agreement.owner,
                Kind.AGREEMENT_DUE,
                school,
                Item(
                    f"agreement:{agreement.pk}:overdue",
                    agreement.text,
                    agreement.due_on,
                    path,
                    overdue=True,
                ),
            )
        elif school_days_before(agreement.due_on, DAYS_BEFORE, holidays[school.pk]) == today:
            add(
                agreement.owner,
                Kind.AGREEMENT_DUE,
                school,
                Item(
                    f"agreement:{agreement.pk}:before:{agreement.due_on}",
                    agreement.text,
                    agreement.due_on,
                    path,
                ),
            )

    tomorrow = today + timedelta(days=1)
    meeting = schedule.meeting_days(PLG.objects.filter(is_active=True), tomorrow, tomorrow)
    coming = list(
        PLG.objects.filter(pk__in=[pk for pk, days in meeting.items() if days])
        .select_related("school")
        .prefetch_related("members", "leaders")
    )
    to_bring = open_agreements_of([plg.pk for plg in coming])
    for plg in coming:
        details = [f"{a.text} ({a.owner})" for a in to_bring[plg.pk]]
        for person in {*plg.members.all(), *plg.leaders.all()}:
            add(
                person,
                Kind.SESSION_COMING,
                plg.school,
                Item(
                    f"session:{plg.pk}:{tomorrow}:{person.pk}",
                    plg.name,
                    tomorrow,
                    reverse("plg:detail", args=[plg.pk]),
                    details,
                ),
            )

    for innovation in Innovation.objects.filter(
        borging_review_on__gt=today, borging_review_on__lte=today + timedelta(days=30)
    ).select_related("school", "owner", "borging_guardian"):
        review_on = innovation.borging_review_on
        if school_days_before(review_on, DAYS_BEFORE, holidays[innovation.school_id]) != today:
            continue
        for person in {innovation.owner, innovation.borging_guardian} - {None}:
            add(
                person,
                Kind.BORGING_REVIEW,
                innovation.school,
                Item(
                    f"borging:{innovation.pk}:{review_on}:{person.pk}",
                    innovation.title,
                    review_on,
                    reverse("innovations:detail", args=[innovation.pk]),
                ),
            )
    for person, school, item in waiting_items(today, teams):
        add(person, Kind.WAITING, school, item)
    for person, school, item in weekly_overview_items(today, holidays, teams):
        add(person, Kind.WEEKLY_OVERVIEW, school, item)
    return list(found.values())


def first_school_day_of_week(today, holidays) -> bool:
    """Monday, or the first school day after a Monday off."""
    monday = today - timedelta(days=today.weekday())
    earlier = (monday + timedelta(days=n) for n in range(today.weekday()))
    return is_school_day(today, holidays) and not any(
        is_school_day(day, holidays) for day in earlier
    )


def waiting_items(today, teams):
    """What waits for someone's own step (the same rules as the home page's "Wacht op
    jou"): each is told once."""
    from innovations.models import Pulse, PulseParticipant
    from leaders import selectors as leader_selectors
    from plg import selectors as plg_selectors
    from tlschool.schools.schooljaar import Schooljaar

    for mandate in leader_selectors.mandates_awaiting_agreement(year=Schooljaar.containing(today)):
        role = mandate.role
        item_text = mandate_text(mandate)
        path = reverse("leaders:role", args=[role.pk])
        waiting_for = []
        if leader_selectors.mandate_waits_for_leader(mandate):
            waiting_for.append(role.person)
        if leader_selectors.mandate_waits_for_school(mandate):
            waiting_for += teams.schoolleiders[role.school_id]
        for person in waiting_for:
            yield (
                person,
                role.school,
                Item(f"mandate:{mandate.pk}:{person.pk}", item_text, today, path),
            )

    open_pulses = list(
        Pulse.objects.filter(closed_at__isnull=True).select_related("innovation__school")
    )
    answered = set(
        PulseParticipant.objects.filter(pulse__in=open_pulses).values_list("pulse_id", "person_id")
    )
    for pulse in open_pulses:
        text, path = pulse_text(pulse), reverse("innovations:pulse_answer", args=[pulse.pk])
        for person in teams.people[pulse.innovation.school_id]:
            if (pulse.pk, person.pk) not in answered:
                yield (
                    person,
                    pulse.innovation.school,
                    Item(f"pulse:{pulse.pk}:{person.pk}", text, today, path),
                )

    for scan, person in plg_selectors.scans_awaiting_answer():
        yield (
            person,
            scan.plg.school,
            Item(
                f"scan:{scan.pk}:{person.pk}",
                scan_text(scan),
                today,
                reverse("plg:scan_answer", args=[scan.pk]),
            ),
        )

    for row in plg_selectors.awaiting_reflection(today=today - timedelta(days=1)):
        session = row.session
        yield (
            row.person,
            session.plg.school,
            Item(
                f"reflection:{session.pk}:{row.person_id}",
                reflection_text(session),
                session.held_on,
                reverse("plg:session", args=[session.pk]),
            ),
        )


def mandate_text(mandate) -> str:
    return _("The mandate of %(title)s (version %(version)s) waits for your agreement.") % {
        "title": mandate.role.title,
        "version": mandate.version,
    }


def pulse_text(pulse) -> str:
    return _("A readiness pulse on %(title)s waits for your answer (anonymous).") % {
        "title": pulse.innovation.title
    }


def scan_text(scan) -> str:
    return _("The health scan of %(plg)s waits for your answer (anonymous).") % {
        "plg": scan.plg.name
    }


def reflection_text(session) -> str:
    return _("What did the session of %(plg)s bring you? A short reflection helps the PLG.") % {
        "plg": session.plg.name
    }


def weekly_overview_items(today, holidays, teams):
    """The dashboard's open signals of each school, for its schoolleiders, once a week; a
    school without signals sends nothing."""
    from tlschool.overview.health import school_health
    from tlschool.schools.models import School
    from tlschool.schools.schooljaar import Schooljaar

    week = today.isocalendar()
    schools = [
        school
        for school in School.objects.all()
        if first_school_day_of_week(today, holidays[school.pk])
    ]
    if not schools:
        return
    healths = school_health(schools=schools, year=Schooljaar.containing(today))
    for health in healths:
        for person in teams.schoolleiders[health.school.pk]:
            for point in health.signals:
                yield (
                    person,
                    health.school,
                    Item(
                        f"weekly:{week.year}-{week.week}:{person.pk}:{point.key}",
                        str(point.message),
                        today,
                        point.url,
                    ),
                )


def open_agreements_of(plg_ids):
    by_plg = defaultdict(list)
    open_agreements = open_agreements_of_final_sessions().filter(plg_id__in=plg_ids)
    for agreement in open_agreements.select_related("owner"):
        by_plg[agreement.plg_id].append(agreement)
    return by_plg
