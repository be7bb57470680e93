from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from plg.models import Agreement, Attendance, Reflection, Session, SessionStatus
from tests.conftest import visible_text
from tests.factories import make_plg, member
from tlschool.schools.models import Role


@pytest.fixture
def colleague(school):
    return member(school, Role.TEAMLID, "collega", "Lotte Visser")


@pytest.fixture
def plg(school, teacher_leader, teamlid, colleague):
    return make_plg(school, teacher_leader, members=[teamlid, colleague])


def session_data(plg, people, **overrides):
    today = timezone.localdate()
    data = {
        "held_on": today.isoformat(),
        "starts_at": "14:30",
        "duration_minutes": "60",
        "within_school_time": "on",
        "work_kind": "experiment",
        "tried": "Drieslagmodel in groep 5",
        "learned": "Kinderen leggen hun aanpak beter uit",
        "guests": "",
        "private_notes": "",
        "next_session_on": (today + timedelta(days=14)).isoformat(),
        "present": [str(person.pk) for person in people],
        "agreements-TOTAL_FORMS": "3",
        "agreements-INITIAL_FORMS": "0",
        "agreements-MIN_NUM_FORMS": "0",
        "agreements-MAX_NUM_FORMS": "20",
    }
    for index in range(3):
        data.update(
            {
                f"agreements-{index}-text": "",
                f"agreements-{index}-owner": "",
                f"agreements-{index}-due_on": "",
            }
        )
    data.update(overrides)
    return data


def with_agreement(data, index, text, owner, days):
    due = (timezone.localdate() + timedelta(days=days)).isoformat()
    data[f"agreements-{index}-text"] = text
    data[f"agreements-{index}-owner"] = str(owner.pk)
    data[f"agreements-{index}-due_on"] = due
    return data


def test_a_session_with_two_agreements_is_logged_in_one_submit(
    login, plg, teacher_leader, teamlid, colleague
):
    data = session_data(plg, [teacher_leader, teamlid])  # colleague was absent
    with_agreement(data, 0, "Lesbezoek plannen", teamlid, 7)
    with_agreement(data, 1, "Kijkwijzer delen", colleague, 10)
    response = login(teacher_leader).post(
        reverse("plg:session_new", args=[plg.pk]), data, follow=True
    )
    assert "De bijeenkomst is opgeslagen" in response.text
    session = Session.objects.get(plg=plg)
    assert session.status == SessionStatus.FINAL
    assert {a.text for a in session.agreements.all()} == {"Lesbezoek plannen", "Kijkwijzer delen"}
    absent = Attendance.objects.get(session=session, person=colleague)
    assert absent.present is False
    assert Attendance.objects.filter(session=session, present=True).count() == 2


def test_open_agreements_come_back_on_the_next_form_to_tick_off(
    login, plg, teacher_leader, teamlid, colleague
):
    client = login(teacher_leader)
    data = with_agreement(session_data(plg, [teacher_leader]), 0, "Lesbezoek plannen", teamlid, 7)
    with_agreement(data, 1, "Kijkwijzer delen", colleague, 10)
    client.post(reverse("plg:session_new", args=[plg.pk]), data)
    form = client.get(reverse("plg:session_new", args=[plg.pk]))
    assert "Lesbezoek plannen" in form.text and "Kijkwijzer delen" in form.text

    done = Agreement.objects.get(text="Lesbezoek plannen")
    following = session_data(
        plg, [teacher_leader], held_on=timezone.localdate().isoformat(), done_agreements=[done.pk]
    )
    client.post(reverse("plg:session_new", args=[plg.pk]), following)
    done.refresh_from_db()
    assert done.done_on == timezone.localdate()
    assert Agreement.objects.get(text="Kijkwijzer delen").done_on is None  # carried on


def test_a_failed_submit_keeps_everything_typed(login, plg, teacher_leader, teamlid):
    data = session_data(plg, [teacher_leader], duration_minutes="0")
    data["tried"] = "Een heel bijzondere les"
    data["agreements-0-text"] = "Afspraak zonder eigenaar"
    response = login(teacher_leader).post(reverse("plg:session_new", args=[plg.pk]), data)
    assert response.status_code == 422
    assert "tussen 1 minuut en 8 uur" in response.text
    assert "Wie pakt dit op?" in response.text
    assert "Een heel bijzondere les" in response.text
    assert "Afspraak zonder eigenaar" in response.text
    assert not Session.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("held_on", 10, "meer dan een week vooruit"),
        ("duration_minutes", "481", "tussen 1 minuut en 8 uur"),
    ],
)
def test_bad_session_input_gets_a_clear_message(login, plg, teacher_leader, field, value, message):
    if field == "held_on":
        value = (timezone.localdate() + timedelta(days=value)).isoformat()
    data = session_data(plg, [teacher_leader], **{field: value})
    response = login(teacher_leader).post(reverse("plg:session_new", args=[plg.pk]), data)
    assert response.status_code == 422
    assert message in response.text


