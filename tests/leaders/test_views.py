from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from leaders import services
from leaders.models import Course, Decision, MandateItemKind, TeacherLeaderRole, TimeEntry
from tests.conftest import visible_text
from tests.factories import AmbitionFactory, MembershipFactory, UserFactory, make_role, member
from tlschool.schools.models import Role
from tlschool.schools.schooljaar import Schooljaar


@pytest.fixture
def role(school, teacher_leader, ambition):
    role = make_role(school, teacher_leader, ambition=ambition)
    services.mandate_item_add(
        role=role,
        kind=MandateItemKind.AUTHORITY,
        description="Rekenmethode-onderdelen kiezen",
        decision=Decision.ALONE,
    )
    return role


def agreed(role, schoolleider):
    services.mandate_agree(role=role, by=schoolleider, as_schoolleider=True)
    services.mandate_agree(role=role, by=role.person, as_schoolleider=False)
    return role


def test_schoolleider_creates_a_role(login, schoolleider, teamlid, ambition):
    year = Schooljaar.current().label
    response = login(schoolleider).post(
        reverse("leaders:role_create"),
        {
            "person": teamlid.pk,
            "kind": "informal",
            "title": "Kartrekker W&T",
            "focus": "Onderzoekend leren",
            "ambition": ambition.pk,
            "first_schooljaar": year,
            "last_schooljaar": year,
        },
        follow=True,
    )
    assert "Spreek nu het mandaat af" in response.text
    assert TeacherLeaderRole.objects.get(person=teamlid).title == "Kartrekker W&T"


def test_teacher_leader_may_not_create_roles(login, teacher_leader):
    assert login(teacher_leader).get(reverse("leaders:role_create")).status_code == 403


def test_a_person_of_another_school_cannot_be_given_a_role(
    login, schoolleider, other_school_leader
):
    year = Schooljaar.current().label
    response = login(schoolleider).post(
        reverse("leaders:role_create"),
        {
            "person": other_school_leader.pk,
            "kind": "formal",
            "title": "Rekencoördinator",
            "focus": "Rekenen",
            "first_schooljaar": year,
            "last_schooljaar": year,
        },
    )
    assert response.status_code == 422
    assert not TeacherLeaderRole.objects.exists()


def test_who_leads_what_shows_the_agreed_mandate_in_plain_words(login, role, schoolleider, teamlid):
    agreed(role, schoolleider)
    response = login(teamlid).get(reverse("leaders:who_leads_what"))
    assert "Sanne Jansen" in response.text and "Rekencoördinator" in response.text
    assert "Rekenmethode-onderdelen kiezen" in response.text
    assert "beslist zelf" in response.text
    assert "niet gepositioneerd" not in response.text  # only the schoolleider sees that flag


def test_schoolleider_sees_roles_that_are_not_positioned(login, role, schoolleider):
    response = login(schoolleider).get(reverse("leaders:who_leads_what"))
    assert "niet gepositioneerd" in response.text
    assert "Het mandaat wordt nog afgesproken" in response.text


def test_who_leads_what_filters_by_theme(login, role, school, schoolleider, teamlid):
    other_theme = AmbitionFactory(school=school, title="Lezen")
    reader = member(school, Role.TEACHER_LEADER, "lezer", "Eva van Dijk")
    make_role(school, reader, title="Leescoördinator", ambition=other_theme)
    response = login(teamlid).get(reverse("leaders:who_leads_what"), {"ambition": other_theme.pk})
    assert "Leescoördinator" in response.text
    assert "Rekencoördinator" not in response.text


def test_team_members_do_not_see_time_logs_or_private_notes(login, role, teamlid):
    services.time_entry_add(
        role=role,
        worked_on=timezone.localdate(),
        hours=Decimal("2"),
        activity="Geheime voorbereiding",
        within_school_time=False,
    )
    services.dialogue_note_add(
        school=role.school,
        person=role.person,
        author=role.person,
        held_on=timezone.localdate(),
        text="Vertrouwelijk gesprek",
    )
    response = login(teamlid).get(reverse("leaders:role", args=[role.pk]))
    assert response.status_code == 200
    assert "Geheime voorbereiding" not in response.text
    assert "Vertrouwelijk gesprek" not in response.text
    assert "Urenlijst" not in response.text


