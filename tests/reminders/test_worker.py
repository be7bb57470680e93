"""The real worker process sends reminders through a real SMTP server, once, also with two
workers at the same moment; the unsubscribe link in the mail works without signing in."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.processes import app_env, finish, start_worker
from tlschool.reminders.models import Delivery, Heartbeat, Kind, Notice, Preference
from tlschool.reminders.school_days import school_days_before
from tlschool.reminders.tasks import heartbeat, send_reminders

pytestmark = pytest.mark.django_db(transaction=True)


def a_school_day_with_an_agreement_due(agreement_due):
    """A day two school days before an agreement's due date (weekends skipped)."""
    from datetime import timedelta

    due_on = timezone.localdate() + timedelta(days=14)
    agreement_due(due_on)
    return school_days_before(due_on, 2, [])


def test_two_workers_at_once_send_each_reminder_once_through_smtp(
    agreement_due, teamlid, smtp_server, client
):
    controller, inbox = smtp_server
    day = a_school_day_with_an_agreement_due(agreement_due)
    for _twice in range(2):
        send_reminders.enqueue(day.isoformat())
    heartbeat.enqueue()
    env = app_env(
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(controller.port),
        EMAIL_USE_TLS="false",
        SITE_URL="http://tlschool.test",
    )
    workers = [start_worker(env), start_worker(env)]
    for worker in workers:
        finish(worker)

    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    assert message["To"] == teamlid.email
    assert message["Subject"] == "Je afspraken: bijna zover of te laat"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "Rekenspel uitproberen in groep 5" in text and "Hallo" in text
    assert Notice.objects.filter(user=teamlid).count() == 1
    assert Heartbeat.objects.filter(name="worker").exists()
    assert client.get(reverse("healthz")).json()["worker"]["state"] == "ok"

    # One click from the mail program (RFC 8058), not signed in.
    link = re.search(r"<(http://tlschool\.test[^>]+)>", message["List-Unsubscribe"])[1]
    path = link.removeprefix("http://tlschool.test")
    page = client.get(path)
    assert page.status_code == 200 and teamlid.email not in page.content.decode()
    assert client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert Preference.objects.get(user=teamlid, kind=Kind.AGREEMENT_DUE).delivery == Delivery.OFF
    assert client.get(path.replace("/unsubscribe/", "/unsubscribe/x")).status_code == 404
