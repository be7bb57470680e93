"""Fixtures of the real OpenID Connect provider, for the sign-in tests and journeys."""

from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from tests.oidc import CLIENT_ID, CLIENT_SECRET, OidcProvider, sign_in_at_provider
from tlschool.accounts.models import IdentityProvider

USERS = {
    # A teacher of the board's own Microsoft tenant.
    "anna": {
        "oid": "oid-anna",
        "tid": "tenant-a",
        "email": "anna@regenboog.nl",
        "name": "Anna de Vries",
    },
    # Someone of another organisation's tenant, with the same provider.
    "bram": {"oid": "oid-bram", "tid": "tenant-b", "email": "anna@regenboog.nl"},
    # Of the board's tenant, but nobody the school added.
    "onbekend": {"oid": "oid-onbekend", "tid": "tenant-a", "email": "onbekend@regenboog.nl"},
    # Google Workspace.
    "gijs": {
        "hd": "regenboog.nl",
        "email": "gijs@regenboog.nl",
        "email_verified": True,
        "name": "Gijs",
    },
    "gerda": {"hd": "regenboog.nl", "email": "gijs@regenboog.nl", "email_verified": False},
    # Entree: no e-mail address, a pseudonymous uid and the school's BRIN code.
    "eva": {"uid": "entree-eva-7f3a", "nlEduPersonHomeOrganizationId": "12AB"},
    "erik": {"uid": "entree-erik-91cc", "nlEduPersonHomeOrganizationId": "99ZZ"},
}


@pytest.fixture(scope="session")
def oidc(tmp_path_factory):
    provider = OidcProvider(tmp_path_factory.mktemp("oidc"), USERS).start()
    try:
        yield provider
    finally:
        provider.stop()


def make_provider(oidc, board, kind, allowed, **fields):
    """A board's provider that is the test provider, as `kind` would answer."""
    return IdentityProvider.objects.create(
        board=board,
        kind=kind,
        label=fields.pop("label", IdentityProvider.Kind(kind).label),
        issuer=oidc.issuer,
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        allowed=allowed,
        **fields,
    )


@pytest.fixture
def entra(oidc, school):
    return make_provider(
        oidc,
        school.board,
        IdentityProvider.Kind.ENTRA,
        "tenant-a",
        label="Microsoft-account",
        email_domains="regenboog.nl",
    )


def provider_sign_in(client, provider, login, *, process="login", next_url="/"):
    """A person signs in at `provider` as `login`; the answer of the product's callback."""
    start = client.get(
        reverse("openid_connect_login", kwargs={"provider_id": provider.provider_id}),
        {"process": process, "next": next_url},
    )
    assert start.status_code == 302, start.content[:500]
    return back_from_provider(client, start["Location"], login)


def back_from_provider(client, authorize_url, login):
    callback = sign_in_at_provider(authorize_url, login, stop_at="http://testserver/")
    parts = urlsplit(callback)
    return client.get(f"{parts.path}?{parts.query}")
