"""When each reminder goes out: school days, holidays, once and never twice."""

from datetime import date, timedelta

from django.core import mail
from django.urls import reverse

from tlschool.reminders import rules, sending
from tlschool.reminders.models import Delivery, Holiday, Kind, Preference
from tlschool.reminders.school_days import school_days_before
from tlschool.schools import services as school_services
from tlschool.schools.models import Membership

# A week in November 2026: Monday 16 to Sunday 22.
MONDAY = date(2026, 11, 16)
THURSDAY, FRIDAY, SATURDAY = MONDAY + timedelta(3), MONDAY + timedelta(4), MONDAY + timedelta(5)
NEXT_MONDAY = MONDAY + timedelta(7)


def due_today(day, user=None, kind=Kind.AGREEMENT_DUE):
    return [
        item
        for reminder in rules.reminders_for(day)
        if reminder.kind == kind and (user is None or reminder.user == user)
        for item in reminder.items
    ]


def test_two_school_days_skip_the_weekend_and_the_holidays(school):
    assert school_days_before(NEXT_MONDAY, 2, []) == THURSDAY
    autumn = Holiday(school=school, name="Herfst", first_day=THURSDAY, last_day=FRIDAY)
    assert school_days_before(NEXT_MONDAY, 2, [autumn]) == MONDAY + timedelta(1)


def test_an_agreement_due_on_monday_is_announced_on_thursday_once(
    agreement_due, teamlid, plg, settings
):
    agreement_due(NEXT_MONDAY)
    assert due_today(FRIDAY) == []
    assert [item.when for item in due_today(THURSDAY, teamlid)] == [NEXT_MONDAY]
    for reminder in rules.reminders_for(THURSDAY):
        sending.send(reminder)
    for reminder in rules.reminders_for(THURSDAY):  # the same day again: nothing new
        sending.send(reminder)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [teamlid.email]
    assert "Rekenspel uitproberen in groep 5" in message.body
    assert "maandag 23 november" in message.body
    assert settings.SITE_URL + reverse("plg:detail", args=[plg.pk]) in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = message.alternatives[0].content
    assert "<img" not in html and "Rekenspel uitproberen in groep 5" in html


def test_overdue_is_said_once_on_the_next_school_day_not_in_the_weekend(agreement_due, teamlid):
    agreement_due(THURSDAY)
    assert due_today(SATURDAY) == []
    overdue = due_today(NEXT_MONDAY, teamlid)
    assert [item.overdue for item in overdue] == [True]
    for day in (NEXT_MONDAY, NEXT_MONDAY + timedelta(1), NEXT_MONDAY + timedelta(2)):
        for reminder in rules.reminders_for(day):
            sending.send(reminder)
    assert len(mail.outbox) == 1 and "te laat" in mail.outbox[0].body


def test_nothing_is_sent_in_a_holiday(agreement_due, school, teamlid):
    agreement_due(NEXT_MONDAY)
    Holiday.objects.create(school=school, name="Studiedag", first_day=THURSDAY, last_day=THURSDAY)
    assert due_today(THURSDAY) == []
    assert due_today(MONDAY + timedelta(2), teamlid)  # Wednesday: two school days before


def test_switched_off_or_left_the_school_means_no_reminder(agreement_due, teamlid, schoolleider):
    agreement_due(NEXT_MONDAY)
    Preference.objects.create(user=teamlid, kind=Kind.AGREEMENT_DUE, delivery=Delivery.OFF)
    assert due_today(THURSDAY) == []
    Preference.objects.filter(user=teamlid).delete()
    assert due_today(THURSDAY)
    school_services.member_remove(membership=Membership.objects.get(user=teamlid), by=schoolleider)
    assert due_today(THURSDAY) == []


def test_plg_members_hear_the_day_before_with_the_agreements_to_bring(
    plg, teacher_leader, teamlid, agreement_due
):
    from plg.models import Session

    agreement_due(NEXT_MONDAY, text="Toetsanalyse meenemen")
    Session.objects.filter(plg=plg).update(next_session_on=FRIDAY)
    items = due_today(THURSDAY, teamlid, Kind.SESSION_COMING)
    assert [item.text for item in items] == [plg.name]
    assert any("Toetsanalyse meenemen" in detail for detail in items[0].details)
    assert due_today(THURSDAY, teacher_leader, Kind.SESSION_COMING)


def test_the_borging_review_goes_to_owner_and_guardian(school, teacher_leader, teamlid):
    from innovations.models import Innovation
    from tests.factories import make_innovation

    innovation = make_innovation(school, teacher_leader)
    Innovation.objects.filter(pk=innovation.pk).update(
        borging_review_on=NEXT_MONDAY, borging_guardian=teamlid
    )
    people = {
        reminder.user
        for reminder in rules.reminders_for(THURSDAY)
        if reminder.kind == Kind.BORGING_REVIEW
    }
    assert people == {teacher_leader, teamlid}


