import re

import pytest
from playwright.sync_api import expect

from innovations import services
from tests.factories import make_innovation, make_plg

pytestmark = pytest.mark.browser


def test_team_member_answers_an_open_pulse_from_the_home_page(
    page_for, live_server, school, teacher_leader, teamlid
):
    plg = make_plg(school, teacher_leader, members=[teamlid])
    innovation = make_innovation(school, teacher_leader, title="Leesgesprekken", plgs=[plg])
    services.pulse_open(innovation=innovation, by=teacher_leader)

    member = page_for("teamlid")
    waiting = member.get_by_role("region", name=re.compile("^Wacht op jou"))
    expect(
        waiting.get_by_text("Een peiling over Leesgesprekken wacht op je antwoord")
    ).to_be_visible()
    waiting.get_by_role("link", name="Beantwoorden").click()
    expect(member.get_by_text("Je antwoord is anoniem")).to_be_visible()
    member.get_by_role("group", name="Willen").get_by_label("4").check()
    member.get_by_role("group", name="Kunnen").get_by_label("2").check()
    member.get_by_role("button", name="Anoniem versturen").click()
    expect(member.get_by_text("Dank je wel. Je antwoord is anoniem.")).to_be_visible()
    expect(
        member.get_by_text("De uitkomst verschijnt pas als de peiling gesloten is")
    ).to_be_visible()
    member.get_by_role("link", name="Start").click()
    expect(member.get_by_role("region", name=re.compile("^Wacht op jou"))).to_have_count(0)
