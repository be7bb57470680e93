import re

import pytest
from django.db import transaction
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


def test_results_show_only_once_closed_with_five_answers(pulse, school, teacher_leader):
    people = team(school, 5)
    for number, person in enumerate(people[:4]):
        services.pulse_answer(pulse=pulse, person=person, willen=2 + number % 2, kunnen=3)
    result = selectors.pulse_result(pulse)
    assert not result.shown and result.willen is None and result.answers == 4
    services.pulse_answer(pulse=pulse, person=people[4], willen=5, kunnen=1, comment="Meer tijd")
    result = selectors.pulse_result(pulse)
    assert not result.shown and result.comments is None, "an open pulse shows nothing"
    pulse = services.pulse_close(pulse=pulse, by=teacher_leader)
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


def test_a_pulse_closed_with_four_answers_never_shows_results(pulse, school, teacher_leader):
    for person in team(school, 4):
        services.pulse_answer(pulse=pulse, person=person, willen=1, kunnen=1, comment="Te snel")
    pulse = services.pulse_close(pulse=pulse, by=teacher_leader)
    result = selectors.pulse_result(pulse)
    assert not result.shown and result.comments is None
    assert pulse.results == {"answers": 4}, "below five answers nothing of them is kept"


def test_closing_keeps_the_results_and_deletes_the_raw_answers(pulse, school, teacher_leader):
    for number, person in enumerate(team(school, 5)):
        services.pulse_answer(pulse=pulse, person=person, willen=1 + number, kunnen=3)
    pulse = services.pulse_close(pulse=pulse, by=teacher_leader)
    assert not PulseAnswer.objects.filter(pulse=pulse).exists()
    assert selectors.pulse_result(pulse).willen == 3.0


def test_nobody_sees_individual_answers_on_the_page(login, pulse, school, schoolleider):
    people = team(school, 5)
    for number, person in enumerate(people):
        services.pulse_answer(
            pulse=pulse, person=person, willen=1 + number, kunnen=3, comment=f"opmerking {number}"
        )
    services.pulse_close(pulse=pulse, by=pulse.opened_by)
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
    assert "Je antwoord is anoniem" in response.text
    assert "al ingevuld" in client.get(url).text
    bad = client.post(url, {"willen": "9", "kunnen": "x"})
    assert bad.status_code == 422


# Per-request tokens, the only parts of a page that may differ between two readings.
VOLATILE = re.compile(
    r'nonce="[^"]*"|name="csrfmiddlewaretoken" value="[^"]*"|"x-csrftoken": "[^"]*"'
)


def pages_seen_by_watchers(clients, innovation) -> list[str]:
    """What the watchers read: the innovation page, the dashboard and the team's home."""
    urls = [reverse("innovations:detail", args=[innovation.pk]), reverse("home")]
    return [VOLATILE.sub("", c.get(url).content.decode()) for c in clients for url in urls]


def test_watching_between_answers_reveals_no_answer(
    client_for, pulse, school, schoolleider, teacher_leader, teamlid
):
    """Non-interference: after each colleague answers, the pages read by the schoolleider
    (dashboard), the owner and a teamlid are the same whatever that colleague answered. If
    any figure, chart or comment depended on the answer, the two readings would differ."""
    watchers = [client_for(schoolleider), client_for(teacher_leader), client_for(teamlid)]
    for number, person in enumerate(team(school, 7)):
        readings = []
        for willen, kunnen, comment in ((1, 1, "Veel te snel"), (5, 5, "")):
            with transaction.atomic():
                services.pulse_answer(
                    pulse=pulse, person=person, willen=willen, kunnen=kunnen, comment=comment
                )
                readings.append(pages_seen_by_watchers(watchers, pulse.innovation))
                transaction.set_rollback(True)
        assert readings[0] == readings[1], f"answer {number + 1} can be read from the pages"
        services.pulse_answer(pulse=pulse, person=person, willen=3, kunnen=3)
    assert "Veel te snel" not in "".join(readings[0])
    services.pulse_close(pulse=pulse, by=teacher_leader)
    detail = watchers[2].get(reverse("innovations:detail", args=[pulse.innovation_id]))
    assert "Willen (veranderbereidheid): 3,0" in visible_text(detail)
