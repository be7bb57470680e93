"""The demo board's sign-in: a provider on this machine (`make demo-provider`, the same
oidc-provider the tests run) beside the demo passwords."""

from tlschool.accounts.models import IdentityProvider

DEMO_PROVIDER_PORT = 9400
DEMO_CLIENT_ID = "tlschool-demo"
DEMO_CLIENT_SECRET = "demo-only-client-secret"
DEMO_TENANT = "demo-tenant"


def seed(*, board) -> IdentityProvider:
    """The demo board signs in with "Microsoft" at the local provider when it runs; with the
    demo passwords always. A second step is not asked in the demo (switch it on to try it)."""
    board.two_factor_for_leaders = False
    board.save(update_fields=["two_factor_for_leaders"])
    provider, _created = IdentityProvider.objects.update_or_create(
        board=board,
        client_id=DEMO_CLIENT_ID,
        defaults={
            "kind": IdentityProvider.Kind.ENTRA,
            "label": "Microsoft-account (demo)",
            "issuer": f"http://127.0.0.1:{DEMO_PROVIDER_PORT}",
            "client_secret": DEMO_CLIENT_SECRET,
            "allowed": DEMO_TENANT,
            "email_domains": "demo.school",
        },
    )
    return provider