def test_an_owner_from_another_school_is_refused(login, plg, teacher_leader, other_school_leader):
    data = with_agreement(
        session_data(plg, [teacher_leader]), 0, "Overname", other_school_leader, 3
    )
    response = login(teacher_leader).post(reverse("plg:session_new", args=[plg.pk]), data)
    assert response.status_code == 422
    assert not Agreement.objects.exists()


def test_save_draft_keeps_a_half_filled_session_to_finish_later(login, plg, teacher_leader):
    client = login(teacher_leader)
    data = session_data(plg, [teacher_leader], duration_minutes="", learned="", action="draft")
    response = client.post(reverse("plg:session_new", args=[plg.pk]), data, follow=True)
    assert "Het concept is bewaard" in response.text
    draft = Session.objects.get(plg=plg)
    assert draft.is_draft and draft.tried == "Drieslagmodel in groep 5"
    finish = session_data(plg, [teacher_leader], session_id=draft.pk, revision=draft.revision)
    client.post(reverse("plg:session_edit", args=[plg.pk, draft.pk]), finish)
    draft.refresh_from_db()
    assert draft.status == SessionStatus.FINAL and draft.duration_minutes == 60
    assert Session.objects.count() == 1


def test_autosave_makes_one_draft_and_keeps_updating_it(login, plg, teacher_leader):
    client = login(teacher_leader)
    url = reverse("plg:session_autosave", args=[plg.pk])
    data = session_data(plg, [teacher_leader], tried="Eerste zin")
    first = client.post(url, data, headers={"HX-Request": "true"})
    assert "Concept bewaard om" in first.text
    draft = Session.objects.get()
    assert f'name="session_id" id="session-id" value="{draft.pk}"' in first.text
    data.update(tried="Eerste zin, en meer", session_id=draft.pk, revision=draft.revision)
    client.post(url, data, headers={"HX-Request": "true"})
    draft.refresh_from_db()
    assert Session.objects.count() == 1 and draft.tried == "Eerste zin, en meer"


def test_a_second_save_from_a_stale_form_is_refused_not_overwritten(login, plg, teacher_leader):
    client = login(teacher_leader)
    client.post(reverse("plg:session_new", args=[plg.pk]), session_data(plg, [teacher_leader]))
    session = Session.objects.get()
    opened_at = session.revision
    mine = session_data(plg, [teacher_leader], learned="Mijn versie", revision=opened_at)
    theirs = session_data(plg, [teacher_leader], learned="Andere versie", revision=opened_at)
    url = reverse("plg:session_edit", args=[plg.pk, session.pk])
    client.post(url, theirs)
    response = client.post(url, mine)
    assert response.status_code == 422
    assert "Iemand anders heeft deze bijeenkomst" in response.text
    assert "Mijn versie" in response.text  # what I typed is still there
    session.refresh_from_db()
    assert session.learned == "Andere versie"


def test_team_member_reads_learnings_but_not_private_notes(
    login, plg, teacher_leader, school, teamlid
):
    outsider = member(school, Role.TEAMLID, "buitenstaander", "Daan Smit")
    data = session_data(plg, [teacher_leader], private_notes="Twee collega's twijfelen")
    login(teacher_leader).post(reverse("plg:session_new", args=[plg.pk]), data)
    session = Session.objects.get()
    text = visible_text(login(outsider).get(reverse("plg:session", args=[session.pk])))
    assert "Kinderen leggen hun aanpak beter uit" in text
    assert "twijfelen" not in text
    assert "twijfelen" in login(teamlid).get(reverse("plg:session", args=[session.pk])).text


def test_only_attendees_add_a_reflection(login, plg, teacher_leader, teamlid, colleague):
    login(teacher_leader).post(
        reverse("plg:session_new", args=[plg.pk]), session_data(plg, [teacher_leader, teamlid])
    )
    session = Session.objects.get()
    url = reverse("plg:reflection_add", args=[session.pk])
    assert login(colleague).post(url, {"text": "Ik was er niet"}).status_code == 403
    response = login(teamlid).post(url, {"text": "Mooi om te zien"}, follow=True)
    assert "Mooi om te zien" in response.text
    assert Reflection.objects.count() == 1


def test_team_members_cannot_log_sessions(login, plg, teamlid):
    assert login(teamlid).get(reverse("plg:session_new", args=[plg.pk])).status_code == 403


