from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from leaders import services as leader_services
from tests.conftest import visible_text
from tests.factories import log_session, make_innovation, make_role


@pytest.fixture
def data(school, teacher_leader):
    role = make_role(school, teacher_leader)
    leader_services.time_entry_add(
        role=role,
        worked_on=timezone.localdate(),
        hours=Decimal("2.5"),
        activity='=HYPERLINK("http://x")',
        within_school_time=True,
    )
    make_innovation(school, teacher_leader, title="Drieslagmodel; groep 5")
    return role


def test_csv_opens_in_dutch_excel(login, data, schoolleider):
    response = login(schoolleider).get(reverse("overview:export_time"))
    body = response.content.decode("utf-8")
    assert response["Content-Type"].startswith("text/csv")
    assert body.startswith("\ufeffTeacher leader;Rol;Datum;Uren")
    assert ";2,5;" in body  # hours as the dashboard writes them
    assert "'=HYPERLINK" in body  # a formula is shown as text, not run


def test_csv_separator_option_and_quoting(login, data, schoolleider):
    client = login(schoolleider)
    semicolon = client.get(reverse("overview:export_innovations")).content.decode()
    assert '"Drieslagmodel; groep 5"' in semicolon
    comma = client.get(reverse("overview:export_innovations"), {"sep": "comma"}).content.decode()
    assert comma.splitlines()[0].startswith("\ufeffInnovatie,Fase,Eigenaar")


def test_year_report_lists_roles_and_innovations_and_comes_as_pdf(login, data, schoolleider):
    client = login(schoolleider)
    report = client.get(reverse("overview:report"))
    assert "Jaarverslag" in report.text and "Sanne Jansen" in report.text
    assert "Drieslagmodel; groep 5" in report.text
    pdf = client.get(reverse("overview:report_pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert len(pdf.content) > 1000


def test_only_schoolleider_and_board_staff_get_overviews(login, teacher_leader, teamlid, data):
    for user in (teacher_leader, teamlid):
        client = login(user)
        for name in ("overview:dashboard", "overview:export_time", "overview:report_pdf"):
            assert client.get(reverse(name)).status_code == 403


def test_team_home_shows_my_plgs_agreements_innovations_and_pulses(
    login, school, teacher_leader, teamlid
):
    from innovations import services as innovation_services
    from tests.factories import make_plg

    plg = make_plg(school, teacher_leader, members=[teamlid])
    innovation = make_innovation(school, teacher_leader, title="Leesgesprekken", plgs=[plg])
    innovation_services.pulse_open(innovation=innovation, by=teacher_leader)
    log_session(
        plg,
        teacher_leader,
        agreements=[("Kijkwijzer maken", teamlid, 5)],
        next_session_on=timezone.localdate() + timedelta(days=14),
    )
    text = login(teamlid).get(reverse("home")).text
    assert "PLG Rekenen" in text
    assert "Kijkwijzer maken" in text
    assert "Leesgesprekken" in text
    assert "Wacht op jou" in text and "Een peiling over Leesgesprekken wacht op je antwoord" in text


def test_team_home_shows_what_goes_on_beyond_my_own_plgs_in_fixed_queries(
    login, school, teacher_leader, teamlid, django_assert_max_num_queries
):
    from innovations import services as innovation_services
    from innovations.stages import MoveRequest, Stage
    from plg.models import Session
    from tests.factories import make_plg

    other_plg = make_plg(school, teacher_leader, name="PLG Lezen")  # the teamlid is not in it
    for days in range(8):
        Session.objects.create(
            plg=other_plg,
            held_on=timezone.localdate() - timedelta(days=days),
            status="final",
            learned=f"Les {days}: voorlezen werkt beter met vragen vooraf",
        )
    Session.objects.create(plg=other_plg, held_on=timezone.localdate(), learned="Concept")
    for number in range(7):
        innovation = make_innovation(school, teacher_leader, title=f"Innovatie {number}")
    innovation_services.innovation_move(
        innovation=innovation,
        by=teacher_leader,
        move=MoveRequest(to_stage=Stage.UITVOEREN),
    )
    client = login(teamlid)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("home"))
    text = visible_text(response)
    assert "Geleerd in de PLG's PLG Lezen" in text
    assert "Les 0: voorlezen werkt beter" in text and "Les 4:" in text
    assert "Les 5:" not in text  # the five newest
    assert "Concept" not in text  # drafts stay with their PLG leader
    assert "Innovatie 6 → uitvoeren" in text


def test_what_goes_on_is_the_last_three_months(login, school, teacher_leader, teamlid):
    from plg.models import Session
    from tests.factories import make_plg

    plg = make_plg(school, teacher_leader)
    session = Session.objects.create(
        plg=plg, held_on=timezone.localdate() - timedelta(days=89), status="final", learned="Vers"
    )
    assert "Vers" in visible_text(login(teamlid).get(reverse("home")))
    session.held_on = timezone.localdate() - timedelta(days=120)
    session.save()
    text = visible_text(login(teamlid).get(reverse("home")))
    assert "Vers" not in text and "Nog niets vastgelegd." in text


def test_sessions_csv_counts_attendance_and_agreements(
    login, school, schoolleider, teacher_leader, teamlid
):
    from tests.factories import make_plg

    plg = make_plg(school, teacher_leader, members=[teamlid])
    log_session(
        plg,
        teacher_leader,
        present=[teacher_leader],
        agreements=[("Kijkwijzer", teamlid, 0)],
        duration_minutes=50,
    )
    body = login(schoolleider).get(reverse("overview:export_sessions")).content.decode()
    row = body.splitlines()[1].split(";")
    assert row[0] == "PLG Rekenen" and row[2] == "50"
    assert (row[6], row[7], row[12]) == ("1", "2", "1")  # present, members, agreements
