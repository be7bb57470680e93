import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


def test_teamlid_logs_in_and_sees_the_dutch_home_page(log_in_as, teamlid, page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    assert_accessible(page)
    log_in_as("teamlid")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom, Thomas Bakker")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_text("Je werkt in OBS De Regenboog als teamlid.").first).to_be_visible()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    assert_accessible(page)
