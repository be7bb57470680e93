import pytest
from django.core import mail
from django.urls import reverse

from tests.conftest import PASSWORD
from tlschool.accounts.models import LoginFailure


def log_in(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password}, follow=True)


def test_login_leads_to_the_dutch_home_page(client, teamlid):
    response = log_in(client, "teamlid", PASSWORD)
    assert response.redirect_chain[-1][0] == reverse("home")
    assert "Welkom, Thomas Bakker" in response.text
    assert "OBS De Regenboog" in response.text


def test_wrong_password_says_so_in_dutch(client, teamlid):
    response = log_in(client, "teamlid", "wrong")
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.text
    assert "_auth_user_id" not in client.session


def test_login_is_refused_after_repeated_failures_even_with_the_right_password(
    client, teamlid, settings
):
    for _attempt in range(settings.LOGIN_FAILURE_LIMIT):
        log_in(client, "teamlid", "wrong")
    response = log_in(client, "teamlid", PASSWORD)
    assert response.status_code == 200
    assert "Te veel mislukte pogingen" in response.text
    assert "_auth_user_id" not in client.session


def test_a_successful_login_clears_earlier_failures(client, teamlid):
    log_in(client, "teamlid", "wrong")
    log_in(client, "teamlid", PASSWORD)
    assert not LoginFailure.objects.filter(username="teamlid").exists()


def log_in_from(client, address, username, password):
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        follow=True,
        REMOTE_ADDR=address,
    )


ATTACKER, SCHOOL = "203.0.113.66", "198.51.100.10"


def test_failures_elsewhere_do_not_lock_the_real_user_out(client, teamlid, settings):
    for attempt in range(settings.LOGIN_FAILURE_LIMIT * 3):
        log_in_from(client, ATTACKER, "TeamLid" if attempt % 2 else "teamlid ", "wrong")
    assert "Te veel mislukte pogingen" in log_in_from(client, ATTACKER, "teamlid", PASSWORD).text
    assert "_auth_user_id" not in client.session
    log_in_from(client, SCHOOL, "teamlid", PASSWORD)
    assert client.session["_auth_user_id"] == str(teamlid.pk)


def test_case_variants_count_as_one_username(client, teamlid, settings):
    for attempt in range(settings.LOGIN_FAILURE_LIMIT):
        log_in_from(client, SCHOOL, ["teamlid", "TEAMLID", "TeamLid"][attempt % 3], "wrong")
    assert "Te veel mislukte pogingen" in log_in_from(client, SCHOOL, "teamLID", PASSWORD).text


def test_one_address_cannot_spray_many_usernames(client, teamlid, settings):
    for number in range(settings.LOGIN_ADDRESS_FAILURE_LIMIT):
        log_in_from(client, ATTACKER, f"collega{number}", "Welkom2026!")
    refused = log_in_from(client, ATTACKER, "teamlid", PASSWORD)
    assert "Te veel mislukte pogingen" in refused.text
    assert "_auth_user_id" not in client.session
    log_in_from(client, SCHOOL, "teamlid", PASSWORD)
    assert client.session["_auth_user_id"] == str(teamlid.pk)


def test_the_throttle_slows_down_and_lets_in_after_the_wait(client, teamlid, settings):
    from datetime import timedelta

    from django.utils import timezone

    for _attempt in range(settings.LOGIN_FAILURE_LIMIT):
        log_in_from(client, SCHOOL, "teamlid", "wrong")
    assert "Wacht 1 minuut" in log_in_from(client, SCHOOL, "teamlid", PASSWORD).text
    LoginFailure.objects.update(created_at=timezone.now() - timedelta(seconds=61))
    log_in_from(client, SCHOOL, "teamlid", PASSWORD)
    assert client.session["_auth_user_id"] == str(teamlid.pk)


def test_a_password_reset_lifts_the_slow_down(client, teamlid, settings):
    import re

    for _attempt in range(settings.LOGIN_FAILURE_LIMIT):
        log_in_from(client, SCHOOL, "teamlid", "wrong")
    client.post(reverse("password_reset"), {"email": teamlid.email})
    link = re.search(r"http://testserver(/accounts/password/reset/\S+)", mail.outbox[0].body)[1]
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "nieuw-wachtwoord-2026", "new_password2": "nieuw-wachtwoord-2026"},
    )
    log_in_from(client, SCHOOL, "teamlid", "nieuw-wachtwoord-2026")
    assert client.session["_auth_user_id"] == str(teamlid.pk)


def test_the_admin_signs_in_through_the_throttled_log_in(client, teamlid, settings):
    teamlid.is_staff = teamlid.is_superuser = True
    teamlid.save()
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next=/admin/"
    for _attempt in range(settings.LOGIN_FAILURE_LIMIT):
        log_in(client, "teamlid", "wrong")
    bypass = client.post("/admin/login/", {"username": "teamlid", "password": PASSWORD})
    assert bypass.status_code == 302 and not client.session.get("_auth_user_id")
    assert client.get("/admin/").status_code == 302  # still to the log-in page


def test_the_admin_is_off_unless_enabled(settings):
    import importlib

    from django.urls import clear_url_caches, resolve
    from django.urls.exceptions import Resolver404

    import tlschool.urls

    settings.ADMIN_ENABLED = False
    try:
        clear_url_caches()
        importlib.reload(tlschool.urls)
        with pytest.raises(Resolver404):
            resolve("/admin/", urlconf=tlschool.urls)
    finally:
        settings.ADMIN_ENABLED = True
        importlib.reload(tlschool.urls)
        clear_url_caches()


def test_pages_behind_sign_in_are_not_stored(login, teamlid, client):
    page = login(teamlid).get(reverse("home"))
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]


def test_logout_ends_the_session(client, teamlid):
    log_in(client, "teamlid", PASSWORD)
    response = client.post(reverse("logout"), follow=True)
    assert "Je bent uitgelogd" in response.text
    assert client.get(reverse("home")).status_code == 302


def test_password_reset_sends_a_link_by_email(client, teamlid):
    response = client.post(reverse("password_reset"), {"email": teamlid.email}, follow=True)
    assert response.status_code == 200
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/" in mail.outbox[0].body


def test_password_change(client, teamlid):
    client.force_login(teamlid)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "een-nieuw-wachtwoord-42",
            "new_password2": "een-nieuw-wachtwoord-42",
        },
        follow=True,
    )
    assert "Je wachtwoord is gewijzigd" in response.text
    teamlid.refresh_from_db()
    assert teamlid.check_password("een-nieuw-wachtwoord-42")


@pytest.mark.django_db
def test_profile_lists_my_schools_and_roles(login, teamlid, other_school):
    from tests.factories import MembershipFactory
    from tlschool.schools.models import Role

    MembershipFactory(user=teamlid, school=other_school, role=Role.TEACHER_LEADER)
    response = login(teamlid).get(reverse("profile"))
    assert "OBS De Regenboog" in response.text
    assert "CBS Andere School" in response.text
    assert "teamlid" in response.text
    assert "teacher leader" in response.text


def test_a_wrong_password_says_so_once_and_marks_no_field(client, teamlid):
    response = log_in(client, "teamlid", "wrong")
    text = response.content.decode()
    assert text.count("Voer een juiste gebruikersnaam en wachtwoord in") == 1
    assert "Controleer de gemarkeerde velden" not in text
