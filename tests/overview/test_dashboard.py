from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from innovations import services as innovation_services
from innovations.models import Innovation, MonitoringMethod
from innovations.stages import Stage
from leaders import services as leader_services
from leaders.models import TimeUnit
from plg.models import PLG, Session, SessionStatus
from tests.conftest import visible_text
from tests.factories import (
    MembershipFactory,
    UserFactory,
    log_session,
    make_innovation,
    make_plg,
    make_role,
)
from tlschool.overview.health import school_health
from tlschool.schools.schooljaar import Schooljaar


def kinds(school):
    health = school_health(schools=[school], year=Schooljaar.current())[0]
    return {signal.kind for signal in health.signals}


@pytest.fixture
def role(school, teacher_leader):
    return make_role(school, teacher_leader)


def test_unpositioned_role_signals_until_mandate_and_announcement(role, school, schoolleider):
    assert {"mandate", "announcement"} <= kinds(school)
    leader_services.mandate_item_add(
        role=role, kind="authority", description="Kiezen", decision="alone"
    )
    leader_services.mandate_agree(role=role, by=schoolleider, as_schoolleider=True)
    leader_services.mandate_agree(role=role, by=role.person, as_schoolleider=False)
    assert "mandate" not in kinds(school)
    leader_services.announcement_record(
        role=role,
        by=schoolleider,
        announced_on=timezone.localdate(),
        channel="newsletter",
        text="x",
    )
    assert "announcement" not in kinds(school)


def test_time_outside_school_over_the_threshold_signals(role, school):
    leader_services.allotment_set(
        role=role,
        schooljaar=Schooljaar.current().start_year,
        amount=Decimal("100"),
        unit=TimeUnit.HOURS,
    )
    today = timezone.localdate()
    leader_services.time_entry_add(
        role=role, worked_on=today, hours=Decimal("3"), activity="avond", within_school_time=False
    )
    assert "outside_time" in kinds(school)
    leader_services.time_entry_add(
        role=role, worked_on=today, hours=Decimal("9"), activity="dag", within_school_time=True
    )
    assert "outside_time" not in kinds(school)  # 25% is not above the threshold of 25%


def test_quiet_monitoring_signals_until_a_new_entry(school, teacher_leader):
    innovation = make_innovation(school, teacher_leader)
    Innovation.objects.filter(pk=innovation.pk).update(
        stage=Stage.MONITOREN, stage_since=timezone.now() - timedelta(weeks=8)
    )
    assert "monitoring_gap" in kinds(school)
    innovation_services.monitoring_add(
        innovation=innovation,
        by=teacher_leader,
        values={},
        observed_on=timezone.localdate(),
        method=MonitoringMethod.OBSERVATION,
        findings="Weer gekeken",
    )
    assert "monitoring_gap" not in kinds(school)


def test_passed_borging_review_and_long_bijstellen_signal(school, teacher_leader):
    borgen = make_innovation(school, teacher_leader, title="Borgen")
    Innovation.objects.filter(pk=borgen.pk).update(
        stage=Stage.GEBORGD, borging_review_on=timezone.localdate() - timedelta(days=1)
    )
    adjusting = make_innovation(school, teacher_leader, title="Bijstellen")
    Innovation.objects.filter(pk=adjusting.pk).update(
        stage=Stage.BIJSTELLEN, stage_since=timezone.now() - timedelta(weeks=10)
    )
    assert {"borging_review", "bijstellen_long"} <= kinds(school)
    Innovation.objects.filter(pk=borgen.pk).update(
        borging_review_on=timezone.localdate() + timedelta(days=100)
    )
    assert "borging_review" not in kinds(school)


def test_long_bijstellen_follows_the_schools_own_setting(school, teacher_leader):
    adjusting = make_innovation(school, teacher_leader, title="Bijstellen")
    Innovation.objects.filter(pk=adjusting.pk).update(
        stage=Stage.BIJSTELLEN, stage_since=timezone.now() - timedelta(weeks=4)
    )
    assert "bijstellen_long" not in kinds(school)  # 6 weeks by default
    school.bijstellen_weeks = 3
    school.save()
    assert "bijstellen_long" in kinds(school)
    school.monitoring_gap_weeks = 52  # a separate setting: this one does not matter here
    school.save()
    assert "bijstellen_long" in kinds(school)


def test_a_plg_without_sessions_for_weeks_signals(school, teacher_leader):
    plg = make_plg(school, teacher_leader)
    PLG.objects.filter(pk=plg.pk).update(created_at=timezone.now() - timedelta(weeks=10))
    assert "plg_quiet" in kinds(school)
    log_session(plg, teacher_leader)
    assert "plg_quiet" not in kinds(school)


