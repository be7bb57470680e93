"""Session protocols and DuFour's four questions: the form's words, the PLG's year, the
dashboard's question."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from plg.models import Protocol, Session
from tests.conftest import visible_text
from tests.factories import log_session, make_plg
from tests.plg.test_sessions import session_data, with_agreement
from tlschool.schools.schooljaar import Schooljaar


@pytest.fixture
def plg(school, teacher_leader, teamlid):
    return make_plg(school, teacher_leader, members=[teamlid])


def test_a_bordsessie_is_stored_in_the_sessions_own_fields_and_read_in_its_words(
    login, plg, teacher_leader, teamlid
):
    client = login(teacher_leader)
    data = session_data(
        plg,
        [teacher_leader, teamlid],
        protocol="bordsessie",
        duration_minutes="15",
        focus="Elke les een leesdoel op het bord",
        tried="Leesdoel in groep 4 en 5 gedaan",
        learned="Groep 6 nog niet",
        q_learn="on",
        q_know="on",
    )
    with_agreement(data, 0, "Leesdoel in groep 6", teamlid, 7)
    response = client.post(reverse("plg:session_new", args=[plg.pk]), data, follow=True)
    session = Session.objects.get(plg=plg)
    assert session.protocol == Protocol.BORDSESSIE
    assert (session.q_learn, session.q_know, session.q_not_learned) == (True, True, False)
    text = visible_text(response)
    assert "bordsessie" in text
    assert "Doel van het bord Elke les een leesdoel op het bord" in text
    assert "Acties van vorige week: wat is gedaan Leesdoel in groep 4 en 5 gedaan" in text
    assert "Acties voor deze week Leesdoel in groep 6" in text
    assert (
        "Gewerkt aan: Wat moeten leerlingen leren? · Hoe weten we dat ze het geleerd hebben?"
        in text
    )

    form = client.get(reverse("plg:session_edit", args=[plg.pk, session.pk]))
    assert 'class="form-label">Acties van vorige week: wat is gedaan<' in form.text
    assert 'data-protocol-part="agreements">Acties voor deze week<' in form.text


def test_a_form_without_a_protocol_is_a_free_session(login, plg, teacher_leader, teamlid):
    data = session_data(plg, [teacher_leader])
    login(teacher_leader).post(reverse("plg:session_new", args=[plg.pk]), data)
    assert Session.objects.get(plg=plg).protocol == Protocol.OTHER


def test_an_unknown_protocol_is_refused_in_the_form(login, plg, teacher_leader):
    data = session_data(plg, [teacher_leader], protocol="vergadering")
    response = login(teacher_leader).post(reverse("plg:session_new", args=[plg.pk]), data)
    assert response.status_code == 422
    assert "Selecteer een geldige keuze" in visible_text(response)
    assert not Session.objects.filter(plg=plg, status="final").exists()


def _year_days(count):
    """`count` days in this schooljaar up to today, a week apart."""
    today = timezone.localdate()
    start = max(Schooljaar.current().start, today - timedelta(weeks=count))
    return [min(today, start + timedelta(weeks=n)) for n in range(count)]


def test_the_plg_page_shows_the_questions_of_the_year_and_a_plg_that_skips_check_and_act(
    login, plg, teacher_leader, schoolleider
):
    for day in _year_days(4):
        log_session(plg, teacher_leader, held_on=day, q_learn=True, q_know=day.day % 2 == 0)
    log_session(
        plg,
        teacher_leader,
        held_on=Schooljaar.current().start - timedelta(days=3),
        q_not_learned=True,
    )  # last schooljaar's does not count
    page = visible_text(login(teacher_leader).get(reverse("plg:detail", args=[plg.pk])))
    assert "Van 4 bijeenkomsten, hoeveel aan elke vraag werkten." in page
    assert "Wat moeten leerlingen leren? 4 (100%)" in page
    assert "Wat doen we als ze het niet leren? 0 (0%)" in page
    assert "heeft nog niet gewerkt aan" in page
    dashboard = visible_text(login(schoolleider).get(reverse("overview:dashboard")))
    assert "PLG Rekenen kwam dit schooljaar 4 keer bij elkaar en werkte nooit aan" in dashboard

    log_session(plg, teacher_leader, q_not_learned=True, q_know=True)
    page = visible_text(login(teacher_leader).get(reverse("plg:detail", args=[plg.pk])))
    assert "Wat doen we als ze het niet leren? 1 (20%)" in page
    assert "heeft nog niet gewerkt aan" not in page
    dashboard = visible_text(login(schoolleider).get(reverse("overview:dashboard")))
    assert "werkte nooit aan" not in dashboard


def test_the_sessions_export_names_protocol_focus_and_questions(
    login, plg, teacher_leader, schoolleider
):
    log_session(
        plg, teacher_leader, protocol="data_analyse", focus="Cito M5 rekenen", q_not_learned=True
    )
    response = login(schoolleider).get(reverse("overview:export_sessions"))
    text = response.content.decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert "Protocol" in header and "Gewerkt aan" in header
    assert "data-analyse" in row
    assert "Cito M5 rekenen" in row
    assert "Wat doen we als ze het niet leren?" in row
