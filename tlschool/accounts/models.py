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

    class Meta:
        ordering = ["full_name", "username"]

    def __str__(self):
        return self.full_name or self.get_full_name() or self.username


class LoginFailure(models.Model):
    """One failed log-in, kept for throttling. Old rows are pruned when new ones arrive."""

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["ip_address", "created_at"], name="login_failure_address")]

    def __str__(self):
        return f"{self.username} at {self.created_at:%Y-%m-%d %H:%M}"
