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


def test_logout_ends_the_session(client, teamlid):
    log_in(client, "teamlid", PASSWORD)
    response = client.post(reverse("logout"), follow=True)
    assert "U bent uitgelogd" in response.text
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
    assert "Uw wachtwoord is gewijzigd" in response.text
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
