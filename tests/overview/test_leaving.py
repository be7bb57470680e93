"""A colleague leaves the school: access ends at once, the record stays, the handover is shown."""

import pytest
from django.urls import reverse

from plg.models import Attendance
from tests.conftest import visible_text
from tests.factories import log_session, make_innovation, make_plg, make_role
from tlschool.schools import services as school_services
from tlschool.schools.models import Membership, Role


@pytest.fixture
def leaver_with_work(school, teacher_leader, teamlid):
    plg = make_plg(school, teacher_leader, members=[teamlid])
    log_session(
        plg, teacher_leader, present=[teamlid], agreements=[("Kijkwijzer afmaken", teamlid, 4)]
    )
    make_role(school, teamlid, title="Kartrekker techniek")
    make_innovation(school, teamlid, title="Techniekcircuit")
    return plg


def test_the_schoolleider_sees_what_to_hand_over_then_removes_the_colleague(
    login, school, schoolleider, teamlid, leaver_with_work
):
    membership = Membership.objects.get(user=teamlid, school=school)
    url = reverse("overview:member_remove", args=[membership.pk])
    client = login(schoolleider)
    assert url in client.get(reverse("team")).text
    question = visible_text(client.get(url))
    assert "Thomas Bakker uit OBS De Regenboog verwijderen?" in question
    for held in ("Kartrekker techniek", "Techniekcircuit", "Kijkwijzer afmaken"):
        assert held in question

    response = client.post(url, follow=True)
    assert "Thomas Bakker heeft geen toegang meer tot OBS De Regenboog." in response.text
    assert not Membership.objects.filter(user=teamlid, school=school).exists()
    assert teamlid not in leaver_with_work.members.all()
    assert Attendance.objects.filter(person=teamlid, present=True).exists()  # the record stays

    gone = login(teamlid)
    assert gone.get(reverse("plg:detail", args=[leaver_with_work.pk])).status_code in (403, 404)
    assert "OBS De Regenboog" not in gone.get(reverse("home")).text


def test_nobody_removes_themselves_or_the_last_schoolleider(login, school, schoolleider):
    own = Membership.objects.get(user=schoolleider, school=school)
    response = login(schoolleider).post(
        reverse("overview:member_remove", args=[own.pk]), follow=True
    )
    assert "Je kunt jezelf niet verwijderen" in response.text
    assert Membership.objects.filter(pk=own.pk).exists()

    from tests.factories import member

    other_leader = member(school, Role.TEAMLID, "co", "Co Directie")
    with pytest.raises(school_services.TeamRuleError):
        school_services.member_remove(membership=own, by=other_leader)
    assert Membership.objects.filter(pk=own.pk).exists()


def test_only_the_schoolleider_removes_colleagues(login, school, teacher_leader, teamlid):
    membership = Membership.objects.get(user=teamlid, school=school)
    url = reverse("overview:member_remove", args=[membership.pk])
    assert login(teacher_leader).post(url).status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_the_handover_page_keeps_a_fixed_number_of_queries(
    login, school, schoolleider, teacher_leader, teamlid, django_assert_max_num_queries
):
    plg = make_plg(school, teamlid, members=[teacher_leader])
    for number in range(6):
        make_role(school, teamlid, title=f"Rol {number}")
        make_innovation(school, teamlid, title=f"Innovatie {number}")
        make_plg(school, teamlid, name=f"PLG {number}")
    log_session(plg, teamlid, agreements=[(f"Afspraak {n}", teamlid, n) for n in range(6)])
    membership = Membership.objects.get(user=teamlid, school=school)
    client = login(schoolleider)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("overview:member_remove", args=[membership.pk]))
    text = visible_text(response)
    assert "Rol 5" in text and "Innovatie 5" in text and "PLG 5" in text and "Afspraak 5" in text