def test_a_low_readiness_pulse_signals_only_once_closed_with_five_answers(school, teacher_leader):
    innovation = make_innovation(school, teacher_leader)
    pulse = innovation_services.pulse_open(innovation=innovation, by=teacher_leader)
    for number in range(5):
        person = UserFactory(username=f"p{number}")
        MembershipFactory(user=person, school=school)
        innovation_services.pulse_answer(pulse=pulse, person=person, willen=2, kunnen=2)
        assert "low_pulse" not in kinds(school), "an open pulse signals nothing"
    innovation_services.pulse_close(pulse=pulse, by=teacher_leader)
    assert "low_pulse" in kinds(school)


def test_a_pulse_closed_with_four_answers_signals_nothing(school, teacher_leader):
    innovation = make_innovation(school, teacher_leader)
    pulse = innovation_services.pulse_open(innovation=innovation, by=teacher_leader)
    for number in range(4):
        person = UserFactory(username=f"p{number}")
        MembershipFactory(user=person, school=school)
        innovation_services.pulse_answer(pulse=pulse, person=person, willen=1, kunnen=1)
    innovation_services.pulse_close(pulse=pulse, by=teacher_leader)
    assert "low_pulse" not in kinds(school)


def test_dashboard_shows_signals_with_links(login, role, schoolleider):
    response = login(schoolleider).get(reverse("home"))
    text = visible_text(response)
    assert "Sanne Jansen (Rekencoördinator) heeft geen afgesproken mandaat." in text
    assert f'href="{reverse("leaders:role", args=[role.pk])}"' in response.text


@pytest.fixture
def big_school(school, teacher_leader, teamlid):
    """50 innovations and 500 sessions: the page must not grow its queries with them."""
    plgs = [make_plg(school, teacher_leader, members=[teamlid], name=f"PLG {n}") for n in range(5)]
    for number in range(50):
        make_innovation(
            school, teacher_leader, title=f"Innovatie {number}", plgs=[plgs[number % 5]]
        )
    today = timezone.localdate()
    sessions = [
        Session(
            plg=plgs[number % 5],
            held_on=today - timedelta(days=number % 330),  # within the twelve months shown
            duration_minutes=60,
            learned="geleerd",
            status=SessionStatus.FINAL,
        )
        for number in range(500)
    ]
    Session.objects.bulk_create(sessions)
    for number in range(6):
        person = UserFactory(username=f"tl{number}")
        MembershipFactory(user=person, school=school, role="teacher_leader")
        make_role(school, person, title=f"Rol {number}")
    return school


PAGES = [
    ("home", {}),
    ("overview:dashboard", {}),
    ("overview:export_innovations", {}),
    ("overview:export_sessions", {}),
    ("overview:export_time", {}),
    ("overview:report", {}),
    ("overview:report_pdf", {}),
]


# The schoolleider's home is the dashboard: 15, and 4 for what waits for them ("Wacht op jou").
# The year report also reads time, scholing and the PLGs' sessions: 17, whatever the size.
# A first read renders the page and keeps it (tlschool/schools/kept_pages.py): the lookup
# and the stored page are two queries of these.
MOST_QUERIES = {
    "home": 23,
    "overview:dashboard": 21,
    "overview:report": 17,
    "overview:report_pdf": 17,
}


@pytest.mark.parametrize(("name", "query"), PAGES)
def test_overview_pages_keep_a_fixed_number_of_queries(
    login, big_school, schoolleider, name, query, django_assert_max_num_queries
):
    client = login(schoolleider)
    with django_assert_max_num_queries(MOST_QUERIES.get(name, 15)):
        response = client.get(reverse(name), query)
    assert response.status_code == 200


def test_board_overview_keeps_a_fixed_number_of_queries(
    login, big_school, board_staff, other_school, django_assert_max_num_queries
):
    other_school.board = big_school.board
    other_school.save()
    client = login(board_staff)
    # Working every school out: the health queries, then reading, pruning and writing the
    # kept rows (tests/overview/test_board_summary.py reads them back in fewer).
    with django_assert_max_num_queries(22):
        response = client.get(reverse("overview:board"))
    text = visible_text(response)
    assert "OBS De Regenboog" in text and "CBS Andere School" in text
    assert "500" in text  # sessions in the last twelve months


def test_dashboard_charts_have_bars_and_text_alternatives(
    login, schoolleider, school, teacher_leader
):
    make_innovation(school, teacher_leader, title="Eén")
    response = login(schoolleider).get(reverse("home"))
    for chart in ("sessions-chart", "stages-chart"):
        assert f'aria-labelledby="{chart}-title {chart}-desc"' in response.text
    stages_svg = response.text.split('id="stages-chart-desc"')[1].split("</svg>")[0]
    assert stages_svg.count("<rect") == 8  # one bar per stage
    assert "voorbereiden: 1" in visible_text(response)


