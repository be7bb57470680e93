"""Calendar feeds: valid iCalendar with stable UIDs, private by a renewable secret, and no
more than the person may see."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from plg.models import Session
from tlschool.reminders.models import FeedToken
from tlschool.schools import services as school_services
from tlschool.schools.models import Membership

REQUIRED_EVENT_PROPERTIES = ("UID", "DTSTAMP", "DTSTART", "SUMMARY")


def events_of(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    # RFC 5545 3.1: lines end in CRLF and are folded at 75 octets.
    lines = response.content.split(b"\r\n")
    assert lines[-1] == b"" and all(len(line) <= 75 for line in lines)
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-2] == b"END:VCALENDAR"
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    events = calendar.walk("VEVENT")
    for event in events:
        for name in REQUIRED_EVENT_PROPERTIES:
            assert name in event, f"{name} missing in {event}"
        assert event["DTEND"].dt > event["DTSTART"].dt
    return {str(event["UID"]): event for event in events}


def feed_url(token):
    return reverse("reminders:feed", args=[token])


def test_a_persons_feed_has_their_sessions_agreements_and_reviews_with_stable_uids(
    client, agreement_due, plg, teamlid, teacher_leader
):
    agreement = agreement_due(timezone.localdate() + timedelta(days=9))
    Session.objects.filter(plg=plg).update(next_session_on=timezone.localdate() + timedelta(days=7))
    token = FeedToken.renew(teamlid)
    events = events_of(client.get(feed_url(token)))
    summaries = {str(event["SUMMARY"]) for event in events.values()}
    assert f"Afspraak: {agreement.text}" in summaries
    assert f"{plg.name} (gepland)" in summaries
    first = events[f"agreement-{agreement.pk}@tlschool"]

    agreement.text = "Rekenspel in groep 5 en 6"
    agreement.save()
    again = events_of(client.get(feed_url(token)))[f"agreement-{agreement.pk}@tlschool"]
    assert str(again["SUMMARY"]) == "Afspraak: Rekenspel in groep 5 en 6"
    assert int(again["SEQUENCE"]) >= int(first["SEQUENCE"])
    assert again["LAST-MODIFIED"].dt >= first["LAST-MODIFIED"].dt


def test_renewing_stops_the_old_address_at_once(client, teamlid):
    old = FeedToken.renew(teamlid)
    new = FeedToken.renew(teamlid)
    assert client.get(feed_url(old)).status_code == 404
    assert client.get(feed_url(new)).status_code == 200
    assert not FeedToken.objects.filter(token_hash=new).exists(), "stored hashed"


def test_someone_who_left_sees_nothing_of_the_school_any_more(
    client, plg, teamlid, schoolleider, agreement_due
):
    agreement_due(timezone.localdate() + timedelta(days=9))
    token = FeedToken.renew(teamlid)
    plg_url = reverse("reminders:plg_feed", args=[token, plg.pk])
    assert plg.name in {str(e["SUMMARY"]) for e in events_of(client.get(plg_url)).values()}
    school_services.member_remove(membership=Membership.objects.get(user=teamlid), by=schoolleider)
    assert events_of(client.get(feed_url(token))) == {}
    assert client.get(plg_url).status_code == 404


def test_the_feed_keeps_its_number_of_queries(
    client, plg, teamlid, teacher_leader, agreement_due, django_assert_max_num_queries
):
    token = FeedToken.renew(teamlid)
    agreement_due(timezone.localdate() + timedelta(days=3))
    # Made after a change (with the schools' versions, the kept feed looked for and stored).
    with django_assert_max_num_queries(12):
        client.get(feed_url(token))
    for days in range(30):
        agreement_due(timezone.localdate() + timedelta(days=days + 1), text=f"Afspraak {days}")
    with django_assert_max_num_queries(12):
        first = client.get(feed_url(token)).content
    # Asked again with nothing changed: the kept feed, the same to the byte.
    with django_assert_max_num_queries(4):
        assert client.get(feed_url(token)).content == first
    agreement_due(timezone.localdate() + timedelta(days=40), text="Nieuwe afspraak")
    assert b"Nieuwe afspraak" in client.get(feed_url(token)).content
