import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


def test_schoolleider_positions_a_teacher_leader_and_the_team_sees_it(
    page_for, live_server, schoolleider, teacher_leader, teamlid, ambition
):
    leader = page_for("schoolleider")
    leader.goto(f"{live_server.url}/leaders/roles/new/")
    assert_accessible(leader)
    leader.get_by_label("leerkracht").select_option(label="Sanne Jansen")
    leader.get_by_label("formeel", exact=True).check()
    leader.get_by_label("titel").fill("Rekencoördinator")
    leader.get_by_label("focus").fill("Rekenonderwijs waarin kinderen begrijpen wat ze doen")
    leader.get_by_label("ambitie").select_option(label="Sterk rekenonderwijs")
    leader.get_by_role("button", name="Opslaan").click()
    expect(leader.get_by_text("Spreek nu het mandaat af")).to_be_visible()
    expect(leader.get_by_text("niet gepositioneerd").first).to_be_visible()

    # A mandate item is added in place (htmx), without a page load.
    leader.get_by_text("Onderdeel van het mandaat toevoegen").click()
    leader.locator("#mandate #id_description").fill("Rekenmethode-onderdelen kiezen")
    leader.locator("#mandate #id_decision").select_option(label="beslist zelf")
    leader.locator("#mandate").get_by_role("button", name="Toevoegen").click()
    expect(leader.locator("#mandate").get_by_text("Rekenmethode-onderdelen kiezen")).to_be_visible()
    leader.get_by_role("button", name="Ik ga akkoord met dit mandaat").click()
    expect(leader.get_by_text("Je akkoord met het mandaat is vastgelegd")).to_be_visible()
    assert_accessible(leader)
    role_url = leader.url

    tl = page_for("teacher_leader")
    tl.goto(role_url)
    tl.get_by_role("button", name="Ik ga akkoord met dit mandaat").click()
    expect(tl.get_by_text("Akkoord van Sanne Jansen (teacher leader)")).to_be_visible()

    member = page_for("teamlid")
    member.goto(f"{live_server.url}/leaders/")
    card = member.get_by_role("article").filter(has_text="Sanne Jansen")
    expect(card).to_contain_text("Rekencoördinator")
    expect(card).to_contain_text("Rekenmethode-onderdelen kiezen")
    expect(card).to_contain_text("beslist zelf")
    assert_accessible(member)

    # Taking something out of the agreed mandate asks first and says what follows.
    leader.goto(role_url)
    asked = []
    leader.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    leader.get_by_role("button", name="Rekenmethode-onderdelen kiezen verwijderen").click()
    expect(leader.locator("#mandate")).to_contain_text("Rekenmethode-onderdelen kiezen")
    assert "nieuwe versie" in asked[0] and "niet gepositioneerd" in asked[0], asked
    leader.once("dialog", lambda dialog: dialog.accept())
    leader.get_by_role("button", name="Rekenmethode-onderdelen kiezen verwijderen").click()
    expect(leader.locator("#mandate")).not_to_contain_text("Rekenmethode-onderdelen kiezen")
    expect(leader.get_by_text("niet gepositioneerd").first).to_be_visible()


def test_the_two_score_alone_meet_agree_and_see_the_trend(
    page_for, live_server, school, schoolleider, teacher_leader
):
    from tests.factories import make_role

    role = make_role(school, teacher_leader)
    url = f"{live_server.url}/leaders/roles/{role.pk}/growth/"
    tl = page_for("teacher_leader")
    tl.goto(url)
    tl.get_by_label("Samenwerkingscultuur", exact=True).select_option("4")
    tl.get_by_role("button", name="Mijn scores opslaan").click()
    expect(tl.get_by_text("Je scores zijn opgeslagen")).to_be_visible()

    head = page_for("schoolleider")
    head.goto(url)
    culture = head.get_by_role("row").filter(has_text="Samenwerkingscultuur")
    expect(culture).to_contain_text("gescoord; zichtbaar zodra jij ook scoort")
    head.get_by_label("Samenwerkingscultuur", exact=True).select_option("3")
    head.get_by_role("button", name="Mijn scores opslaan").click()
    expect(culture).not_to_contain_text("zichtbaar zodra")
    # In their conversation they agree a level and a next step.
    head.get_by_label("Gebied").select_option("culture")
    head.get_by_label("Afgesproken niveau (1–5)").fill("3")
    head.get_by_role("textbox", name="Volgende stap").fill("Een PLG-bijeenkomst zelf leiden")
    head.get_by_role("button", name="Opslaan", exact=True).click()
    expect(
        head.get_by_text("Het afgesproken niveau en de volgende stap zijn opgeslagen")
    ).to_be_visible()
    tl.goto(url)
    expect(tl.get_by_role("row").filter(has_text="Samenwerkingscultuur")).to_contain_text(
        "Een PLG-bijeenkomst zelf leiden"
    )
    expect(tl.locator("#growth-chart-title")).to_have_count(1)
    assert_accessible(tl)