def test_overdue_agreements_are_marked(login, plg, teacher_leader, teamlid):
    data = with_agreement(session_data(plg, [teacher_leader]), 0, "Te laat klaar", teamlid, -3)
    login(teacher_leader).post(reverse("plg:session_new", args=[plg.pk]), data)
    text = visible_text(login(teamlid).get(reverse("plg:agreements"), {"person": "me"}))
    assert "Te laat klaar" in text and "te laat" in text


def test_session_list_and_log_form_keep_a_fixed_number_of_queries(
    login, plg, teacher_leader, teamlid, django_assert_max_num_queries
):
    client = login(teacher_leader)
    for days in range(21):
        held = timezone.localdate() - timedelta(days=days)
        data = with_agreement(
            session_data(
                plg, [teacher_leader, teamlid], held_on=held.isoformat(), next_session_on=""
            ),
            0,
            f"Afspraak {days}",
            teamlid,
            5,
        )
        client.post(reverse("plg:session_new", args=[plg.pk]), data)
    assert Session.objects.count() == 21
    with django_assert_max_num_queries(16):
        detail = client.get(reverse("plg:detail", args=[plg.pk]))
    with django_assert_max_num_queries(16):
        form = client.get(reverse("plg:session_new", args=[plg.pk]))
    assert "Afspraak 19" in form.text
    assert detail.text.count('href="/plg/sessions/') == 20
    older = client.get(reverse("plg:detail", args=[plg.pk]), {"page": 2})
    assert "Pagina 1 van 2" in detail.text and "Pagina 2 van 2" in older.text


def test_a_session_logged_by_mistake_is_removed_and_what_it_ticked_off_opens_again(
    login, plg, teacher_leader, teamlid, colleague
):
    client = login(teacher_leader)
    first = with_agreement(session_data(plg, [teacher_leader]), 0, "Lesbezoek plannen", teamlid, 7)
    client.post(reverse("plg:session_new", args=[plg.pk]), first)
    carried = Agreement.objects.get(text="Lesbezoek plannen")
    mistake = with_agreement(
        session_data(plg, [teacher_leader], done_agreements=[carried.pk]),
        0,
        "Dubbel ingevoerd",
        colleague,
        5,
    )
    client.post(reverse("plg:session_new", args=[plg.pk]), mistake)
    wrong = Session.objects.get(agreements__text="Dubbel ingevoerd")
    url = reverse("plg:session_remove", args=[wrong.pk])

    question = visible_text(client.get(url))
    assert "1 afspraak die erin is gemaakt" in question
    assert "staan daarna weer open: Lesbezoek plannen" in question
    response = client.post(url, follow=True)
    assert "De bijeenkomst is verwijderd." in response.text
    assert not Session.objects.filter(pk=wrong.pk).exists()
    assert not Agreement.objects.filter(text="Dubbel ingevoerd").exists()
    carried.refresh_from_db()
    assert (carried.done_on, carried.closed_in) == (None, None)
    assert Session.objects.filter(plg=plg).count() == 1


def test_a_draft_nobody_will_finish_is_discarded_from_the_form(login, plg, teacher_leader):
    client = login(teacher_leader)
    client.post(reverse("plg:session_new", args=[plg.pk]), session_data(plg, [], action="draft"))
    draft = Session.objects.get(plg=plg, status=SessionStatus.DRAFT)
    form = client.get(reverse("plg:session_new", args=[plg.pk])).text
    assert reverse("plg:session_remove", args=[draft.pk]) in form
    assert "Het concept van" in visible_text(
        client.get(reverse("plg:session_remove", args=[draft.pk]))
    )
    client.post(reverse("plg:session_remove", args=[draft.pk]))
    assert not Session.objects.filter(plg=plg).exists()
    fresh = client.get(reverse("plg:session_new", args=[plg.pk]))
    assert fresh.context["session"] is None and "is terug" not in fresh.text


def test_team_members_cannot_remove_sessions(login, plg, teacher_leader, teamlid):
    login(teacher_leader).post(
        reverse("plg:session_new", args=[plg.pk]), session_data(plg, [teacher_leader])
    )
    session = Session.objects.get(plg=plg)
    assert login(teamlid).post(reverse("plg:session_remove", args=[session.pk])).status_code == 403
    assert Session.objects.filter(pk=session.pk).exists()


