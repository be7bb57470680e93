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


# A person types about 5 characters a second.
TYPING_DELAY_MS = 200


def type_into(page, label, text):
    page.get_by_label(label).click()
    page.keyboard.type(text, delay=TYPING_DELAY_MS)


def test_typing_is_kept_as_a_draft_without_pressing_save(
    page_for, live_server, school, teacher_leader, teamlid
):
    plg = make_plg(school, teacher_leader, members=[teamlid])
    tl = page_for("teacher_leader")
    form_url = f"{live_server.url}/plg/{plg.pk}/sessions/new/"
    tl.goto(form_url)
    tried = "Rekenspel met dobbelstenen in groep 4"
    learned = "Tellen met twee dobbelstenen is te moeilijk"
    type_into(tl, "Wat we uitprobeerden", tried)
    type_into(tl, "Wat we leerden", learned)
    tl.reload()  # mid-form, the last letters just typed, no save pressed
    expect(tl.get_by_label("Wat we uitprobeerden")).to_have_value(tried)
    expect(tl.get_by_label("Wat we leerden")).to_have_value(learned)
    expect(tl.locator("#autosave")).to_contain_text("Concept bewaard om")

    more = " en met één gaat het goed"
    type_into(tl, "Wat we leerden", more)
    tl.goto(f"{live_server.url}/plg/{plg.pk}/")  # walk away at once: the page sends the rest
    later = page_for("teacher_leader")  # another device, later
    later.goto(form_url)
    expect(later.get_by_label("Wat we uitprobeerden")).to_have_value(tried)
    expect(later.get_by_label("Wat we leerden")).to_have_value(learned + more)
    expect(later.locator("#autosave")).to_contain_text("is terug")
    assert Session.objects.filter(plg=plg).count() == 1  # one draft, however often it was saved


def test_logging_a_session_costs_few_clicks_beyond_the_typing(
    page_for, live_server, school, teacher_leader, teamlid
):
    """The teacher leader's one-minute job, measured: clicks and seconds beyond typing."""
    import time

    from plg.models import MeetingPlan

    plg = make_plg(school, teacher_leader, members=[teamlid])
    today = timezone.localdate()
    MeetingPlan.objects.create(plg=plg, first_on=today - timedelta(weeks=4), every_weeks=2)
    tl = page_for("teacher_leader")
    tl.goto(f"{live_server.url}/plg/{plg.pk}/")
    clicks, typed = 0, 0

    def click(locator):
        nonlocal clicks
        clicks += 1
        locator.click()

    def write(label, text):
        nonlocal clicks, typed
        clicks += 1
        typed += len(text)
        type_into(tl, label, text)

    started = time.monotonic()
    click(tl.get_by_role("link", name="Bijeenkomst vastleggen"))
    write("Wat we uitprobeerden", "Rekenmuurtjes in groep 5")
    write("Wat we leerden", "Hardop denken helpt de zwakke rekenaars")
    write("Afspraak 1", "Muurtjes in groep 6")
    clicks += 1
    tl.get_by_label("Eigenaar 1", exact=True).select_option(label="Thomas Bakker")
    clicks += 1
    tl.get_by_label("Uiterlijk 1", exact=True).fill((today + timedelta(days=7)).isoformat())
    click(tl.get_by_role("button", name="Bijeenkomst opslaan"))
    expect(tl.get_by_text("De bijeenkomst is opgeslagen")).to_be_visible()
    beyond_typing = time.monotonic() - started - typed * TYPING_DELAY_MS / 1000
    assert clicks <= 10, clicks
    assert beyond_typing <= 15, f"{beyond_typing:.1f} s beyond the typing"
    session = Session.objects.get(plg=plg)
    assert (session.duration_minutes, session.attendance.filter(present=True).count()) == (60, 2)
    print(f"logging a session: {clicks} clicks, {beyond_typing:.1f} s beyond {typed} characters")


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