def test_teacher_leader_logs_time_in_place_with_htmx(login, role, teacher_leader):
    response = login(teacher_leader).post(
        reverse("leaders:time_entry_add", args=[role.pk]),
        {
            "worked_on": timezone.localdate().isoformat(),
            "hours": "1.5",
            "activity": "Lesbezoek groep 5",
            "within_school_time": "on",
        },
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="time"' in response.text and "Lesbezoek groep 5" in response.text


def test_absurd_hours_get_a_clear_message_and_nothing_is_saved(login, role, teacher_leader):
    for hours, message in (("-2", "minstens een kwartier"), ("13", "hoogstens 12 uur")):
        response = login(teacher_leader).post(
            reverse("leaders:time_entry_add", args=[role.pk]),
            {"worked_on": timezone.localdate().isoformat(), "hours": hours, "activity": "x"},
        )
        assert response.status_code == 422
        assert message in response.text
    assert not TimeEntry.objects.exists()


def test_a_date_outside_the_schooljaar_is_a_form_error(login, role, teacher_leader):
    before = Schooljaar.current().start - timedelta(days=3)
    response = login(teacher_leader).post(
        reverse("leaders:time_entry_add", args=[role.pk]),
        {"worked_on": before.isoformat(), "hours": "2", "activity": "Zomerwerk"},
    )
    assert response.status_code == 422
    assert "buiten het schooljaar" in response.text


def test_mandate_item_added_in_place_and_agreement_reset(login, role, schoolleider):
    agreed(role, schoolleider)
    response = login(schoolleider).post(
        reverse("leaders:mandate_item_add", args=[role.pk]),
        {"kind": "responsibility", "description": "Toetskalender", "decision": "consult"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "versie 2" in response.text
    assert "Nog geen akkoord van de teacher leader" in response.text


def test_teacher_leader_agrees_to_the_mandate(login, role, teacher_leader):
    response = login(teacher_leader).post(
        reverse("leaders:mandate_agree", args=[role.pk]), follow=True
    )
    assert "Je akkoord met het mandaat is vastgelegd" in response.text
    assert services.mandate_current(role=role).leader_agreed_by == teacher_leader


def test_another_schools_role_answers_404(login, role, other_school_leader):
    client = login(other_school_leader)
    assert client.get(reverse("leaders:role", args=[role.pk])).status_code == 404
    response = client.post(
        reverse("leaders:mandate_item_add", args=[role.pk]),
        {"kind": "authority", "description": "Overname", "decision": "alone"},
    )
    assert response.status_code == 404


def test_self_assessment_is_private_and_shown_as_a_trend(login, role, teacher_leader, teamlid):
    client = login(teacher_leader)
    for score in ("2", "4"):
        client.post(
            reverse("leaders:assessment_add", args=[role.pk]),
            {"skill": "listening", "score": score, "note": ""},
        )
    assert "luisteren : 2 → 4" in visible_text(client.get(reverse("leaders:role", args=[role.pk])))
    other = visible_text(login(teamlid).get(reverse("leaders:role", args=[role.pk])))
    assert "luisteren" not in other


def test_who_leads_what_keeps_a_fixed_number_of_queries(
    login, school, teamlid, django_assert_max_num_queries
):
    for number in range(12):
        person = UserFactory(username=f"leider{number}")
        MembershipFactory(user=person, school=school, role=Role.TEACHER_LEADER)
        role = make_role(school, person, title=f"Rol {number}")
        services.mandate_item_add(
            role=role, kind="authority", description="Iets beslissen", decision="alone"
        )
    client = login(teamlid)
    with django_assert_max_num_queries(16):
        response = client.get(reverse("leaders:who_leads_what"))
    assert response.text.count("Rol ") >= 12


def test_agreeing_to_a_version_one_has_not_seen_is_refused(
    login, role, schoolleider, teacher_leader
):
    agreed(role, schoolleider)  # version 1, agreed by both
    seen = 1
    services.mandate_item_add(
        role=role, kind="authority", description="Budget besteden", decision="consult"
    )  # the schoolleider changes it: version 2
    response = login(teacher_leader).post(
        reverse("leaders:mandate_agree", args=[role.pk]), {"seen_version": seen}, follow=True
    )
    assert "Het mandaat is intussen gewijzigd (nu versie 2)" in response.text
    assert services.mandate_current(role=role).leader_agreed_at is None


def test_a_stale_mandate_change_keeps_the_text_and_shows_the_other_change(
    login, role, schoolleider, teacher_leader
):
    services.mandate_item_add(
        role=role, kind="authority", description="Door de schoolleider", decision="alone"
    )
    agreed(role, schoolleider)
    services.mandate_item_add(
        role=role, kind="authority", description="Nog een wijziging", decision="alone"
    )  # now version 2; the teacher leader's page still shows version 1
    response = login(teacher_leader).post(
        reverse("leaders:mandate_item_add", args=[role.pk]),
        {
            "kind": "responsibility",
            "description": "Mijn voorstel",
            "decision": "proposes",
            "seen_version": 1,
        },
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 422
    assert "intussen gewijzigd" in response.text
    assert 'value="Mijn voorstel"' in response.text  # nothing typed is lost
    assert "Nog een wijziging" in response.text  # the other change is on screen
    assert not role.mandates.filter(items__description="Mijn voorstel").exists()
    again = login(teacher_leader).post(
        reverse("leaders:mandate_item_add", args=[role.pk]),
        {
            "kind": "responsibility",
            "description": "Mijn voorstel",
            "decision": "proposes",
            "seen_version": 2,
        },
    )
    assert again.status_code == 302


def test_teacher_leader_takes_back_a_time_line_in_place(login, role, teacher_leader, schoolleider):
    entry = services.time_entry_add(
        role=role,
        worked_on=timezone.localdate(),
        hours=Decimal("3"),
        activity="Verkeerd geschreven",
        within_school_time=True,
    )
    url = reverse("leaders:time_entry_remove", args=[role.pk, entry.pk])
    assert login(schoolleider).post(url).status_code == 403
    response = login(teacher_leader).post(url, headers={"HX-Request": "true"})
    assert response.status_code == 200 and 'id="time"' in response.text
    assert "Verkeerd geschreven" not in response.text
    assert not TimeEntry.objects.filter(pk=entry.pk).exists()


def test_who_leads_what_shows_what_was_told_to_the_team(login, role, schoolleider, teamlid):
    services.announcement_record(
        role=role,
        by=schoolleider,
        announced_on=timezone.localdate(),
        channel="team_meeting",
        text="Sanne coördineert het rekenen en kiest de rekenspellen.",
    )
    text = visible_text(login(teamlid).get(reverse("leaders:who_leads_what")))
    assert "Sanne coördineert het rekenen en kiest de rekenspellen." in text
    assert "Aan het team verteld op" in text


def add_course(client, role, **fields):
    data = {"name": "Master Leren en Innoveren", "provider": "Hogeschool", "status": "planned"}
    data.update(fields)
    return client.post(reverse("leaders:course_add", args=[role.pk]), data, follow=True)


def test_teacher_leader_brings_a_course_up_to_date(login, role, teacher_leader, teamlid):
    client = login(teacher_leader)
    add_course(client, role)
    course = Course.objects.get(person=teacher_leader)
    page = client.get(reverse("leaders:role", args=[role.pk])).text
    assert reverse("leaders:course_edit", args=[role.pk, course.pk]) in page

    response = client.post(
        reverse("leaders:course_edit", args=[role.pk, course.pk]),
        {
            "name": "Master Leren en Innoveren",
            "provider": "Hogeschool",
            "starts_on": "2025-09-01",
            "ends_on": "2026-07-01",
            "status": "completed",
        },
        follow=True,
    )
    assert "De scholing is opgeslagen." in response.text
    assert "Master Leren en Innoveren (Hogeschool) — afgerond" in visible_text(response)

    team_view = login(teamlid).get(reverse("leaders:role", args=[role.pk])).text
    assert "afgerond" in team_view
    assert reverse("leaders:course_edit", args=[role.pk, course.pk]) not in team_view


def test_a_course_update_that_ends_before_it_starts_keeps_what_was_saved(
    login, role, teacher_leader
):
    client = login(teacher_leader)
    add_course(client, role, status="running")
    course = Course.objects.get(person=teacher_leader)
    response = client.post(
        reverse("leaders:course_edit", args=[role.pk, course.pk]),
        {"name": "Anders", "starts_on": "2026-09-01", "ends_on": "2026-01-01", "status": "stopped"},
    )
    assert response.status_code == 422
    assert 'value="Anders"' in response.text
    course.refresh_from_db()
    assert (course.name, course.status) == ("Master Leren en Innoveren", "running")


def test_a_course_recorded_by_mistake_is_removed(login, role, teacher_leader, schoolleider):
    add_course(login(teacher_leader), role)
    course = Course.objects.get(person=teacher_leader)
    response = login(schoolleider).post(
        reverse("leaders:course_remove", args=[role.pk, course.pk]), follow=True
    )
    assert "De scholing is verwijderd." in response.text
    assert not Course.objects.filter(pk=course.pk).exists()


def test_a_course_is_reached_only_through_its_own_persons_role(
    login, role, school, schoolleider, teacher_leader
):
    other = make_role(school, member(school, Role.TEACHER_LEADER, "jan", "Jan Jansen"))
    add_course(login(teacher_leader), role)
    course = Course.objects.get(person=teacher_leader)
    client = login(schoolleider)
    assert client.get(reverse("leaders:course_edit", args=[other.pk, course.pk])).status_code == 404
    url = reverse("leaders:course_remove", args=[other.pk, course.pk])
    assert client.post(url).status_code == 404
    assert Course.objects.filter(pk=course.pk).exists()
