"""The PLG health scan: anonymous under the pulse's rules, a profile per term for the PLG and
the schoolleider."""

from datetime import date

import pytest
from django.db import transaction
from django.urls import reverse

from plg import services
from plg.health_scan import STATEMENT_KEYS, STATEMENTS, term_of
from plg.models import HealthScan, HealthScanAnswer
from tests.conftest import visible_text
from tests.factories import make_plg, member
from tests.innovations.test_pulse import VOLATILE
from tlschool.schools.models import Role


@pytest.fixture
def colleagues(school):
    return [member(school, Role.TEAMLID, f"plg{n}", f"Collega {n}") for n in range(7)]


@pytest.fixture
def plg(school, teacher_leader, colleagues):
    return make_plg(school, teacher_leader, members=colleagues)


def scores(personal, interpersonal, organisational):
    by_letter = {"p": personal, "i": interpersonal, "o": organisational}
    return {key: by_letter[key[0]] for key in STATEMENT_KEYS}


def answer_form(value, open_answer=""):
    return {**dict.fromkeys(STATEMENT_KEYS, str(value)), "open_answer": open_answer}


def test_terms_are_named_by_schooljaar_and_period():
    assert str(term_of(date(2026, 9, 14))) == "2026-2027, periode 1"
    assert str(term_of(date(2027, 1, 10))) == "2026-2027, periode 2"
    assert str(term_of(date(2027, 6, 1))) == "2026-2027, periode 3"


def test_a_member_answers_from_the_home_page_and_the_leader_closes_the_scan(
    login, client_for, plg, teacher_leader, schoolleider, colleagues
):
    leader = login(teacher_leader)
    leader.post(reverse("plg:scan_open", args=[plg.pk]))
    scan = HealthScan.objects.get(plg=plg)
    for number, person in enumerate(colleagues[:5]):
        client = client_for(person)
        home = visible_text(client.get(reverse("home")))
        assert f"De gezondheidsscan van {plg.name} wacht op je antwoord (anoniem)." in home
        response = client.post(
            reverse("plg:scan_answer", args=[scan.pk]),
            answer_form(2 + number % 3, "Meer tijd om bij elkaar te kijken" if number == 0 else ""),
            follow=True,
        )
        assert "Je antwoord is anoniem" in response.text
        assert "wacht op je antwoord" not in visible_text(client.get(reverse("home")))
    page = visible_text(leader.get(reverse("plg:detail", args=[plg.pk])))
    assert "5 antwoorden tot nu toe" in page
    assert "Persoonlijke capaciteit" not in page  # nothing of the answers while open

    leader.post(reverse("plg:scan_close", args=[scan.pk]))
    scan.refresh_from_db()
    assert not HealthScanAnswer.objects.exists()  # the raw answers are gone
    for reader in (leader, client_for(schoolleider), client_for(colleagues[6])):
        page = visible_text(reader.get(reverse("plg:detail", args=[plg.pk])))
        # (2+3+4+2+3)/5 = 2,8 on every capacity
        assert (
            "Persoonlijke capaciteit Interpersoonlijke capaciteit Organisatorische capaciteit"
            in page
        )
        assert f"{term_of(scan.opened_on)} 2,8 2,8 2,8 5" in page
        assert "Meer tijd om bij elkaar te kijken" in page


def test_below_five_answers_a_closed_scan_shows_nothing(plg, teacher_leader, colleagues, login):
    scan = services.scan_open(plg=plg, by=teacher_leader)
    for person in colleagues[:4]:
        services.scan_answer(
            scan=scan, person=person, scores=scores(1, 1, 1), open_answer="Eerlijk"
        )
    services.scan_close(scan=scan)
    scan.refresh_from_db()
    assert scan.results == {"answers": 4}
    page = visible_text(login(teacher_leader).get(reverse("plg:detail", args=[plg.pk])))
    assert "gesloten met 4 antwoorden; resultaten zijn er vanaf 5 antwoorden" in page
    assert "Eerlijk" not in page and "1,0" not in page


