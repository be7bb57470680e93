import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


def test_schoolleider_follows_a_signal_from_the_demo_and_resolves_it(page_for, live_server):
    call_command("seed_demo", "--password", PASSWORD)
    leader = page_for("schoolleider")
    signal = leader.locator("[data-signal=announcement]").filter(has_text="Yusuf Ahmed")
    expect(signal).to_contain_text("Het team weet nog niet wat Yusuf Ahmed")
    assert_accessible(leader)

    signal.get_by_role("link", name="Aankondiging vastleggen").click()
    expect(leader.get_by_role("heading", level=1)).to_contain_text("Yusuf Ahmed")
    # The signal lands on the form itself: opened and focused, nothing to look for.
    expect(leader.locator("#announcement-add")).to_have_attribute("open", "")
    expect(leader.locator("#id_announced_on")).to_be_focused()
    leader.locator("#id_announced_on").fill(timezone.localdate().isoformat())
    leader.locator("#id_channel").select_option(label="teamvergadering")
    leader.locator("#id_text").fill(
        "Yusuf leidt de leesgesprekken; hij mag werkvormen kiezen en collega's uitnodigen."
    )
    leader.locator("#id_text").locator("xpath=ancestor::form").get_by_role(
        "button", name="Opslaan"
    ).click()
    expect(leader.get_by_text("De aankondiging is vastgelegd")).to_be_visible()

    leader.get_by_role("link", name="Dashboard").click()
    expect(leader.get_by_role("heading", name="Vraagt aandacht")).to_be_visible()
    expect(
        leader.locator("[data-signal=announcement]").filter(has_text="Yusuf Ahmed")
    ).to_have_count(0)


def test_board_staff_compare_the_schools_and_change_nothing(page_for, live_server):
    call_command("seed_demo", "--password", PASSWORD)
    staff = page_for("bestuur")
    expect(staff.get_by_role("heading", level=1)).to_have_text(
        "Stichting Primair Onderwijs Rivierenland"
    )
    table = staff.get_by_role(
        "table", name="Alle scholen van het bestuur, op dezelfde manier gemeten"
    )
    expect(table).to_contain_text("OBS De Regenboog")
    expect(table).to_contain_text("CBS De Wegwijzer")
    staff.get_by_role("link", name="Innovaties").click()
    expect(staff.get_by_role("button", name="Verplaatsen")).to_have_count(0)
    expect(staff.get_by_role("link", name="Nieuwe innovatie")).to_have_count(0)
