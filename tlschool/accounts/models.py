from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person at a school. `full_name` holds Dutch names with tussenvoegsels as written."""

    full_name = models.CharField(_("name"), max_length=150, blank=True)
    # The school opened after signing in: the one this person last chose, never one that
    # was added to them.
    last_school = models.ForeignKey(
        "schools.School", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    # The language this person chose with the switch: pages after signing in (on any
    # device) and the e-mails sent to them. Empty: the school's language, Dutch.
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, blank=True)

    class Meta:
        ordering = ["full_name", "username"]

    def __str__(self):
        return self.full_name or self.get_full_name() or self.username

    @property
    def preferred_language(self) -> str:
        return self.language or settings.LANGUAGE_CODE


class LoginFailure(models.Model):
    """One failed log-in, kept for throttling. Old rows are pruned when new ones arrive."""

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["ip_address", "created_at"], name="login_failure_address")]

    def __str__(self):
        return f"{self.username} at {self.created_at:%Y-%m-%d %H:%M}"


class IdentityProvider(models.Model):
    """A board's own sign-in service (OpenID Connect): its people sign in with the account the
    school already gave them. Who may enter is decided here, never at the provider alone."""

    class Kind(models.TextChoices):
        ENTRA = "entra", "Microsoft Entra ID"
        GOOGLE = "google", "Google Workspace"
        ENTREE = "entree", "Entree Federatie"
        OIDC = "oidc", _("Other OpenID Connect provider")

    board = models.ForeignKey(
        "schools.Board", on_delete=models.CASCADE, related_name="identity_providers"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    label = models.CharField(
        _("button text"),
        max_length=80,
        help_text=_("What the sign-in button says, for example 'Microsoft-account van De Boog'."),
    )
    issuer = models.URLField(
        _("issuer URL"),
        max_length=300,
        help_text=_("Filled in for Microsoft and Google; for others, from the provider's set-up."),
    )
    client_id = models.CharField(_("client ID"), max_length=300)
    client_secret = models.CharField(_("client secret"), max_length=500)
    allowed = models.TextField(
        _("allowed tenants, domains or BRIN codes"),
        max_length=2000,
        blank=True,
        help_text=_(
            "One per line. Microsoft: the tenant IDs of the board; Google: the Workspace "
            "domains; Entree: the BRIN codes of the board's schools."
        ),
    )
    email_domains = models.CharField(
        _("e-mail domains"),
        max_length=500,
        blank=True,
        help_text=_(
            "The domains of the board's e-mail addresses, separated by commas: whoever types "
            "such an address on the sign-in page sees this button."
        ),
    )
    is_enabled = models.BooleanField(_("in use"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["board", "label"]

    def __str__(self):
        return f"{self.label} ({self.get_kind_display()})"

    @property
    def provider_id(self) -> str:
        """How allauth names this provider in its URLs and linked accounts."""
        return f"idp{self.pk}"

    @property
    def allowed_values(self) -> set[str]:
        return {line.strip().casefold() for line in self.allowed.splitlines() if line.strip()}

    @property
    def domains(self) -> set[str]:
        return {
            part.strip().lstrip("@").casefold()
            for part in self.email_domains.split(",")
            if part.strip()
        }