def test_one_scan_a_term_and_one_answer_a_person(plg, teacher_leader, colleagues):
    scan = services.scan_open(plg=plg, by=teacher_leader)
    with pytest.raises(services.ScanRuleError, match="staat al een gezondheidsscan open"):
        services.scan_open(plg=plg, by=teacher_leader)
    services.scan_answer(scan=scan, person=colleagues[0], scores=scores(3, 3, 3))
    with pytest.raises(services.ScanRuleError, match="al ingevuld"):
        services.scan_answer(scan=scan, person=colleagues[0], scores=scores(5, 5, 5))
    services.scan_close(scan=scan)
    with pytest.raises(services.ScanRuleError, match="deze periode"):
        services.scan_open(plg=plg, by=teacher_leader)
    with pytest.raises(services.ScanRuleError, match="gesloten"):
        services.scan_answer(scan=scan, person=colleagues[1], scores=scores(3, 3, 3))


def test_the_trend_shows_each_term(plg, teacher_leader, colleagues, login):
    for day, value in ((date(2026, 10, 1), 2), (date(2027, 2, 1), 4)):
        scan = services.scan_open(plg=plg, by=teacher_leader, today=day)
        for person in colleagues[:5]:
            services.scan_answer(scan=scan, person=person, scores=scores(value, value + 1, 3))
        services.scan_close(scan=scan)
    page = visible_text(login(teacher_leader).get(reverse("plg:detail", args=[plg.pk])))
    assert "2026-2027, periode 1 2,0 3,0 3,0 5 2026-2027, periode 2 4,0 5,0 3,0 5" in page


def test_a_teamlid_outside_the_plg_neither_answers_nor_reads(login, plg, teacher_leader, teamlid):
    scan = services.scan_open(plg=plg, by=teacher_leader)
    client = login(teamlid)
    assert client.get(reverse("plg:scan_answer", args=[scan.pk])).status_code == 403
    assert "Gezondheidsscan" not in visible_text(client.get(reverse("plg:detail", args=[plg.pk])))


def test_every_statement_needs_a_score_and_nothing_is_kept_without(
    login, plg, teacher_leader, colleagues
):
    scan = services.scan_open(plg=plg, by=teacher_leader)
    data = answer_form(3)
    del data[STATEMENTS[4].key]
    response = login(colleagues[0]).post(reverse("plg:scan_answer", args=[scan.pk]), data)
    assert response.status_code == 422
    assert "Dit veld is verplicht" in visible_text(response)
    assert not HealthScanAnswer.objects.exists() and not scan.participants.exists()


def pages_seen(clients, plg) -> list[str]:
    urls = [reverse("plg:detail", args=[plg.pk]), reverse("home")]
    return [VOLATILE.sub("", c.get(url).content.decode()) for c in clients for url in urls]


def test_watching_between_answers_reveals_no_answer(
    client_for, plg, teacher_leader, schoolleider, colleagues
):
    """After each colleague answers, what the leader, the schoolleider and another member read
    is the same whatever that colleague answered."""
    scan = services.scan_open(plg=plg, by=teacher_leader)
    watchers = [client_for(teacher_leader), client_for(schoolleider), client_for(colleagues[6])]
    for number, person in enumerate(colleagues[:6]):
        readings = []
        for value, text in ((1, "Hier durf ik niets te zeggen"), (5, "")):
            with transaction.atomic():
                services.scan_answer(
                    scan=scan, person=person, scores=scores(value, value, value), open_answer=text
                )
                readings.append(pages_seen(watchers, plg))
                transaction.set_rollback(True)
        assert readings[0] == readings[1], f"answer {number + 1} can be read from the pages"
        services.scan_answer(scan=scan, person=person, scores=scores(3, 3, 3))
    assert "Hier durf ik niets te zeggen" not in "".join(readings[0])
