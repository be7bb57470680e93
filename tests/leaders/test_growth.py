"""The growth profile: each side scores alone, the other's score shows once both scored an
area, an agreed level and next step per area, the trend over schooljaren; only the two."""

from django.urls import reverse

from leaders.models import GrowthAgreement, GrowthScore
from tests.conftest import visible_text
from tests.factories import make_role
from tlschool.schools.schooljaar import Schooljaar


def test_blind_scores_then_an_agreed_level_and_the_trend(
    client_for, school, schoolleider, teacher_leader, teamlid, board_staff
):
    role = make_role(school, teacher_leader)
    url = reverse("leaders:growth", args=[role.pk])
    leader, head = client_for(teacher_leader), client_for(schoolleider)
    leader.post(url, {"culture": "4", "listening": "2"})
    assert GrowthScore.objects.filter(scorer="self").count() == 2

    def row(client, area):
        return next(r for r in client.get(url).context["rows"] if r.area == area)

    # The schoolleider sees that it was scored, not the score.
    assert "gescoord; zichtbaar zodra jij ook scoort" in visible_text(head.get(url))
    culture = row(head, "culture")
    assert (culture.mine, culture.theirs, culture.theirs_hidden) == (None, None, True)
    head.post(url, {"culture": "3"})
    culture = row(head, "culture")
    assert (culture.mine, culture.theirs) == (3, 4)  # both scored: now both show
    assert row(leader, "culture").theirs == 3
    listening = row(leader, "listening")
    assert (listening.mine, listening.theirs, listening.theirs_hidden) == (2, None, False)

    head.post(
        url,
        {"action": "agree", "area": "culture", "level": "3", "next_step": "Een PLG-sessie leiden"},
    )
    agreed = GrowthAgreement.objects.get()
    assert (agreed.level, agreed.schooljaar) == (3, Schooljaar.current().start_year)
    GrowthAgreement.objects.create(
        school=school,
        person=teacher_leader,
        schooljaar=Schooljaar.current().start_year - 1,
        area="culture",
        level=2,
        next_step="Meekijken",
    )
    shown = leader.get(url).text
    assert "Een PLG-sessie leiden" in shown
    assert shown.count("<circle") == 2  # two schooljaren on the trend line
    for outsider in (teamlid, board_staff):
        assert client_for(outsider).get(url).status_code == 403


def test_a_score_out_of_range_is_refused_and_nothing_is_saved(client_for, school, teacher_leader):
    role = make_role(school, teacher_leader)
    url = reverse("leaders:growth", args=[role.pk])
    response = client_for(teacher_leader).post(url, {"culture": "7"})
    assert response.status_code == 422
    assert not GrowthScore.objects.exists()


def test_another_teacher_leader_reads_nothing_of_it_and_the_page_keeps_its_queries(
    client_for, school, schoolleider, teacher_leader, django_assert_max_num_queries
):
    from leaders.models import WellbeingCheckIn
    from tests.factories import member
    from tlschool.schools.models import Role

    role = make_role(school, teacher_leader)
    other = member(school, Role.TEACHER_LEADER, "collega-tl", "Yusuf Ahmed")
    make_role(school, other, title="Kartrekker lezen")
    WellbeingCheckIn.objects.create(
        school=school,
        person=teacher_leader,
        held_on=Schooljaar.current().start,
        energy=2,
        workload=5,
    )
    url = reverse("leaders:growth", args=[role.pk])
    assert client_for(other).get(url).status_code == 403
    role_page = visible_text(client_for(other).get(reverse("leaders:role", args=[role.pk])))
    assert "Hoe het gaat" not in role_page and "Groeiprofiel" not in role_page
    head = client_for(schoolleider)
    with django_assert_max_num_queries(20):
        head.get(url)
    for year in range(2015, 2026):
        for area in ("culture", "research", "listening"):
            GrowthAgreement.objects.create(
                school=school,
                person=teacher_leader,
                schooljaar=year,
                area=area,
                level=3,
                next_step="x",
            )
    with django_assert_max_num_queries(20):
        assert head.get(url).status_code == 200
