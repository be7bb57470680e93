"""Who may sign in, and how: a board's own identity providers, passwords and the second step.

The provider says who someone is; this module alone decides whether that person may enter.
Nobody becomes a member of a school by signing in: a provider account is linked to a person
the school added or invited, found once by a verified e-mail address, and from then on by the
provider's own unchanging identifier for that account.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from tlschool.accounts.models import IdentityProvider
from tlschool.parsing import parse_id
from tlschool.schools.models import Board, BoardStaff, Invitation, Membership, Role

Kind = IdentityProvider.Kind

# Entree Federatie releases the school's BRIN code in this attribute.
ENTREE_BRIN_CLAIM = "nlEduPersonHomeOrganizationId"
# The claim that names one account for good: Entra's object ID, Entree's pseudonymous uid,
# the standard `sub` elsewhere. Names and e-mail addresses change and are never used for it.
UID_CLAIM = {Kind.ENTRA: "oid", Kind.ENTREE: "uid"}
GOOGLE_ISSUER = "https://accounts.google.com"
PROVIDER_ID_PREFIX = "idp"


def entra_issuer(tenant_id: str) -> str:
    return f"https://login.microsoftonline.com/{tenant_id}/v2.0"


def uid_claim(provider: IdentityProvider) -> str:
    return UID_CLAIM.get(provider.kind, "sub")


def provider_for_id(provider_id: str | None) -> IdentityProvider | None:
    """The provider behind allauth's `idp<pk>`, if it is in use."""
    if not provider_id or not provider_id.startswith(PROVIDER_ID_PREFIX):
        return None
    pk = parse_id(provider_id.removeprefix(PROVIDER_ID_PREFIX))
    if pk is None:
        return None
    return IdentityProvider.objects.filter(pk=pk, is_enabled=True).select_related("board").first()


def social_app_settings(provider: IdentityProvider) -> dict:
    return {
        "server_url": provider.issuer,
        "uid_field": uid_claim(provider),
        # Entra's userinfo is Microsoft Graph's and lacks `tid`: read the signed ID token.
        "fetch_userinfo": provider.kind != Kind.ENTRA,
        "oauth_pkce_enabled": True,
    }


# What a provider sent back, and why it may not enter.


@dataclass(frozen=True)
class Refusal:
    code: str
    message: str


TENANT_REFUSED = Refusal(
    "tenant", _("This Microsoft account belongs to an organisation this board has not allowed.")
)
DOMAIN_REFUSED = Refusal(
    "domain", _("This Google account belongs to a domain this board has not allowed.")
)
BRIN_REFUSED = Refusal(
    "brin", _("This Entree account belongs to a school this board has not allowed.")
)
UNKNOWN_PERSON = Refusal("unknown", _("Your school has not added this account to its team."))


def claims_refusal(provider: IdentityProvider, claims: dict) -> Refusal | None:
    """Whether the account is of the board's own organisation, checked in code on every
    sign-in (for Entra, the app registration's audience setting is no replacement)."""
    allowed = provider.allowed_values
    if provider.kind == Kind.ENTRA and str(claims.get("tid", "")).casefold() not in allowed:
        return TENANT_REFUSED
    if provider.kind == Kind.GOOGLE and str(claims.get("hd", "")).casefold() not in allowed:
        return DOMAIN_REFUSED
    if (
        provider.kind == Kind.ENTREE
        and str(claims.get(ENTREE_BRIN_CLAIM, "")).casefold() not in allowed
    ):
        return BRIN_REFUSED
    return None


def verified_email(provider: IdentityProvider, claims: dict) -> str | None:
    """The e-mail address the provider vouches for, if any.

    Google and most providers say so in `email_verified`. Entra ID sends no such claim: its
    addresses are set by the tenant's own administrators, and the tenant is checked on the
    allow-list, so its `email` (or the sign-in name) counts as the board's own. Entree sends
    no address by default."""
    if provider.kind == Kind.ENTRA:
        email = claims.get("email") or claims.get("preferred_username")
    elif claims.get("email_verified") in (True, "true"):
        email = claims.get("email")
    else:
        email = None
    if not email or "@" not in str(email):
        return None
    return str(email).strip().lower()


