"""Rules that change schools and their teams."""

import logging
from smtplib import SMTPException

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from tlschool.schools.models import Ambition, Membership, Role, School
from tlschool.schools.team_import import ImportPreview

logger = logging.getLogger(__name__)


class TeamRuleError(Exception):
    """A change to the team that the rules refuse; the message is for the user."""


def user_for_email(*, email: str, full_name: str):
    User = get_user_model()
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(username=email[:150], email=email, full_name=full_name.strip())
        user.set_unusable_password()
        user.save()
    return user


def member_add(*, school: School, full_name: str, email: str, role: str, request=None):
    """Add a person to the school and invite them by e-mail to set a password.

    Returns the membership and whether the invitation went out: a mail server that is down
    does not undo the addition; the schoolleider is told to send the link again later.
    """
    with transaction.atomic():
        user = user_for_email(email=email, full_name=full_name)
        membership, created = Membership.objects.get_or_create(
            user=user, school=school, defaults={"role": role}
        )
        if not created:
            raise TeamRuleError(_("%(name)s is already a member of this school.") % {"name": user})
    invited = False
    if request is not None and not user.has_usable_password():
        try:
            invite_send(user=user, request=request)
            invited = True
        except (OSError, SMTPException):
            logger.exception("Invitation e-mail to %s failed", user.email)
    return membership, invited


def member_set_role(*, membership: Membership, role: str) -> Membership:
    if membership.role == Role.SCHOOLLEIDER and role != Role.SCHOOLLEIDER:
        leaders = Membership.objects.filter(school=membership.school, role=Role.SCHOOLLEIDER)
        if leaders.count() <= 1:
            raise TeamRuleError(_("A school keeps at least one schoolleider."))
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    return membership


def member_remove(*, membership: Membership, by) -> None:
    """Someone leaves the school: they lose access at once; what they did stays on record."""
    if membership.user_id == by.pk:
        raise TeamRuleError(_("You cannot remove yourself; ask another schoolleider."))
    if membership.role == Role.SCHOOLLEIDER:
        leaders = Membership.objects.filter(school=membership.school, role=Role.SCHOOLLEIDER)
        if leaders.count() <= 1:
            raise TeamRuleError(_("A school keeps at least one schoolleider."))
    membership.delete()


def invite_send(*, user, request) -> None:
    """E-mail a new colleague a link to choose their password (the reset flow, worded as welcome)."""
    context = {
        "user": user,
        "protocol": "https" if request.is_secure() else "http",
        "domain": request.get_host(),
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }
    subject = render_to_string("registration/invite_subject.txt", context).strip()
    body = render_to_string("registration/invite_email.txt", context)
    send_mail(subject, body, None, [user.email])


def team_import_apply(*, school: School, preview: ImportPreview, request=None) -> int:
    """Write every row, or none: the preview must be free of errors. New colleagues are invited."""
    if not preview.is_valid:
        raise TeamRuleError(_("The file has errors; nothing was imported."))
    added = []
    with transaction.atomic():
        for row in preview.rows:
            user = user_for_email(email=row.email, full_name=row.name)
            _membership, created = Membership.objects.get_or_create(
                user=user, school=school, defaults={"role": row.role}
            )
            if created:
                added.append(user)
    if request is not None:
        for user in added:
            if not user.has_usable_password():
                try:
                    invite_send(user=user, request=request)
                except (OSError, SMTPException):
                    logger.exception("Invitation e-mail to %s failed", user.email)
    return len(added)


def ambition_add(*, school: School, title: str, description: str = "") -> Ambition:
    position = school.ambitions.count() + 1
    return Ambition.objects.create(
        school=school, title=title, description=description, position=position
    )
