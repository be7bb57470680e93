"""Password accounts: the second step (TOTP and recovery codes) and the board's rules for them."""

import time

import pyotp
from django.urls import reverse

from tests.conftest import PASSWORD
from tests.factories import member
from tests.totp import current_code


def password_log_in(client, username, password=PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


def activate_totp(client):
    """Set up an authenticator app as a person would: read the secret, type its code."""
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = page.context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert response.status_code == 302, response.content[:400]
    return secret


def recovery_codes(client):
    page = client.get(reverse("mfa_view_recovery_codes"))
    assert page.status_code == 200
    return page.context["unused_codes"]


def test_a_schoolleider_sets_up_the_second_step_before_anything_else_opens(client, schoolleider):
    assert password_log_in(client, "schoolleider").status_code == 302
    response = client.get(reverse("overview:dashboard"))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")
    activate_totp(client)
    assert client.get(reverse("overview:dashboard")).status_code == 200


def test_a_part_of_a_page_waits_quietly_while_the_second_step_is_set_up(client, schoolleider):
    """The menu's count must not open the set-up page behind the person's back: that would
    make a new secret and the code they are typing would no longer fit."""
    password_log_in(client, "schoolleider")
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret
    count = client.get(reverse("overview:waiting_count"), headers={"HX-Request": "true"})
    assert count.status_code == 204 and count.content == b""
    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert response.status_code == 302


def test_with_the_app_set_up_signing_in_asks_a_code_and_takes_a_recovery_code_once(
    client, schoolleider, settings
):
    settings.MFA_TOTP_TOLERANCE = 1  # the next period's code, since the set-up used this one
    password_log_in(client, "schoolleider")
    secret = activate_totp(client)
    codes = recovery_codes(client)
    assert len(codes) == 10
    client.logout()

    response = password_log_in(client, "schoolleider")
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("overview:dashboard")).status_code == 302  # not signed in yet
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200 and wrong.context["form"].errors
    totp = pyotp.TOTP(secret)
    code = totp.at(time.time() + totp.interval)
    assert client.post(reverse("mfa_authenticate"), {"code": code}).status_code == 302
    assert client.get(reverse("overview:dashboard")).status_code == 200
    client.logout()

    # Phone lost: a recovery code, once.
    password_log_in(client, "schoolleider")
    assert client.post(reverse("mfa_authenticate"), {"code": codes[0]}).status_code == 302
    assert client.get(reverse("overview:dashboard")).status_code == 200
    client.logout()
    password_log_in(client, "schoolleider")
    again = client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert again.status_code == 200 and again.context["form"].errors


def test_the_second_step_is_optional_for_teachers_and_a_board_setting_for_leaders(
    client, teamlid, schoolleider, school
):
    password_log_in(client, "teamlid")
    assert client.get(reverse("home")).status_code == 200
    client.logout()
    school.board.two_factor_for_leaders = False
    school.board.save()
    password_log_in(client, "schoolleider")
    assert client.get(reverse("overview:dashboard")).status_code == 200


def test_a_board_that_switched_passwords_off_opens_nothing_to_the_right_password(
    client, teamlid, school
):
    school.board.password_sign_in = False
    school.board.save()
    response = password_log_in(client, "teamlid")
    assert response.status_code == 200
    assert "niet met een wachtwoord" in response.content.decode()
    assert client.get(reverse("home")).status_code == 302


def test_the_login_page_offers_the_board_buttons_by_domain_and_never_by_account(
    client, entra, school
):
    member(school, "teamlid", "anna", "Anna", email="anna@regenboog.nl")
    known = client.get(reverse("login_providers"), {"username": "anna@regenboog.nl"})
    unknown = client.get(reverse("login_providers"), {"username": "niemand@regenboog.nl"})
    assert "Microsoft-account" in known.content.decode()
    assert known.content == unknown.content
    other = client.get(reverse("login_providers"), {"username": "anna@elders.nl"})
    assert "Microsoft-account" not in other.content.decode()
    # Without JavaScript: the button under the address field asks the same.
    page = client.post(reverse("login"), {"username": "anna@regenboog.nl", "find_account": "1"})
    assert page.status_code == 200 and "Microsoft-account" in page.content.decode()
    assert not page.context["form"].errors
    # The board's own sign-in address shows its buttons at once.
    board_page = client.get(reverse("login_board", kwargs={"board": school.board.slug}))
    assert "Microsoft-account" in board_page.content.decode()


def test_guessing_codes_stops_after_five_tries_even_for_the_right_one(client, schoolleider):
    password_log_in(client, "schoolleider")
    secret = activate_totp(client)
    client.logout()
    password_log_in(client, "schoolleider")
    for guess in ("111111", "222222", "333333", "444444", "555555"):
        assert client.post(reverse("mfa_authenticate"), {"code": guess}).status_code == 200
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 200 and response.context["form"].errors
    assert client.get(reverse("overview:dashboard")).status_code == 302