def test_a_mandate_waiting_for_agreement_is_told_once_to_whoever_has_not_agreed(
    school, teacher_leader, schoolleider
):
    from leaders import services as leader_services
    from tests.factories import make_role

    role = make_role(school, teacher_leader)
    leader_services.mandate_item_add(
        role=role, kind="authority", description="Kiest de rekenspellen", decision="alone"
    )
    people = {r.user for r in rules.reminders_for(THURSDAY) if r.kind == Kind.WAITING}
    assert people == {teacher_leader, schoolleider}
    for reminder in rules.reminders_for(THURSDAY):
        sending.send(reminder)
    sent = len(mail.outbox)
    for reminder in rules.reminders_for(FRIDAY):
        sending.send(reminder)
    assert len(mail.outbox) == sent, "the same version is not told twice"


def test_a_pulse_waits_for_those_who_have_not_answered(school, teacher_leader, teamlid):
    from innovations import services as innovation_services
    from tests.factories import make_innovation

    innovation = make_innovation(school, teacher_leader)
    pulse = innovation_services.pulse_open(innovation=innovation, by=teacher_leader)
    waiting = {r.user for r in rules.reminders_for(THURSDAY) if r.kind == Kind.WAITING}
    assert teamlid in waiting
    innovation_services.pulse_answer(pulse=pulse, person=teamlid, willen=3, kunnen=3, comment="")
    waiting = {r.user for r in rules.reminders_for(THURSDAY) if r.kind == Kind.WAITING}
    assert teamlid not in waiting


def test_a_health_scan_waits_for_the_plgs_own_people_who_have_not_answered(
    school, schoolleider, teacher_leader, teamlid
):
    from plg import services as plg_services
    from plg.health_scan import STATEMENT_KEYS
    from tests.factories import make_plg

    plg = make_plg(school, teacher_leader, members=[teamlid])
    scan = plg_services.scan_open(plg=plg, by=teacher_leader)

    def waiting():
        from django.utils import translation

        with translation.override("nl"):
            return {
                r.user: [item.text for item in r.items]
                for r in rules.reminders_for(THURSDAY)
                if r.kind == Kind.WAITING
            }

    told = waiting()
    assert "De gezondheidsscan van PLG Rekenen wacht op je antwoord (anoniem)." in told[teamlid]
    assert teacher_leader in told and schoolleider not in told  # not the PLG's
    plg_services.scan_answer(scan=scan, person=teamlid, scores=dict.fromkeys(STATEMENT_KEYS, 3))
    assert teamlid not in waiting()
    plg_services.scan_close(scan=scan)
    assert teacher_leader not in waiting()


def test_the_weekly_overview_goes_on_the_first_school_day_with_the_open_signals(
    school, schoolleider, teacher_leader
):
    from tests.factories import make_role

    make_role(school, teacher_leader)  # a role without an agreed mandate: a signal
    weekly = [r for r in rules.reminders_for(MONDAY) if r.kind == Kind.WEEKLY_OVERVIEW]
    assert [r.user for r in weekly] == [schoolleider] and weekly[0].items
    assert not [r for r in rules.reminders_for(THURSDAY) if r.kind == Kind.WEEKLY_OVERVIEW]
    Holiday.objects.create(school=school, name="Tweede paasdag", first_day=MONDAY, last_day=MONDAY)
    assert [
        r.user for r in rules.reminders_for(MONDAY + timedelta(1)) if r.kind == Kind.WEEKLY_OVERVIEW
    ] == [schoolleider]


def test_nothing_to_say_sends_no_weekly_overview(school, schoolleider):
    assert not [r for r in rules.reminders_for(MONDAY) if r.kind == Kind.WEEKLY_OVERVIEW]


def test_weekly_delivery_gathers_the_items_in_one_monday_email(agreement_due, teamlid, client):
    from tlschool.reminders.models import Notice
    from tlschool.reminders.tasks import send_reminders

    Preference.objects.create(user=teamlid, kind=Kind.AGREEMENT_DUE, delivery=Delivery.WEEKLY)
    agreement_due(NEXT_MONDAY + timedelta(1), text="Eerste afspraak")  # told on Friday
    agreement_due(THURSDAY, text="Tweede afspraak")  # overdue on Friday
    for day in (THURSDAY, FRIDAY):
        send_reminders.call(day.isoformat())
    assert mail.outbox == []
    assert Notice.objects.filter(user=teamlid, sent_at__isnull=True).count() == 2
    send_reminders.call(NEXT_MONDAY.isoformat())
    send_reminders.call(NEXT_MONDAY.isoformat())
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Eerste afspraak" in body and "Tweede afspraak" in body and "te laat" in body
    assert mail.outbox[0].subject == "Je week in tlschool"
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    client.post(link.removeprefix(settings_site_url()))
    assert Preference.objects.get(user=teamlid, kind=Kind.AGREEMENT_DUE).delivery == Delivery.OFF


def settings_site_url():
    from django.conf import settings

    return settings.SITE_URL


def test_an_agreement_in_a_draft_session_is_nobodys_yet(plg, teacher_leader, teamlid):
    from plg.models import Agreement, Session, SessionStatus
    from tlschool.reminders import feeds

    draft = Session.objects.create(
        plg=plg, held_on=THURSDAY, created_by=teacher_leader, status=SessionStatus.DRAFT
    )
    Agreement.objects.create(
        plg=plg, session=draft, text="Nog in concept", owner=teamlid, due_on=NEXT_MONDAY
    )
    assert due_today(THURSDAY) == []
    assert b"Nog in concept" not in feeds.personal_feed(teamlid)
