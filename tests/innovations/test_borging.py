"""The borgingskaart (page and A4 PDF), the quality handbook and its reviews."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from innovations import services
from innovations.models import BorgingReview
from innovations.stages import Stage
from tests.conftest import visible_text
from tests.factories import make_innovation

TODAY = timezone.localdate()


def anchored(school, owner, guardian, title, theme, review_in_days, **fields):
    innovation = make_innovation(
        school,
        owner,
        title=title,
        aanleiding="Te weinig leesplezier in groep 6",
        stage=Stage.BORGEN,
        borging_agreements="Elke ochtend 15 minuten vrij lezen",
        borging_anchor="kwaliteitskaart",
        borging_guardian=guardian,
        borging_review_on=TODAY + timedelta(days=review_in_days),
        borging_theme=theme,
        borging_in_class="Na de kring, iedereen met een eigen boek",
        borging_monitoring_showed="Leesplezier van 55% naar 72%",
        **fields,
    )
    criterion = services.criterion_add(
        innovation=innovation, by=None, name="Leesplezier", target=Decimal("70"), unit="%"
    )
    services.monitoring_add(
        innovation=innovation,
        by=None,
        values={criterion: Decimal("72")},
        observed_on=TODAY - timedelta(days=10),
        method="survey",
        findings="Leesenquête groep 6",
        evidence_url="https://example.org/enquete",
    )
    return innovation


@pytest.fixture
def card(school, teacher_leader, teamlid):
    return anchored(school, teacher_leader, teamlid, "Vrij lezen", "Lezen", 30)


def test_the_borgingskaart_holds_the_agreement_why_class_guardian_review_and_evidence(
    login, card, teamlid
):
    text = visible_text(login(teamlid).get(reverse("innovations:card", args=[card.pk])))
    for expected in (
        "Borgingskaart: Vrij lezen",
        "De afspraak Elke ochtend 15 minuten vrij lezen",
        "Waarom Te weinig leesplezier in groep 6",
        "Wat de monitoring liet zien Leesplezier van 55% naar 72% Leesplezier: 72% (streefwaarde 70%, gehaald)",
        "Zo doen we het in de klas Na de kring, iedereen met een eigen boek",
        f"Bewaakt door {teamlid} · verankerd in kwaliteitskaart",
        "Leesenquête groep 6 link",
        "Nog niet geëvalueerd.",
    ):
        assert expected in text, expected


def test_the_pdf_is_one_a4_page_with_the_card(login, card, teamlid):
    response = login(teamlid).get(reverse("innovations:card_pdf", args=[card.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="borgingskaart-vrij-lezen.pdf"' in response["Content-Disposition"]
    reader = PdfReader(__import__("io").BytesIO(response.content))
    assert len(reader.pages) == 1
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = reader.pages[0].extract_text()
    assert "Borgingskaart: Vrij lezen" in text and "Elke ochtend 15 minuten vrij lezen" in text


def test_a_card_of_the_longest_texts_stays_one_page(login, school, teacher_leader, teamlid):
    long = "woord " * 900
    innovation = anchored(school, teacher_leader, teamlid, "Lang", "Lezen", 30, goal=long)
    innovation.borging_agreements = innovation.borging_in_class = long
    innovation.borging_monitoring_showed = innovation.aanleiding = long
    innovation.save()
    for day in range(8):
        services.monitoring_add(
            innovation=innovation,
            by=None,
            values={},
            method="observation",
            findings=long,
            evidence_url="https://example.org/x",
            observed_on=TODAY - timedelta(days=day),
        )
    response = login(teamlid).get(reverse("innovations:card_pdf", args=[innovation.pk]))
    assert len(PdfReader(__import__("io").BytesIO(response.content)).pages) == 1


def test_the_guardian_records_a_review_that_moves_the_date_and_keeps_the_history(
    login, card, teamlid, schoolleider
):
    next_review = TODAY + timedelta(days=180)
    response = login(teamlid).post(
        reverse("innovations:card", args=[card.pk]),
        {
            "reviewed_on": TODAY.isoformat(),
            "findings": "Gebeurt in alle groepen; groep 8 leest liever strips",
            "next_review_on": next_review.isoformat(),
        },
        follow=True,
    )
    assert "De evaluatie is vastgelegd" in response.text
    card.refresh_from_db()
    assert card.borging_review_on == next_review
    login(schoolleider).post(
        reverse("innovations:card", args=[card.pk]),
        {
            "reviewed_on": (TODAY + timedelta(days=1)).isoformat(),
            "findings": "Tweede keer bekeken",
            "next_review_on": (next_review + timedelta(days=10)).isoformat(),
        },
    )
    text = visible_text(login(teamlid).get(reverse("innovations:card", args=[card.pk])))
    assert text.index("Tweede keer bekeken") < text.index("groep 8 leest liever strips")
    assert BorgingReview.objects.filter(innovation=card).count() == 2


def test_a_review_before_its_own_date_is_refused_in_the_form(login, card, teacher_leader):
    response = login(teacher_leader).post(
        reverse("innovations:card", args=[card.pk]),
        {"reviewed_on": TODAY.isoformat(), "findings": "x", "next_review_on": TODAY.isoformat()},
    )
    assert response.status_code == 422
    assert "De volgende evaluatie komt na deze." in visible_text(response)
    card.refresh_from_db()
    assert card.borging_review_on == TODAY + timedelta(days=30)


def test_a_teamlid_who_does_not_guard_it_reads_but_does_not_review(
    login, school, card, schoolleider
):
    from tests.factories import member

    other = member(school, "teamlid", "ander", "Ander Teamlid")
    client = login(other)
    assert client.get(reverse("innovations:card", args=[card.pk])).status_code == 200
    assert "Een evaluatie vastleggen" not in visible_text(
        client.get(reverse("innovations:card", args=[card.pk]))
    )
    response = client.post(reverse("innovations:card", args=[card.pk]), {"findings": "x"})
    assert response.status_code == 403


def test_an_innovation_before_borgen_has_no_card(login, school, teacher_leader):
    innovation = make_innovation(school, teacher_leader, title="Nog bezig")
    assert (
        login(teacher_leader).get(reverse("innovations:card", args=[innovation.pk])).status_code
        == 404
    )


def test_the_handbook_lists_cards_by_theme_with_review_dates(
    login, school, card, teacher_leader, teamlid, django_assert_max_num_queries
):
    anchored(school, teacher_leader, teamlid, "Rekenkring", "Rekenen", -3)
    anchored(school, teacher_leader, teamlid, "Stillezen", "Lezen", 5)
    client = login(teamlid)
    with django_assert_max_num_queries(12):
        text = visible_text(client.get(reverse("innovations:handbook")))
    assert text.index("Lezen") < text.index("Rekenen")
    # Within a theme the soonest review first; an overdue one is marked.
    assert text.index("Stillezen") < text.index("Vrij lezen")
    assert "Rekenkring" in text and "te laat" in text


def test_the_handbook_keeps_its_queries_as_cards_grow(
    login, school, teacher_leader, teamlid, django_assert_num_queries
):
    client = login(teamlid)
    anchored(school, teacher_leader, teamlid, "Eén", "Lezen", 5)
    client.get(reverse("innovations:handbook"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("innovations:handbook"))
    for number in range(6):
        anchored(school, teacher_leader, teamlid, f"Kaart {number}", f"Thema {number}", number)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("innovations:handbook"))
    assert len(many) == len(few)
