"""In the conversation of schoolleider and teacher leader: a wellbeing check-in seen only by
the two, beside the share of work outside school time, and the schoolleider's own learning
goals, which their teacher leaders read."""

from django.urls import reverse
from django.utils import timezone

from leaders.models import LeadershipGoal, WellbeingCheckIn
from tests.conftest import visible_text
from tests.factories import make_role


def test_a_check_in_is_seen_by_the_two_of_them_only(
    client_for, school, schoolleider, teacher_leader, teamlid, board_staff
):
    role = make_role(school, teacher_leader)
    head = client_for(schoolleider)
    response = head.post(
        reverse("leaders:wellbeing_add", args=[role.pk]),
        {"held_on": timezone.localdate().isoformat(), "energy": "2", "workload": "5"},
    )
    assert response.status_code == 302
    check = WellbeingCheckIn.objects.get()
    assert (check.person, check.energy, check.workload) == (teacher_leader, 2, 5)
    page = reverse("leaders:role", args=[role.pk])
    for reader in (head, client_for(teacher_leader)):
        text = visible_text(reader.get(page))
        assert "Hoe het gaat (check-in)" in text and "2 / 5" in text and "5 / 5" in text
        assert "van het geschreven werk buiten schooltijd" in text
    for outsider in (teamlid, board_staff):
        text = visible_text(client_for(outsider).get(page))
        assert "Hoe het gaat" not in text and "5 / 5" not in text
    # A score outside 1–5 is refused in the form, nothing saved.
    wrong = head.post(
        reverse("leaders:wellbeing_add", args=[role.pk]),
        {"held_on": timezone.localdate().isoformat(), "energy": "9", "workload": "5"},
    )
    assert wrong.status_code == 422 and WellbeingCheckIn.objects.count() == 1


def test_the_schoolleiders_learning_goals_are_read_by_their_teacher_leaders(
    client_for, school, schoolleider, teacher_leader, teamlid
):
    role = make_role(school, teacher_leader)
    head = client_for(schoolleider)
    head.post(reverse("leaders:leadership_goals"), {"text": "Vaker om feedback vragen"})
    goal = LeadershipGoal.objects.get()
    assert goal.author == schoolleider
    page = reverse("leaders:role", args=[role.pk])
    assert "Vaker om feedback vragen" in visible_text(client_for(teacher_leader).get(page))
    assert "Vaker om feedback vragen" not in visible_text(client_for(teamlid).get(page))
    head.post(reverse("leaders:leadership_goals"), {"reached": str(goal.pk)})
    goal.refresh_from_db()
    assert goal.reached_on == timezone.localdate()
    assert "bereikt" in visible_text(client_for(teacher_leader).get(page))


def test_the_schoolleider_asks_for_feedback_and_reads_the_signed_answer(
    client_for, school, schoolleider, teacher_leader, teamlid
):
    from leaders.models import FeedbackAnswer

    role = make_role(school, teacher_leader)
    head, leader = client_for(schoolleider), client_for(teacher_leader)
    page = reverse("leaders:role", args=[role.pk])
    nothing = leader.post(reverse("leaders:feedback_answer", args=[role.pk]), {"time": "Meer"})
    assert nothing.status_code == 422 and "Er is op dit moment niets gevraagd" in nothing.text
    head.post(reverse("leaders:feedback_ask"))
    home = visible_text(leader.get(reverse("home")))
    assert "Marieke de Vries vraagt wat je nodig hebt" in home  # in "Wacht op jou"
    empty = leader.post(reverse("leaders:feedback_answer", args=[role.pk]), {})
    assert empty.status_code == 422 and "Schrijf ten minste één ding" in empty.text
    leader.post(
        reverse("leaders:feedback_answer", args=[role.pk]),
        {"time": "Een dagdeel extra in maart", "mandate": "De toetskalender zelf vaststellen"},
    )
    assert FeedbackAnswer.objects.get().person == teacher_leader
    assert "vraagt wat je nodig hebt" not in visible_text(leader.get(reverse("home")))
    seen = visible_text(head.get(page))
    assert "Sanne Jansen," in seen and "Een dagdeel extra in maart" in seen  # signed
    assert "Een dagdeel extra in maart" not in visible_text(client_for(teamlid).get(page))
    assert "1 antwoord" in visible_text(head.get(reverse("leaders:leadership_goals")))


def test_the_role_page_keeps_its_queries_as_the_conversation_grows(
    client_for, school, schoolleider, teacher_leader, teamlid
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from leaders.models import FeedbackAnswer, FeedbackRequest, Recognition

    role = make_role(school, teacher_leader)
    head = client_for(schoolleider)
    page = reverse("leaders:role", args=[role.pk])

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert head.get(page).status_code == 200
        return len(queries)

    few = count()
    for number in range(8):
        WellbeingCheckIn.objects.create(
            school=school,
            person=teacher_leader,
            held_on=timezone.localdate(),
            energy=3,
            workload=3,
        )
        LeadershipGoal.objects.create(school=school, author=schoolleider, text=f"Doel {number}")
        asked = FeedbackRequest.objects.create(
            school=school, asked_by=schoolleider, asked_on=timezone.localdate()
        )
        FeedbackAnswer.objects.create(request=asked, person=teacher_leader, time=f"Tijd {number}")
    Recognition.objects.create(role=role, person=teamlid)
    assert count() == few
