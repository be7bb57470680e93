"""Calendar feeds (iCalendar, RFC 5545) of what a person may see: their PLGs' sessions, held
and planned, their open agreements' due dates and the borging reviews they look after. Only
schools the person is still a member of; edits arrive through SEQUENCE and LAST-MODIFIED."""

from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone

from innovations.models import Innovation
from plg import schedule
from plg.models import PLG, Session, SessionStatus
from plg.selectors import open_agreements_of_final_sessions
from tlschool.reminders.sending import absolute

HELD_SESSIONS_SHOWN_FOR_DAYS = 365
PLANNED_SHOWN_FOR_DAYS = 183
UID_DOMAIN = "tlschool"


def _stamp(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(microsecond=0)


def _event(
    uid: str,
    day: date,
    summary: str,
    path: str,
    changed_at: datetime,
    description="",
    starts: datetime | None = None,
    minutes: int = 60,
):
    """An all-day event, or one at `starts` (Europe/Amsterdam, with its VTIMEZONE)."""
    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", _stamp(timezone.now()))
    if starts is None:
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
    else:
        local = timezone.localtime(starts)
        event.add("dtstart", local)
        event.add("dtend", local + timedelta(minutes=minutes))
    event.add("summary", summary)
    event.add("url", absolute(path))
    event.add("last-modified", _stamp(changed_at))
    # Seconds since 2024 rise with every edit: calendars take the newer version.
    event.add("sequence", max(0, int(changed_at.timestamp()) - 1_704_067_200))
    event.add("transp", "TRANSPARENT")
    if description:
        event.add("description", description)
    return event


def _calendar(name: str, events) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//tlschool//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    today = timezone.localdate()
    calendar.add_component(
        Timezone.from_tzid(
            settings.TIME_ZONE,
            first_date=today - timedelta(days=HELD_SESSIONS_SHOWN_FOR_DAYS),
            last_date=today + timedelta(days=2 * 365),
        )
    )
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()


def visible_plgs(user):
    return PLG.objects.filter(
        Q(members=user) | Q(leaders=user), school__memberships__user=user
    ).distinct()


def _session_events(plgs):
    today = timezone.localdate()
    since = today - timedelta(days=HELD_SESSIONS_SHOWN_FOR_DAYS)
    plg_ids = [plg.pk for plg in plgs]
    for session in Session.objects.filter(
        plg_id__in=plg_ids, status=SessionStatus.FINAL, held_on__gte=since
    ).select_related("plg"):
        yield _event(
            f"plg-session-{session.pk}",
            session.held_on,
            session.plg.name,
            reverse("plg:session", args=[session.pk]),
            session.updated_at,
        )
    plans = schedule.plans_for(plg_ids)
    days = schedule.meeting_days(
        PLG.objects.filter(pk__in=plg_ids, is_active=True),
        today,
        today + timedelta(days=PLANNED_SHOWN_FOR_DAYS),
        plans=plans,
    )
    for plg in plgs:
        plan, _changes = plans[plg.pk]
        for day in days.get(plg.pk, []):
            yield _event(
                f"plg-planned-{plg.pk}-{day:%Y%m%d}",
                day,
                _("%(name)s (planned)") % {"name": plg.name},
                reverse("plg:detail", args=[plg.pk]),
                plan.updated_at if plan else plg.updated_at,
                starts=schedule.meeting_start(plan, day),
                minutes=plan.duration_minutes if plan else 60,
            )


def personal_feed(user) -> bytes:
    with translation.override(settings.LANGUAGE_CODE):
        plgs = list(visible_plgs(user))
        events = list(_session_events(plgs))
        for agreement in (
            open_agreements_of_final_sessions()
            .filter(owner=user, plg__school__memberships__user=user)
            .select_related("plg")
        ):
            events.append(
                _event(
                    f"agreement-{agreement.pk}",
                    agreement.due_on,
                    _("Agreement due: %(text)s") % {"text": agreement.text},
                    reverse("plg:detail", args=[agreement.plg_id]),
                    agreement.updated_at,
                    description=agreement.plg.name,
                )
            )
        for innovation in Innovation.objects.filter(
            Q(owner=user) | Q(borging_guardian=user),
            borging_review_on__isnull=False,
            school__memberships__user=user,
        ).distinct():
            events.append(
                _event(
                    f"borging-review-{innovation.pk}",
                    innovation.borging_review_on,
                    _("Borging review: %(title)s") % {"title": innovation.title},
                    reverse("innovations:detail", args=[innovation.pk]),
                    innovation.updated_at,
                )
            )
        return _calendar(_("tlschool: %(name)s") % {"name": user}, events)


def plg_feed(user, plg_id) -> bytes | None:
    """The sessions of one PLG, for its members and leaders only; None for anyone else."""
    plg = visible_plgs(user).filter(pk=plg_id).first()
    if plg is None:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        return _calendar(plg.name, list(_session_events([plg])))
