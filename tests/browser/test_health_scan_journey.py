"""A PLG's health scan in the browser: opened by its leader, answered by a member on a phone,
closed after five answers, the profile read by the schoolleider."""

import pytest
from playwright.sync_api import expect

from plg import services
from plg.health_scan import STATEMENT_KEYS
from tests.factories import make_plg, member
from tlschool.schools.models import Role

pytestmark = pytest.mark.browser


def test_a_health_scan_is_opened_answered_and_closed(
    page_for, live_server, school, schoolleider, teacher_leader, teamlid
):
    others = [member(school, Role.TEAMLID, f"lid{n}", f"Collega {n}") for n in range(4)]
    plg = make_plg(school, teacher_leader, members=[teamlid, *others])
    tl = page_for("teacher_leader")
    tl.goto(f"{live_server.url}/plg/{plg.pk}/")
    tl.get_by_role("button", name="Scan van deze periode openen").click()
    expect(tl.get_by_text("De gezondheidsscan staat open")).to_be_visible()
    scan = plg.health_scans.get()

    colleague = page_for("teamlid")
    colleague.set_viewport_size({"width": 390, "height": 844})
    colleague.goto(f"{live_server.url}/")
    colleague.get_by_role("link", name="Beantwoorden").first.click()
    for group in colleague.get_by_role("radiogroup").all():
        group.get_by_label("4", exact=True).check()
    colleague.get_by_label("Wat zou deze PLG sterker maken?").fill("Vaker bij elkaar in de klas")
    colleague.get_by_role("button", name="Anoniem versturen").click()
    expect(colleague.get_by_text("Je antwoord is anoniem")).to_be_visible()
    assert colleague.evaluate("document.documentElement.scrollWidth") <= 390

    for person in others:
        services.scan_answer(scan=scan, person=person, scores=dict.fromkeys(STATEMENT_KEYS, 3))
    tl.reload()
    expect(tl.get_by_text("5 antwoorden tot nu toe")).to_be_visible()
    asked = []
    tl.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    tl.get_by_role("button", name="Scan sluiten").click()
    expect(tl.get_by_text("De gezondheidsscan is gesloten.")).to_be_visible()
    assert asked and "onder 5 antwoorden" in asked[0]

    leader = page_for("schoolleider")
    leader.goto(f"{live_server.url}/plg/{plg.pk}/#scan")
    profile = leader.locator("#scan table")
    expect(profile).to_contain_text("3,2")  # (4 + 3 × 4) / 5 on every capacity
    leader.get_by_text("Elke uitspraak van", exact=False).click()
    expect(leader.get_by_text("Vaker bij elkaar in de klas")).to_be_visible()