def test_plg_list_counts_sessions_and_open_agreements_once_each(
    login, plg, teacher_leader, teamlid, colleague
):
    from django.utils.formats import date_format

    from tests.factories import log_session

    today = timezone.localdate()
    log_session(plg, teacher_leader, held_on=today - timedelta(days=42))
    log_session(
        plg,
        teacher_leader,
        held_on=today - timedelta(days=28),
        next_session_on=today - timedelta(days=14),  # passed: never shown as "next"
        agreements=[("Lesbezoek", teamlid, 7), ("Kijkwijzer", colleague, 7)],
    )
    Agreement.objects.filter(text="Kijkwijzer").update(done_on=today - timedelta(days=20))
    last = today - timedelta(days=14)
    log_session(
        plg,
        teacher_leader,
        held_on=last,
        next_session_on=today + timedelta(days=6),
        agreements=[("Map", teamlid, 3)],
    )
    Session.objects.create(plg=plg, held_on=today - timedelta(days=2))  # a draft does not count
    text = visible_text(login(teamlid).get(reverse("plg:list")))
    next_day = date_format(today + timedelta(days=6), "j F")
    assert f"3 bijeenkomsten, laatst op {date_format(last, 'j F')} · volgende {next_day}" in text
    assert "2 open afspraken" in text


def test_the_next_meeting_comes_from_the_plan_and_is_never_in_the_past(
    login, plg, teacher_leader, teamlid
):
    from django.utils.formats import date_format

    from plg.models import MeetingChange, MeetingPlan
    from tests.factories import log_session

    today = timezone.localdate()
    log_session(
        plg,
        teacher_leader,
        held_on=today - timedelta(days=60),
        next_session_on=today - timedelta(days=46),
    )
    client = login(teamlid)
    assert "volgende" not in visible_text(client.get(reverse("plg:list")))
    assert "volgende" not in visible_text(client.get(reverse("home")))
    plan = MeetingPlan.objects.create(plg=plg, first_on=today - timedelta(days=12), every_weeks=2)
    expected = plan.first_on + timedelta(weeks=2)
    MeetingChange.objects.create(plg=plg, on=expected, cancelled=True)  # that one is off
    expected += timedelta(weeks=2)
    assert f"volgende {date_format(expected, 'j F')}" in visible_text(
        client.get(reverse("plg:list"))
    )
    assert f"volgende {date_format(expected, 'l j F')}" in visible_text(client.get(reverse("home")))


def test_the_remove_page_keeps_a_fixed_number_of_queries(
    login, plg, teacher_leader, teamlid, colleague, django_assert_max_num_queries
):
    from tests.factories import log_session

    first = log_session(
        plg, teacher_leader, agreements=[(f"Afspraak {n}", teamlid, 5) for n in range(8)]
    )
    second = log_session(plg, teacher_leader, present=[teamlid, colleague])
    Agreement.objects.filter(session=first).update(done_on=timezone.localdate(), closed_in=second)
    for person in (teamlid, colleague):
        Reflection.objects.create(session=second, author=person, text="Goed gesprek")
    client = login(teacher_leader)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("plg:session_remove", args=[second.pk]))
    text = visible_text(response)
    assert "2 reflecties van collega's" in text and "Afspraak 7" in text


@pytest.mark.django_db(transaction=True)
def test_five_submits_of_one_form_at_once_make_one_session(
    client_for, plg, teacher_leader, teamlid
):
    """Five requests of the same opened form, released together on their own connections:
    one session, with one set of agreements."""
    import threading

    from django.db import connection

    form = client_for(teacher_leader).get(reverse("plg:session_new", args=[plg.pk]))
    data = with_agreement(session_data(plg, [teacher_leader]), 0, "Kijkwijzer", teamlid, 7)
    data["form_key"] = form.context["form_key"]
    clients = [client_for(teacher_leader) for _ in range(5)]
    start = threading.Barrier(len(clients))
    statuses = []

    def submit(client):
        try:
            start.wait()
            statuses.append(
                client.post(reverse("plg:session_new", args=[plg.pk]), data).status_code
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert statuses == [302] * 5
    assert Session.objects.filter(plg=plg).count() == 1
    assert Agreement.objects.filter(plg=plg).count() == 1


def test_an_autosave_after_the_final_save_leaves_no_draft(login, plg, teacher_leader):
    client = login(teacher_leader)
    form = client.get(reverse("plg:session_new", args=[plg.pk]))
    data = session_data(plg, [teacher_leader], form_key=str(form.context["form_key"]))
    client.post(reverse("plg:session_new", args=[plg.pk]), data)
    late = client.post(reverse("plg:session_autosave", args=[plg.pk]), {**data, "tried": "ouder"})
    assert late.status_code == 200
    assert list(Session.objects.values_list("status", "tried")) == [
        (SessionStatus.FINAL, "Drieslagmodel in groep 5")
    ]
