import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.factories import log_session, make_innovation, make_plg

pytestmark = pytest.mark.browser


def test_schoolleider_forgets_a_colleague_who_left_and_finds_the_name_nowhere(
    page_for, live_server, school, schoolleider, teacher_leader, teamlid
):
    plg = make_plg(school, teacher_leader, members=[teamlid])
    log_session(
        plg,
        teacher_leader,
        present=[teamlid],
        agreements=[("Kijkwijzer maken", teamlid, 3)],
        learned="Thomas Bakker liet de kijkwijzer zien",
    )
    make_innovation(school, teamlid, title="Techniekcircuit")

    leader = page_for("schoolleider")
    leader.goto(f"{live_server.url}/team/")
    leader.get_by_role("link", name="verwijderen Thomas Bakker").click()
    leader.get_by_role("button", name="Uit de school verwijderen").click()
    expect(leader.get_by_role("table", name="Van school gegaan")).to_contain_text("Thomas Bakker")

    leader.get_by_role("link", name="vergeten Thomas Bakker").click()
    expect(leader.get_by_role("heading", name="Thomas Bakker vergeten")).to_be_visible()
    assert_accessible(leader)
    leader.get_by_role("button", name="Thomas Bakker vergeten").click()
    expect(leader.get_by_text("de gegevens van de school noemen nu Oud-teamlid 1")).to_be_visible()

    for path in (
        "/team/",
        "/team/history/",
        f"/plg/{plg.pk}/",
        "/plg/agreements/",
        "/innovations/",
        "/",
    ):
        leader.goto(f"{live_server.url}{path}")
        expect(leader.locator("body")).not_to_contain_text("Thomas Bakker")
    leader.goto(f"{live_server.url}/plg/{plg.pk}/")
    expect(leader.locator("body")).to_contain_text("Oud-teamlid 1 liet de kijkwijzer zien")
