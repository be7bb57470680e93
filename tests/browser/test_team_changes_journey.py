import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.factories import log_session, make_innovation, make_plg

pytestmark = pytest.mark.browser


def test_schoolleider_sees_what_a_leaving_colleague_holds_and_removes_them(
    page_for, live_server, school, schoolleider, teacher_leader, teamlid
):
    plg = make_plg(school, teacher_leader, members=[teamlid])
    log_session(plg, teacher_leader, present=[teamlid], agreements=[("Kijkwijzer", teamlid, 3)])
    make_innovation(school, teamlid, title="Techniekcircuit")

    leader = page_for("schoolleider")
    leader.goto(f"{live_server.url}/team/")
    leader.get_by_role("link", name="verwijderen Thomas Bakker").click()
    expect(leader.get_by_role("heading", name="Thomas Bakker uit")).to_be_visible()
    expect(leader.get_by_role("link", name="Techniekcircuit")).to_be_visible()
    assert_accessible(leader)
    leader.get_by_role("button", name="Uit de school verwijderen").click()
    expect(leader.get_by_text("Thomas Bakker heeft geen toegang meer")).to_be_visible()
    expect(
        leader.get_by_role("table").first.get_by_role("cell", name="Thomas Bakker")
    ).to_have_count(0)
    expect(leader.get_by_role("table", name="Van school gegaan")).to_contain_text("Thomas Bakker")


def test_teacher_leader_discards_a_draft_after_seeing_what_goes(
    page_for, live_server, school, teacher_leader, teamlid
):
    plg = make_plg(school, teacher_leader, members=[teamlid])
    tl = page_for("teacher_leader")
    tl.goto(f"{live_server.url}/plg/{plg.pk}/sessions/new/")
    tl.get_by_label("Wat we uitprobeerden").fill("Half begonnen")
    tl.get_by_role("button", name="Concept bewaren").click()
    tl.get_by_role("link", name="Concept weggooien").click()
    expect(tl.get_by_role("heading", name="Het concept van")).to_be_visible()
    assert_accessible(tl)
    tl.get_by_role("button", name="Concept weggooien").click()
    expect(tl.get_by_text("De bijeenkomst is verwijderd.")).to_be_visible()
    expect(tl.get_by_text("Half begonnen")).to_have_count(0)
