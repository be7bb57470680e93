"""Signing in with the school's own account, through a real OpenID Connect provider."""

import pytest
from allauth.socialaccount.models import SocialAccount
from django.urls import reverse

from tests.factories import UserFactory, member
from tests.oidc.fixtures import make_provider, provider_sign_in
from tlschool.schools import services as school_services
from tlschool.schools.models import Membership


def signed_in_user(client):
    response = client.get(reverse("profile"))
    return response.context["user"] if response.status_code == 200 else None


def test_first_sign_in_links_the_invited_person_and_later_ones_go_by_the_account_id(
    client, entra, school, schoolleider
):
    invitation, _sent = school_services.member_invite(
        school=school, full_name="Anna de Vries", email="Anna@Regenboog.nl", role="teamlid"
    )
    response = provider_sign_in(client, entra, "anna")
    assert response.status_code == 302 and response["Location"] == "/"
    assert signed_in_user(client) == invitation.user
    account = SocialAccount.objects.get(user=invitation.user)
    assert (account.provider, account.uid) == (entra.provider_id, "oid-anna")
    # What is kept of the answer identifies the account, nothing more (no name, no e-mail).
    assert "email" not in account.extra_data and "name" not in account.extra_data
    # The invitation still waits to be accepted: signing in made nobody a member.
    assert not Membership.objects.filter(user=invitation.user).exists()

    # The address changes at the school: the account is still found by its own ID.
    invitation.user.email = "anna.devries@elders.nl"
    invitation.user.save()
    client.logout()
    provider_sign_in(client, entra, "anna")
    assert signed_in_user(client) == invitation.user


def test_an_account_of_another_tenant_is_refused_even_with_a_known_address(client, entra, school):
    member(school, "teamlid", "anna", "Anna de Vries", email="anna@regenboog.nl")
    response = provider_sign_in(client, entra, "bram")
    assert response.status_code == 403
    assert "organisatie" in response.content.decode()
    assert signed_in_user(client) is None
    assert not SocialAccount.objects.exists()


def test_an_unknown_account_gets_the_page_saying_whom_to_ask(client, entra, school):
    response = provider_sign_in(client, entra, "onbekend")
    assert response.status_code == 403
    text = response.content.decode()
    assert "Vraag de schoolleider van je school" in text and "onbekend@regenboog.nl" in text
    assert signed_in_user(client) is None
    assert not SocialAccount.objects.exists()


def test_a_person_removed_from_the_team_is_refused_at_the_next_request_and_sign_in(
    client, entra, school, schoolleider
):
    anna = member(school, "teamlid", "anna", "Anna de Vries", email="anna@regenboog.nl")
    provider_sign_in(client, entra, "anna")
    assert client.get(reverse("home")).status_code == 200
    school_services.member_remove(membership=Membership.objects.get(user=anna), by=schoolleider)
    assert client.get(reverse("leaders:who_leads_what")).status_code == 403
    client.logout()
    response = provider_sign_in(client, entra, "anna")
    assert response.status_code == 403 and signed_in_user(client) is None


def test_an_account_switched_off_at_the_school_opens_no_session_after_the_recheck(
    client, entra, school, oidc, settings
):
    member(school, "teamlid", "anna", "Anna de Vries", email="anna@regenboog.nl")
    provider_sign_in(client, entra, "anna")
    oidc.set_user("anna", disabled=True)
    try:
        session = client.session
        session["signed_in_with_provider"]["at"] -= settings.PROVIDER_SESSION_HOURS * 3600 + 1
        session.save()
        response = client.get(reverse("home"))
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
        start = client.get(
            reverse("openid_connect_login", kwargs={"provider_id": entra.provider_id})
        )
        with pytest.raises(AssertionError):  # the provider itself no longer lets anna in
            provider_sign_in(client, entra, "anna")
        assert start.status_code == 302 and signed_in_user(client) is None
    finally:
        oidc.set_user("anna", disabled=False)


def test_google_needs_the_hosted_domain_and_a_verified_address(client, oidc, school):
    google = make_provider(oidc, school.board, "google", "regenboog.nl")
    gijs = member(school, "teamlid", "gijs", "Gijs", email="gijs@regenboog.nl")
    assert provider_sign_in(client, google, "gerda").status_code == 403  # address not verified
    assert signed_in_user(client) is None
    provider_sign_in(client, google, "gijs")
    assert signed_in_user(client) == gijs
    google.allowed = "andere.nl"
    google.save()
    client.logout()
    assert provider_sign_in(client, google, "gijs").status_code == 403


def test_entree_links_once_from_the_profile_and_checks_the_brin_every_time(client, oidc, school):
    entree = make_provider(oidc, school.board, "entree", "12AB")
    eva = member(school, "teamlid", "eva", "Eva", email="eva@regenboog.nl")
    # Entree sends no address: a first sign-in cannot find her, and says how to link.
    response = provider_sign_in(client, entree, "eva")
    assert (
        response.status_code == 403
        and "Entree stuurt geen e-mailadres" in response.content.decode()
    )
    # Signed in once (with her password), she links Entree on her profile.
    client.force_login(eva)
    response = provider_sign_in(
        client, entree, "eva", process="connect", next_url="/accounts/profile/"
    )
    assert response.status_code == 302
    assert SocialAccount.objects.get(user=eva).uid == "entree-eva-7f3a"
    client.logout()
    provider_sign_in(client, entree, "eva")
    assert signed_in_user(client) == eva
    # An account of a school outside the board's BRIN codes is refused.
    client.logout()
    assert provider_sign_in(client, entree, "erik").status_code == 403


def test_linking_is_refused_for_someone_of_another_board(client, entra, other_school):
    outsider = UserFactory(username="buiten", email="buiten@elders.nl")
    member(other_school, "teamlid", "buiten2", "Buiten", email="x@elders.nl")
    client.force_login(outsider)
    response = provider_sign_in(
        client, entra, "anna", process="connect", next_url="/accounts/profile/"
    )
    assert response.status_code == 403
    assert not SocialAccount.objects.exists()
