import pytest
from django.urls import reverse

from innovations import selectors, services
from innovations.models import PulseAnswer, PulseParticipant
from tests.conftest import visible_text
from tests.factories import MembershipFactory, UserFactory, make_innovation


@pytest.fixture
def pulse(school, teacher_leader):
    innovation = make_innovation(school, teacher_leader)
    return services.pulse_open(innovation=innovation, by=teacher_leader)


def team(school, count):
    people = []
    for number in range(count):
        person = UserFactory(username=f"lid{number}")
        MembershipFactory(user=person, school=school)
        people.append(person)
    return people


def test_results_show_only_from_five_answers(pulse, school):
    people = team(school, 5)
    for number, person in enumerate(people[:4]):
        services.pulse_answer(pulse=pulse, person=person, willen=2 + number % 2, kunnen=3)
    result = selectors.pulse_result(pulse)
    assert not result.shown and result.willen is None and result.answers == 4
    services.pulse_answer(pulse=pulse, person=people[4], willen=5, kunnen=1, comment="Meer tijd")
    result = selectors.pulse_result(pulse)
    assert result.shown
    assert result.willen == 3.0  # (2+3+2+3+5)/5
    assert result.kunnen == 2.6
    assert result.comments == ["Meer tijd"]


def test_answers_cannot_be_linked_to_people(pulse, school):
    people = team(school, 5)
    for person in people:
        services.pulse_answer(pulse=pulse, person=person, willen=4, kunnen=4)
    answer_fields = {field.name for field in PulseAnswer._meta.get_fields()}
    assert not answer_fields & {"person", "user", "created_at", "participant"}
    assert PulseParticipant.objects.filter(pulse=pulse).count() == 5
    participant_fields = {field.name for field in PulseParticipant._meta.get_fields()}
    assert not participant_fields & {"answer", "willen", "kunnen", "created_at"}


def test_a_person_answers_once(pulse, school, teamlid):
    services.pulse_answer(pulse=pulse, person=teamlid, willen=3, kunnen=3)
    with pytest.raises(services.InnovationRuleError, match="al ingevuld"):
        services.pulse_answer(pulse=pulse, person=teamlid, willen=5, kunnen=5)
    assert PulseAnswer.objects.filter(pulse=pulse).count() == 1


def test_nobody_sees_individual_answers_on_the_page(login, pulse, school, schoolleider):
    people = team(school, 5)
    for number, person in enumerate(people):
        services.pulse_answer(
            pulse=pulse, person=person, willen=1 + number, kunnen=3, comment=f"opmerking {number}"
        )
    page = login(schoolleider).get(reverse("innovations:detail", args=[pulse.innovation_id]))
    text = visible_text(page)
    assert "Willen (veranderbereidheid): 3,0" in text
    assert "Kunnen (verandervermogen): 3,0" in text
    for person in people:
        assert str(person) not in text


def test_a_team_member_answers_through_the_page(login, pulse, teamlid):
    client = login(teamlid)
    url = reverse("innovations:pulse_answer", args=[pulse.pk])
    response = client.post(url, {"willen": "4", "kunnen": "2", "comment": ""}, follow=True)
    assert "Uw antwoord is anoniem" in response.text
    assert "al ingevuld" in client.get(url).text
    bad = client.post(url, {"willen": "9", "kunnen": "x"})
    assert bad.status_code == 422
