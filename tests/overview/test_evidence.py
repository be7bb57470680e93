"""Evidence for the inspectie and the board: every standard shows its evidence or says there
is none; the standards are data."""

import io
import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from innovations import services as innovation_services
from innovations.stages import Stage
from leaders import services as leader_services
from tests.conftest import visible_text
from tests.factories import log_session, make_innovation, make_plg, make_role
from tests.innovations.test_borging import anchored
from tlschool.overview.models import QualityStandard

TODAY = timezone.localdate()


def programme(school, teacher_leader, teamlid, schoolleider, *, size=1):
    """A schooljaar with quality care (monitoring, a bijstelling, a borgingskaart) and a
    dialogue; no PLG, no scholing, no health scan."""
    for number in range(size):
        innovation = make_innovation(school, teacher_leader, title=f"Leesgesprekken {number}")
        innovation.stage = Stage.MONITOREN
        innovation.save()
        criterion = innovation_services.criterion_add(
            innovation=innovation, by=None, name="Leesplezier", target=Decimal(70)
        )
        entry = innovation_services.monitoring_add(
            innovation=innovation,
            by=None,
            values={criterion: Decimal(60)},
            method="survey",
            findings=f"Enquête {number}",
            observed_on=TODAY - timedelta(days=2),
        )
        innovation_services.adjustment_add(
            innovation=innovation,
            by=None,
            what=f"Leeskring {number}",
            why="60%",
            made_on=TODAY,
            based_on=[entry],
        )
        anchored(school, teacher_leader, teamlid, f"Vrij lezen {number}", "Lezen", 30)
        leader_services.dialogue_note_add(
            school=school,
            person=teacher_leader,
            author=schoolleider,
            held_on=TODAY,
            text=f"Geheim gesprek {number}",
        )


def test_each_school_standard_shows_its_evidence_or_says_there_is_none(
    login, school, schoolleider, teacher_leader, teamlid
):
    programme(school, teacher_leader, teamlid, schoolleider)
    text = visible_text(login(schoolleider).get(reverse("overview:evidence")))
    ka1 = text[text.index("KA1 Kwaliteitszorg") : text.index("KA2 Kwaliteitscultuur")]
    assert "Leesgesprekken 0: observatie" not in ka1  # method is the survey
    assert "Enquête 0" in ka1 and "Leeskring 0 (op grond van de monitoring van" in ka1
    assert "Borgingskaart Vrij lezen 0: 0 evaluaties dit schooljaar" in ka1
    ka2 = text[text.index("KA2 Kwaliteitscultuur") : text.index("KA3 Verantwoording")]
    assert "KA2 Kwaliteitscultuur geen bewijs" in ka2
    assert "Geen bewijs in het programma voor deze standaard dit schooljaar." in ka2
    ka3 = text[text.index("KA3 Verantwoording") :]
    assert "Gesprekken van de schoolleider met teacher leaders: 1, met 1 van hen" in ka3
    assert "Geheim gesprek" not in text  # a dialogue is counted, never shown


def test_the_csv_and_the_pdf_say_the_same_including_the_gaps(
    login, school, schoolleider, teacher_leader, teamlid
):
    programme(school, teacher_leader, teamlid, schoolleider)
    client = login(schoolleider)
    rows = client.get(reverse("overview:evidence_csv")).content.decode("utf-8-sig").splitlines()
    assert rows[0].split(";")[:5] == ["Kader", "Versie", "Standaard", "Titel", "Soort bewijs"]
    ka2 = [row for row in rows if ";KA2;" in row]
    assert ka2 and all("geen bewijs" in row for row in ka2)
    assert any(";KA1;" in row and "Leeskring 0" in row for row in rows)
    pdf = PdfReader(io.BytesIO(client.get(reverse("overview:evidence_pdf")).content))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "KA1 Kwaliteitszorg" in text and "Leeskring 0" in text
    assert "Geen bewijs in het programma voor deze standaard dit schooljaar." in text


def test_a_new_framework_is_a_data_change(login, school, schoolleider, tmp_path):
    framework = {
        "framework": "Onderzoekskader",
        "version": "2027",
        "standards": [
            {
                "level": "school",
                "code": "OK9",
                "title": "Leren van elkaar",
                "evidence_kinds": ["plg_sessions"],
            }
        ],
    }
    path = tmp_path / "kader.json"
    path.write_text(json.dumps(framework))
    call_command("load_quality_framework", str(path))
    text = visible_text(login(schoolleider).get(reverse("overview:evidence")))
    assert "OK9 Leren van elkaar" in text and "KA1" not in text
    assert "Onderzoekskader (2027)" in text
    assert QualityStandard.objects.filter(level="board", is_active=True).count() == 3


def test_a_framework_naming_an_unknown_kind_is_refused(db, tmp_path):
    path = tmp_path / "kader.json"
    path.write_text(
        json.dumps(
            {
                "framework": "X",
                "version": "1",
                "standards": [
                    {"level": "school", "code": "X1", "title": "X", "evidence_kinds": ["koffie"]}
                ],
            }
        )
    )
    with pytest.raises(Exception, match="koffie"):
        call_command("load_quality_framework", str(path))
    assert QualityStandard.objects.filter(code="KA1", is_active=True).exists()


def test_the_board_sees_per_school_how_much_each_standard_holds(
    login, school, other_school, schoolleider, teacher_leader, teamlid, board_staff
):
    other_school.board = school.board
    other_school.save()
    programme(school, teacher_leader, teamlid, schoolleider)
    make_role(school, teacher_leader)
    plg = make_plg(school, teacher_leader, members=[teamlid])
    log_session(plg, teacher_leader)
    text = visible_text(login(board_staff).get(reverse("overview:board_evidence")))
    ska2 = text[text.index("SKA2") : text.index("SKA3")]
    assert "Bijeenkomsten van PLG's" in ska2 or "PLG" in ska2
    ska1 = text[text.index("SKA1") : text.index("SKA2")]
    assert f"Helemaal geen bewijs voor deze standaard: {other_school.name}." in ska1


@pytest.mark.parametrize("name", ["overview:evidence", "overview:board_evidence"])
def test_the_evidence_pages_keep_their_queries_as_the_programme_grows(
    login, school, schoolleider, teacher_leader, teamlid, board_staff, name
):
    client = login(board_staff if name == "overview:board_evidence" else schoolleider)
    programme(school, teacher_leader, teamlid, schoolleider)
    client.get(reverse(name))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse(name))
    programme(school, teacher_leader, teamlid, schoolleider, size=5)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse(name))
    assert len(many) == len(few)
