"""Signing in as people do: through the school's own account at a real OpenID Connect
provider, and with a password and an authenticator app."""

import re
import time

import pyotp
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PAGE_TIMEOUT_MS, assert_accessible, log_in
from tests.factories import member
from tests.totp import current_code
from tlschool.schools import services as school_services
from tlschool.schools.models import Membership

pytestmark = pytest.mark.browser


def at_the_provider(page, login):
    """The provider's own pages: type the login, agree to share."""
    page.locator("input[name=login]").fill(login)
    page.locator("input[name=password]").fill("any")
    page.get_by_role("button", name="Sign-in").click()
    page.get_by_role("button", name="Continue").click()


@pytest.fixture
def offline_page(page):
    """The test provider's pages ask for a web font from elsewhere: nothing leaves here."""
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.route(re.compile(r"^https?://(?!127\.0\.0\.1|localhost)"), lambda route: route.abort())
    return page


def test_a_teacher_signs_in_with_the_school_account_until_she_leaves(
    offline_page, live_server, entra, school, schoolleider
):
    page = offline_page
    anna = member(school, "teamlid", "anna", "Anna de Vries", email="anna@regenboog.nl")
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("E-mailadres of gebruikersnaam").fill("anna@regenboog.nl")
    button = page.get_by_role("link", name="Microsoft-account")
    expect(button).to_be_visible()
    assert_accessible(page)
    button.click()
    at_the_provider(page, "anna")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom, Anna de Vries")

    school_services.member_remove(membership=Membership.objects.get(user=anna), by=schoolleider)
    page.reload()
    expect(page.get_by_text("OBS De Regenboog")).to_have_count(0)
    page.get_by_role("button", name="Uitloggen").click()

    # Signing in again through the provider: the page that says whom to ask.
    page.goto(f"{live_server.url}/accounts/login/{school.board.slug}/")
    page.get_by_role("link", name="Microsoft-account").click()
    if page.locator("input[name=login]").count():
        at_the_provider(page, "anna")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Met dit account kun je nog niet inloggen"
    )
    expect(page.get_by_text("Vraag de schoolleider van je school")).to_be_visible()
    assert_accessible(page)


def test_a_schoolleider_sets_up_the_authenticator_app_and_later_uses_a_recovery_code(
    page, live_server, schoolleider, school, settings
):
    school.board.two_factor_for_leaders = True
    school.board.save()
    settings.MFA_TOTP_TOLERANCE = 1  # the code after the one used to set it up
    log_in(page, live_server.url, "schoolleider")
    expect(page.get_by_text("tweede stap")).to_be_visible()
    secret = page.locator("#authenticator_secret").input_value()
    assert_accessible(page)
    totp = pyotp.TOTP(secret)
    page.locator("input[name=code]").fill(current_code(secret, seconds_needed=10))
    page.locator("form").filter(has=page.locator("input[name=code]")).get_by_role(
        "button"
    ).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Herstelcodes")
    codes = page.locator("#recovery_codes").input_value().split()
    assert_accessible(page)
    assert len(codes) == 10, codes
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, live_server.url, "schoolleider")
    page.locator("input[name=code]").fill(totp.at(time.time() + totp.interval))
    page.locator("input[name=code]").press("Enter")
    page.goto(f"{live_server.url}/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Teacher leadership op OBS De Regenboog"
    )
    page.get_by_role("button", name="Uitloggen").click()

    log_in(page, live_server.url, "schoolleider")
    page.locator("input[name=code]").fill(codes[0])
    page.locator("input[name=code]").press("Enter")
    page.goto(f"{live_server.url}/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Teacher leadership op OBS De Regenboog"
    )
