from django.urls import reverse

from tests.factories import MembershipFactory
from tlschool.schools.access import access_for
from tlschool.schools.models import Membership, Role


def test_roles_answer_what_each_may_do(schoolleider, teacher_leader, teamlid, board_staff):
    leader, tl, member, staff = (
        access_for(user) for user in (schoolleider, teacher_leader, teamlid, board_staff)
    )
    assert leader.can_manage_school and leader.can_lead and leader.can_see_overview
    assert tl.can_lead and not tl.can_manage_school and not tl.can_see_overview
    assert member.can_read and not member.can_lead and not member.can_manage_school
    assert staff.can_read and staff.is_read_only and staff.can_see_overview
    assert not staff.can_manage_school and not staff.can_lead


def test_user_without_school_sees_what_to_do(login, db):
    from tests.factories import UserFactory

    response = login(UserFactory()).get(reverse("team"))
    assert response.status_code == 403
    assert "Vraag je schoolleider" in response.text


def test_only_the_schoolleider_manages_the_team(login, schoolleider, teacher_leader, teamlid):
    assert login(schoolleider).get(reverse("team")).status_code == 200
    assert login(teacher_leader).get(reverse("team")).status_code == 403
    assert login(teamlid).get(reverse("team")).status_code == 403


def test_board_staff_read_but_do_not_manage(login, board_staff, schoolleider):
    client = login(board_staff)
    home = client.get(reverse("home"), follow=True)
    assert home.status_code == 200
    assert "Alle scholen van het bestuur, op dezelfde manier gemeten" in home.text
    assert client.get(reverse("team")).status_code == 403


def test_another_schools_membership_answers_404(login, schoolleider, other_school_leader):
    other = Membership.objects.get(user=other_school_leader)
    response = login(schoolleider).post(
        reverse("member_role", args=[other.pk]), {"role": Role.TEAMLID}
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.role == Role.SCHOOLLEIDER


def test_user_with_two_schools_switches_the_current_one(login, teamlid, other_school):
    MembershipFactory(user=teamlid, school=other_school, role=Role.TEACHER_LEADER)
    client = login(teamlid)
    assert "OBS De Regenboog" in client.get(reverse("home")).text
    client.post(reverse("school_switch"), {"school": other_school.pk})
    response = client.get(reverse("home"))
    assert "Je werkt in CBS Andere School als teacher leader" in response.text


def test_switching_to_a_school_without_access_is_refused(login, teamlid, other_school):
    client = login(teamlid)
    response = client.post(reverse("school_switch"), {"school": other_school.pk}, follow=True)
    assert "Je hebt geen toegang tot die school" in response.text
    assert "Je werkt in OBS De Regenboog" in response.text


def test_the_last_schoolleider_keeps_the_role(login, schoolleider):
    membership = Membership.objects.get(user=schoolleider)
    response = login(schoolleider).post(
        reverse("member_role", args=[membership.pk]), {"role": Role.TEAMLID}, follow=True
    )
    assert "Een school houdt minstens één schoolleider" in response.text
    membership.refresh_from_db()
    assert membership.role == Role.SCHOOLLEIDER


def test_a_role_is_saved_in_its_own_row_with_visible_feedback(login, schoolleider, teamlid):
    membership = Membership.objects.get(user=teamlid)
    client = login(schoolleider)
    url = reverse("member_role", args=[membership.pk])
    row = client.post(url, {"role": Role.TEACHER_LEADER}, headers={"HX-Request": "true"})
    assert row.status_code == 200 and "<html" not in row.text
    assert "✓ Opgeslagen" in row.text and "is nu teacher leader" in row.text
    assert '<option value="teacher_leader" selected>' in row.text
    own = Membership.objects.get(user=schoolleider)
    refused = client.post(
        reverse("member_role", args=[own.pk]),
        {"role": Role.TEAMLID},
        headers={"HX-Request": "true"},
    )
    assert refused.status_code == 422
    assert "Een school houdt minstens één schoolleider" in refused.text
    assert '<option value="schoolleider" selected>' in refused.text  # the row shows what holds
    assert 'aria-invalid="true"' in refused.text