def test_board_staff_follow_a_signal_of_another_school_in_one_step(
    login, school, other_school, board_staff, teacher_leader
):
    other_school.board = school.board
    other_school.save()  # "CBS Andere School" comes first, so it is the current school
    role = make_role(school, teacher_leader, title="Kartrekker lezen")
    client = login(board_staff)
    page = client.get(reverse("overview:board")).text
    role_url = reverse("leaders:role", args=[role.pk]) + "#mandate"
    assert client.get(role_url.split("#")[0]).status_code == 404  # not their school now
    assert f'<input type="hidden" name="next" value="{role_url}">' in page

    response = client.post(
        reverse("school_switch"), {"school": school.pk, "next": role_url}, follow=True
    )
    assert response.redirect_chain[-1][0] == role_url  # to the exact part of the page
    assert "Kartrekker lezen" in response.text


def test_a_signal_put_aside_leaves_the_list_and_comes_back_by_itself(
    login, school, schoolleider, teacher_leader
):
    from tlschool.overview.models import SignalSnooze

    role = make_role(school, teacher_leader, title="Kartrekker lezen")
    key = f"mandate:{role.pk}"
    client = login(schoolleider)
    page = client.get(reverse("home")).text
    assert f'<input type="hidden" name="key" value="{key}">' in page

    response = client.post(
        reverse("overview:signal_snooze"), {"key": key, "weeks": "2"}, follow=True
    )
    text = visible_text(response)
    assert "Opzijgelegd tot" in text
    assert "mandate" not in kinds(school)
    assert "1 signaal opzijgelegd" in text
    assert "announcement" in kinds(school)  # only that one signal is put aside

    SignalSnooze.objects.filter(key=key).update(until=timezone.localdate() - timedelta(days=1))
    assert "mandate" in kinds(school)  # its time is up and the cause is still there

    client.post(reverse("overview:signal_snooze"), {"key": key, "weeks": "4"})
    assert "mandate" not in kinds(school)
    client.post(reverse("overview:signal_wake"), {"key": key})
    assert "mandate" in kinds(school)


def test_only_the_schoolleider_puts_signals_aside(login, school, board_staff, teacher_leader):
    role = make_role(school, teacher_leader)
    key = f"mandate:{role.pk}"
    client = login(board_staff)
    assert "opzij leggen" not in client.get(reverse("overview:dashboard")).text
    assert (
        client.post(reverse("overview:signal_snooze"), {"key": key, "weeks": "2"}).status_code
        == 403
    )
    assert "mandate" in kinds(school)


def test_a_malformed_put_aside_changes_nothing(login, school, schoolleider, teacher_leader):
    from tlschool.overview.models import SignalSnooze

    make_role(school, teacher_leader)
    client = login(schoolleider)
    for data in ({"key": "mandate:1", "weeks": "52"}, {"key": "<script>", "weeks": "2"}, {}):
        response = client.post(reverse("overview:signal_snooze"), data, follow=True)
        assert "Kies hoe lang je het signaal opzij wilt leggen." in response.text
    assert not SignalSnooze.objects.exists()


def test_board_staff_read_along_without_buttons_that_promise_a_form(
    login, school, board_staff, schoolleider, teacher_leader
):
    make_role(school, teacher_leader, title="Kartrekker lezen")
    staff = login(board_staff)
    for name in ("overview:dashboard", "overview:board"):
        text = visible_text(staff.get(reverse(name)))
        assert "Mandaat afspreken" not in text and "Aankondiging vastleggen" not in text
        assert "Bekijken" in text
    assert "Mandaat afspreken" in visible_text(login(schoolleider).get(reverse("home")))


def test_board_staff_see_no_figure_about_one_teacher_leader_as_a_person(
    login, school, board_staff, schoolleider, teacher_leader
):
    """The share of someone's work outside school time: the schoolleider and the teacher
    leader see it; board staff, who read every school, do not, per person."""
    from decimal import Decimal

    from leaders import services as leader_services

    role = make_role(school, teacher_leader, title="Kartrekker lezen")
    leader_services.allotment_set(
        role=role, schooljaar=Schooljaar.current().start_year, amount=20, unit="hours"
    )
    leader_services.time_entry_add(
        role=role,
        worked_on=timezone.localdate(),
        hours=Decimal("4"),
        activity="Lessen voorbereiden",
        within_school_time=False,
    )
    said = "doet 100% van het werk buiten schooltijd"
    assert said in visible_text(login(schoolleider).get(reverse("home")))
    assert "Buiten schooltijd" in visible_text(login(schoolleider).get(reverse("home")))
    staff = login(board_staff)
    for name in ("overview:dashboard", "overview:board"):
        text = visible_text(staff.get(reverse(name)))
        assert said not in text and "100%" not in text, name
    assert "Buiten schooltijd" not in visible_text(staff.get(reverse("overview:dashboard")))
    assert "100%" in visible_text(
        login(teacher_leader).get(reverse("leaders:role", args=[role.pk]))
    )  # the teacher leader sees their own figure
