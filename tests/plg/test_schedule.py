"""A PLG's meeting plan: a rhythm that gives dates, single dates added or cancelled, used by
the session form, the reminders and the calendar feeds."""

from datetime import date, time, timedelta

from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from plg import schedule
from plg.models import MeetingChange, MeetingPlan
from tests.factories import make_plg

TUESDAY = date(2026, 11, 3)


def test_every_other_tuesday_until_the_last_date_with_changes(school, teacher_leader):
    plg = make_plg(school, teacher_leader)
    plan = MeetingPlan(plg=plg, first_on=TUESDAY, every_weeks=2, until=date(2026, 12, 31))
    changes = [
        MeetingChange(plg=plg, on=date(2026, 12, 1), cancelled=True),
        MeetingChange(plg=plg, on=date(2026, 12, 10), cancelled=False),
    ]
    assert schedule.planned_dates(plan, changes, date(2026, 11, 10), date(2027, 2, 1)) == [
        date(2026, 11, 17),
        date(2026, 12, 10),
        date(2026, 12, 15),
        date(2026, 12, 29),
    ]


def test_the_leader_plans_the_rhythm_and_cancels_a_date(client, school, teacher_leader):
    plg = make_plg(school, teacher_leader)
    client.force_login(teacher_leader)
    first = timezone.localdate() + timedelta(days=1)
    response = client.post(
        reverse("plg:schedule", args=[plg.pk]),
        {
            "first_on": first.isoformat(),
            "every_weeks": "2",
            "starts_at": "14:30",
            "duration_minutes": "60",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("plg:schedule", args=[plg.pk]))
    assert page.context["upcoming"][:2] == [first, first + timedelta(weeks=2)]
    client.post(
        reverse("plg:schedule_change", args=[plg.pk]),
        {"on": first.isoformat(), "action": "cancel"},
    )
    page = client.get(reverse("plg:schedule", args=[plg.pk]))
    assert page.context["upcoming"][0] == first + timedelta(weeks=2)
    assert page.context["cancelled"] == [first]
    bad = client.post(
        reverse("plg:schedule", args=[plg.pk]),
        {
            "first_on": first.isoformat(),
            "every_weeks": "0",
            "starts_at": "14:30",
            "duration_minutes": "60",
        },
    )
    assert bad.status_code == 422 and bad.context["form"].errors["every_weeks"]


def test_the_session_form_starts_with_the_planned_date_time_and_next_date(
    client, school, teacher_leader
):
    plg = make_plg(school, teacher_leader)
    today = timezone.localdate()
    MeetingPlan.objects.create(
        plg=plg, first_on=today - timedelta(days=2), every_weeks=1, starts_at=time(15, 0)
    )
    client.force_login(teacher_leader)
    form = client.get(reverse("plg:session_new", args=[plg.pk])).context["form"]
    assert form.initial["held_on"] == today - timedelta(days=2)
    assert form.initial["starts_at"] == time(15, 0)
    assert form.initial["next_session_on"] == today + timedelta(days=5)


def test_reminders_and_feeds_follow_the_plan(school, teacher_leader, teamlid, client):
    from tlschool.reminders import rules
    from tlschool.reminders.models import FeedToken, Kind

    plg = make_plg(school, teacher_leader, members=[teamlid])
    tomorrow = timezone.localdate() + timedelta(days=1)
    while tomorrow.weekday() > 4 or (tomorrow - timedelta(days=1)).weekday() > 4:
        tomorrow += timedelta(days=1)
    MeetingPlan.objects.create(plg=plg, first_on=tomorrow, every_weeks=2, starts_at=time(14, 30))
    today = tomorrow - timedelta(days=1)
    coming = {r.user for r in rules.reminders_for(today) if r.kind == Kind.SESSION_COMING}
    assert coming == {teacher_leader, teamlid}

    token = FeedToken.renew(teamlid)
    calendar = Calendar.from_ical(client.get(reverse("reminders:feed", args=[token])).content)
    planned = [e for e in calendar.walk("VEVENT") if "gepland" in str(e["SUMMARY"])]
    start = planned[0]["DTSTART"]
    assert start.dt.hour == 14 and start.dt.minute == 30
    assert start.params["TZID"] == "Europe/Amsterdam"

    MeetingChange.objects.create(plg=plg, on=tomorrow, cancelled=True)
    coming = {r.user for r in rules.reminders_for(today) if r.kind == Kind.SESSION_COMING}
    assert coming == set()
