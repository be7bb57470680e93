"""The board's sign-in settings: providers set up, tested and switched, passwords and MFA."""

from allauth.socialaccount.models import SocialAccount
from django.urls import reverse

from tests.oidc.fixtures import back_from_provider, make_provider
from tlschool.accounts.models import IdentityProvider


def test_adding_an_entra_provider_fills_the_issuer_from_the_tenant(client, schoolleider):
    client.force_login(schoolleider)
    response = client.post(
        reverse("identity_provider_add"),
        {
            "kind": "entra",
            "label": "Microsoft-account",
            "allowed": "0f1e2d3c-aaaa-bbbb-cccc-1234567890ab\n",
            "email_domains": "regenboog.nl",
            "client_id": "abc",
            "client_secret": "geheim",
            "is_enabled": "on",
        },
    )
    assert response.status_code == 302
    provider = IdentityProvider.objects.get()
    assert provider.issuer == (
        "https://login.microsoftonline.com/0f1e2d3c-aaaa-bbbb-cccc-1234567890ab/v2.0"
    )
    # Changing it without typing the secret again keeps the secret.
    response = client.post(
        reverse("identity_provider_edit", args=[provider.pk]),
        {
            "kind": "entra",
            "label": "Inloggen met Microsoft",
            "allowed": "0f1e2d3c-aaaa-bbbb-cccc-1234567890ab",
            "issuer": provider.issuer,
            "client_id": "abc",
            "client_secret": "",
            "is_enabled": "on",
        },
    )
    provider.refresh_from_db()
    assert response.status_code == 302 and provider.client_secret == "geheim"


def test_bad_provider_settings_get_clear_messages(client, schoolleider):
    client.force_login(schoolleider)
    response = client.post(
        reverse("identity_provider_add"),
        {
            "kind": "entree",
            "label": "Entree",
            "allowed": "12AB\nschool",
            "client_id": "x",
            "client_secret": "y",
            "issuer": "http://entree.example.nl/",
        },
    )
    assert response.status_code == 422
    errors = response.context["form"].errors
    assert "school" in errors["allowed"][0] and "https://" in errors["issuer"][0]
    assert not IdentityProvider.objects.exists()


def test_passwords_go_off_only_with_a_provider_in_use(client, schoolleider, school, entra):
    client.force_login(schoolleider)
    entra.is_enabled = False
    entra.save()
    response = client.post(reverse("sign_in_settings"), {"two_factor_for_leaders": "on"})
    assert response.status_code == 422
    school.board.refresh_from_db()
    assert school.board.password_sign_in
    entra.is_enabled = True
    entra.save()
    response = client.post(reverse("sign_in_settings"), {"two_factor_for_leaders": "on"})
    school.board.refresh_from_db()
    assert response.status_code == 302 and not school.board.password_sign_in
    # And its last provider cannot be removed while passwords are off.
    client.post(reverse("identity_provider_remove", args=[entra.pk]))
    assert IdentityProvider.objects.filter(pk=entra.pk).exists()
    # Nor taken out of use.
    response = client.post(
        reverse("identity_provider_edit", args=[entra.pk]),
        {
            "kind": "entra",
            "label": entra.label,
            "allowed": entra.allowed,
            "issuer": entra.issuer,
            "client_id": entra.client_id,
            "client_secret": "",
        },
    )
    entra.refresh_from_db()
    assert response.status_code == 422 and response.context["form"].errors["is_enabled"]
    assert entra.is_enabled


def test_the_test_button_shows_what_came_back_without_signing_in_or_linking(
    client, schoolleider, school, oidc
):
    provider = make_provider(oidc, school.board, "entra", "tenant-a")
    client.force_login(schoolleider)
    start = client.get(reverse("identity_provider_test", args=[provider.pk]))
    to_provider = client.get(start["Location"])
    done = back_from_provider(client, to_provider["Location"], "bram")
    assert done["Location"] == reverse("identity_provider_tested", args=[provider.pk])
    page = client.get(done["Location"]).content.decode()
    assert "tenant-b" in page and "niet heeft toegestaan" in page
    assert client.get(reverse("profile")).context["user"] == schoolleider
    assert not SocialAccount.objects.exists()


def test_the_sign_in_pages_keep_their_number_of_queries_as_providers_are_added(
    client, schoolleider, school, oidc
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def counts():
        client.force_login(schoolleider)
        result = []
        for url in (
            reverse("sign_in_settings"),
            reverse("login_board", kwargs={"board": school.board.slug}),
            reverse("login_providers") + "?username=a@regenboog.nl",
        ):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            result.append(len(queries))
        return result

    make_provider(oidc, school.board, "entra", "tenant-a", email_domains="regenboog.nl")
    few = counts()
    for number in range(8):
        make_provider(
            oidc,
            school.board,
            "oidc",
            "",
            label=f"Aanbieder {number}",
            email_domains="regenboog.nl",
        )
    assert counts() == few
