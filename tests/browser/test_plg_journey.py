from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from plg.models import Session
from tests.browser.conftest import assert_accessible
from tests.factories import make_plg

pytestmark = pytest.mark.browser


def test_teacher_leader_logs_a_session_and_the_team_reads_the_learnings(
    page_for, live_server, school, teacher_leader, teamlid
):
    plg = make_plg(school, teacher_leader, members=[teamlid])
    tl = page_for("teacher_leader")
    tl.goto(f"{live_server.url}/plg/{plg.pk}/")
    tl.get_by_role("link", name="Bijeenkomst vastleggen").click()
    assert_accessible(tl)

    tl.get_by_label("Duur (minuten)").fill("60")
    tl.get_by_label("Wat we uitprobeerden").fill("Drieslagmodel in groep 5")
    tl.get_by_label("Wat we leerden").fill("Kinderen die tekenen, leggen beter uit")
    due = (timezone.localdate() + timedelta(days=7)).isoformat()
    rows = [("Lesbezoek plannen", "Thomas Bakker"), ("Kijkwijzer delen", "Sanne Jansen")]
    for index, (text, owner) in enumerate(rows):
        tl.locator(f"#id_agreements-{index}-text").fill(text)
        tl.locator(f"#id_agreements-{index}-owner").select_option(label=owner)
        tl.locator(f"#id_agreements-{index}-due_on").fill(due)
    tl.get_by_role("button", name="Bijeenkomst opslaan").click()
    expect(tl.get_by_text("De bijeenkomst is opgeslagen")).to_be_visible()
    expect(tl.get_by_text("Lesbezoek plannen")).to_be_visible()
    expect(tl.get_by_text("Kijkwijzer delen")).to_be_visible()

    tl.goto(f"{live_server.url}/plg/{plg.pk}/sessions/new/")
    carried = tl.get_by_role("group", name="Afspraken uit eerdere bijeenkomsten die klaar zijn")
    expect(carried).to_contain_text("Lesbezoek plannen")
    expect(carried).to_contain_text("Kijkwijzer delen")

    member = page_for("teamlid")
    member.goto(f"{live_server.url}/plg/{plg.pk}/")
    member.get_by_role("link", name=timezone.localdate().strftime("%Y"), exact=False).first.click()
    expect(member.get_by_text("Kinderen die tekenen, leggen beter uit")).to_be_visible()
    assert_accessible(member)


def test_typing_is_kept_as_a_draft_without_pressing_save(
    page_for, live_server, school, teacher_leader, teamlid
):
    plg = make_plg(school, teacher_leader, members=[teamlid])
    tl = page_for("teacher_leader")
    tl.goto(f"{live_server.url}/plg/{plg.pk}/sessions/new/")
    tl.get_by_label("Wat we uitprobeerden").fill("Rekenspel met dobbelstenen in groep 4")
    tl.get_by_label("Duur (minuten)").click()  # leaving the field saves the draft
    expect(tl.locator("#autosave")).to_contain_text("Concept bewaard om")
    first_revision = tl.locator("#revision").input_value()
    tl.get_by_label("Wat we leerden").fill("Tellen met twee dobbelstenen is te moeilijk")
    tl.get_by_label("Duur (minuten)").click()
    expect(tl.locator("#revision")).not_to_have_value(first_revision)
    assert Session.objects.filter(plg=plg).count() == 1  # the same draft, saved again

    tl.goto(f"{live_server.url}/plg/{plg.pk}/")  # walk away without saving
    tl.get_by_role("link", name="Bijeenkomst vastleggen").click()
    tl.get_by_role("link", name="Maak dat concept af").click()
    expect(tl.get_by_label("Wat we uitprobeerden")).to_have_value(
        "Rekenspel met dobbelstenen in groep 4"
    )


def test_more_agreements_than_the_empty_rows_in_one_go(
    page_for, live_server, school, teacher_leader, teamlid
):
    plg = make_plg(school, teacher_leader, members=[teamlid])
    tl = page_for("teacher_leader")
    tl.goto(f"{live_server.url}/plg/{plg.pk}/sessions/new/")
    tl.get_by_label("Duur (minuten)").fill("45")
    tl.get_by_label("Wat we leerden").fill("Vier dingen om te doen")
    add = tl.get_by_role("button", name="Nog een afspraak")
    add.click()
    expect(tl.get_by_label("Afspraak 4", exact=True)).to_be_focused()
    due = (timezone.localdate() + timedelta(days=7)).isoformat()
    texts = ["Rooster maken", "Ouders informeren", "Materiaal bestellen", "Lokaal inrichten"]
    for number, text in enumerate(texts, start=1):
        tl.get_by_label(f"Afspraak {number}", exact=True).fill(text)
        tl.get_by_label(f"Eigenaar {number}", exact=True).select_option(label="Thomas Bakker")
        tl.get_by_label(f"Uiterlijk {number}", exact=True).fill(due)
    tl.get_by_role("button", name="Bijeenkomst opslaan").click()
    expect(tl.get_by_text("De bijeenkomst is opgeslagen")).to_be_visible()
    for text in texts:
        expect(tl.get_by_text(text)).to_be_visible()

    tl.goto(f"{live_server.url}/plg/{plg.pk}/sessions/new/")
    for _ in range(17):  # 3 empty rows and 17 more make the most a session takes
        add.click()
    expect(add).to_be_hidden()
    expect(tl.locator("#agreement-rows tr")).to_have_count(20)