def _board_people(board: Board) -> Q:
    """Anyone the board's schools added or invited, and its staff."""
    return Q(
        Exists(Membership.objects.filter(user=OuterRef("pk"), school__board=board))
        | Exists(Invitation.objects.filter(user=OuterRef("pk"), school__board=board))
        | Exists(BoardStaff.objects.filter(user=OuterRef("pk"), board=board))
    )


def may_enter(user, board: Board) -> bool:
    """Still a person of this board: leaving the school ends provider sign-ins at once."""
    return (
        user.is_active
        and get_user_model().objects.filter(_board_people(board), pk=user.pk).exists()
    )


def person_to_link(provider: IdentityProvider, claims: dict):
    """The one person of the board this account belongs to, found by verified e-mail; None
    when there is none, or more than one (then nobody is guessed)."""
    email = verified_email(provider, claims)
    if email is None:
        return None
    people = list(
        get_user_model().objects.filter(
            _board_people(provider.board), email__iexact=email, is_active=True
        )[:2]
    )
    return people[0] if len(people) == 1 else None


# The sign-in page.


def email_domain(text: str) -> str:
    _name, at, domain = (text or "").strip().rpartition("@")
    return domain.casefold() if at else ""


def providers_for_login(text: str) -> list[IdentityProvider]:
    """The buttons for what was typed: the providers of the board whose e-mail domain it is.
    The answer depends on the domain only, never on whether an account exists."""
    domain = email_domain(text)
    if not domain:
        return []
    candidates = IdentityProvider.objects.filter(
        is_enabled=True, email_domains__icontains=domain
    ).select_related("board")
    return [provider for provider in candidates if domain in provider.domains]


def providers_of_board(board: Board) -> list[IdentityProvider]:
    return list(board.identity_providers.filter(is_enabled=True).select_related("board"))


def _boards_of(user):
    return Board.objects.filter(
        Q(schools__memberships__user=user)
        | Q(staff__user=user)
        | Q(schools__invitations__user=user)
    ).distinct()


def password_allowed(user) -> bool:
    """A board that switched passwords off opens nothing to a password, even the right one."""
    return not _boards_of(user).filter(password_sign_in=False).exists()


def two_factor_required(user) -> bool:
    """Schoolleiders and board staff of a board that asks for it sign in with a second step
    when they use a password."""
    return Board.objects.filter(
        Q(schools__memberships__user=user, schools__memberships__role=Role.SCHOOLLEIDER)
        | Q(staff__user=user),
        two_factor_for_leaders=True,
    ).exists()


def providers_of_user(user) -> list[IdentityProvider]:
    """The providers of every board this person is in, to link an account to on the profile."""
    return list(
        IdentityProvider.objects.filter(is_enabled=True, board__in=_boards_of(user)).select_related(
            "board"
        )
    )


def may_manage_sign_in(access) -> bool:
    """The board's staff set up how its people sign in; at a board of one school, its
    schoolleider does."""
    if access.school is None:
        return False
    if access.board_staff:
        return True
    return (
        access.is_schoolleider
        and not access.school.board.schools.exclude(pk=access.school.pk).exists()
    )


def locks_everyone_out(board: Board, *, password_sign_in=None, without=None) -> bool:
    """Whether a change would leave the board's people no way in: passwords off (now, or as
    `password_sign_in` would set them) and no provider in use but `without`."""
    passwords = board.password_sign_in if password_sign_in is None else password_sign_in
    if passwords:
        return False
    in_use = board.identity_providers.filter(is_enabled=True)
    if without is not None:
        in_use = in_use.exclude(pk=without.pk)
    return not in_use.exists()
