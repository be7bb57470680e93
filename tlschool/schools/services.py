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

from tlschool.schools.events import member_left
from tlschool.schools.models import Ambition, Invitation, Membership, Role, School
from tlschool.schools.team_import import ImportPreview

logger = logging.getLogger(__name__)


class TeamRuleError(Exception):
    """A change to the team that the rules refuse; the message is for the user."""


def user_for_email(*, email: str, full_name: str):
    """The account of this e-mail address; a new one (without a password) when there is none."""
    User = get_user_model()
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(username=email[:150], email=email, full_name=full_name.strip())
        user.set_unusable_password()
        user.save()
    return user


def member_invite(*, school: School, full_name: str, email: str, role: str, by=None, request=None):
    """Invite a person to the school's team; they become a member when they accept.

    The answer is the same whether the e-mail address already had an account (of this board
    or another) or not, and nothing of an existing account is shown: the school sees the name
    and address it typed. Returns the invitation and whether the e-mail went out: a mail
    server that is down does not undo the invitation.
    """
    email = email.strip().lower()
    if Membership.objects.filter(school=school, user__email__iexact=email).exists():
        raise TeamRuleError(_("%(email)s is already a member of this school.") % {"email": email})
    with transaction.atomic():
        user = user_for_email(email=email, full_name=full_name)
        invitation, created = Invitation.objects.get_or_create(
            user=user,
            school=school,
            defaults={
                "role": role,
                "name_given": full_name.strip(),
                "email_given": email,
                "invited_by": by,
            },
        )
        if not created:
            raise TeamRuleError(_("%(email)s has already been invited.") % {"email": email})
    return invitation, _invitation_mail(invitation, request)


def _invitation_mail(invitation: Invitation, request) -> bool:
    if request is None:
        return False
    try:
        invite_send(invitation=invitation, request=request)
    except (OSError, SMTPException):
        logger.exception("Invitation e-mail for invitation %s failed", invitation.pk)
        return False
    return True


def invitations_for(*, user):
    """The invitations waiting for this person, with their schools."""
    return Invitation.objects.filter(user=user).select_related("school")


def invitation_accept(*, invitation: Invitation, user) -> Membership:
    """The invited person joins the team, signed in as themself; that school opens next."""
    if invitation.user_id != user.pk:
        raise TeamRuleError(_("This invitation is for someone else."))
    with transaction.atomic():
        membership, _created = Membership.objects.get_or_create(
            user=user, school=invitation.school, defaults={"role": invitation.role}
        )
        invitation.delete()
        user.last_school = invitation.school
        user.save(update_fields=["last_school"])
    return membership


def invitation_decline(*, invitation: Invitation, user) -> None:
    if invitation.user_id != user.pk:
        raise TeamRuleError(_("This invitation is for someone else."))
    invitation.delete()


def school_choose(*, user, school: School) -> None:
    """Remember the school this person works in now, for their next sign-in."""
    if user.last_school_id != school.pk:
        user.last_school = school
        user.save(update_fields=["last_school"])


def _check_school_keeps_a_schoolleider(membership: Membership) -> None:
    """Refuse to take away the last schoolleider of a school."""
    if membership.role != Role.SCHOOLLEIDER:
        return
    leaders = Membership.objects.filter(school=membership.school, role=Role.SCHOOLLEIDER)
    if leaders.count() <= 1:
        raise TeamRuleError(_("A school keeps at least one schoolleider."))


def member_set_role(*, membership: Membership, role: str) -> Membership:
    if role != Role.SCHOOLLEIDER:
        _check_school_keeps_a_schoolleider(membership)
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    return membership


def member_remove(*, membership: Membership, by) -> None:
    """Someone leaves the school: they lose access at once; what they did stays on record."""
    if membership.user_id == by.pk:
        raise TeamRuleError(_("You cannot remove yourself; ask another schoolleider."))
    _check_school_keeps_a_schoolleider(membership)
    with transaction.atomic():
        membership.delete()
        member_left.send(sender=Membership, school=membership.school, person=membership.user)


def invite_send(*, invitation: Invitation, request) -> None:
    """E-mail the invitation: a person without a password gets a link to choose one; a person
    with an account signs in and accepts. Only the recipient reads which of the two it is."""
    user = invitation.user
    context = {
        "invitation": invitation,
        "school": invitation.school,
        "user": user,
        "has_password": user.has_usable_password(),
        "protocol": "https" if request.is_secure() else "http",
        "domain": request.get_host(),
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }
    subject = render_to_string("registration/invite_subject.txt", context).strip()
    body = render_to_string("registration/invite_email.txt", context)
    send_mail(subject, body, None, [invitation.email_given])


def team_import_apply(*, school: School, preview: ImportPreview, by=None, request=None) -> int:
    """Invite every row, or none: the preview must be free of errors. Rows of people who are
    already members or already invited are passed over. Returns how many were invited."""
    if not preview.is_valid:
        raise TeamRuleError(_("The file has errors; nothing was imported."))
    invited = []
    with transaction.atomic():
        for row in preview.rows:
            try:
                invitation, _sent = member_invite(
                    school=school, full_name=row.name, email=row.email, role=row.role, by=by
                )
            except TeamRuleError:
                continue
            invited.append(invitation)
    for invitation in invited:
        _invitation_mail(invitation, request)
    return len(invited)


def ambition_add(*, school: School, title: str, description: str = "") -> Ambition:
    position = school.ambitions.count() + 1
    return Ambition.objects.create(
        school=school, title=title, description=description, position=position
    )
