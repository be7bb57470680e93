"""Every named URL × every kind of visitor, GET and POST, in one readable table.

Columns: anonymous, teamlid, teacher leader, schoolleider, board staff, and a schoolleider of
another school. The objects belong to the first school; the teacher leader holds the role,
leads the PLG and owns the innovation; the teamlid is a PLG member who attended the session.
POSTs send an empty form: allowed users get the form back with errors (422), a redirect, or
a refusal message; nobody gets a 500.
"""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.quality.conftest import MARKER, PRIVATE

VISITORS = [
    "anonymous",
    "teamlid",
    "teacher_leader",
    "schoolleider",
    "board_staff",
    "other_school_leader",
]
L = 302  # to the log-in page (or another redirect after a POST)
A = 405  # method not allowed

# name: (GET per visitor, POST per visitor)
MATRIX = {
    "home": ((L, 200, 200, 200, L, 200), (L, 200, 200, 200, L, 200)),
    "login": ((200,) * 6, (200,) * 6),
    "logout": ((A,) * 6, (200,) * 6),
    "profile": ((L, 200, 200, 200, 200, 200), (L, 200, 200, 200, 200, 200)),
    "password_change": ((L, 200, 200, 200, 200, 200), (L, 200, 200, 200, 200, 200)),
    "password_change_done": ((L, 200, 200, 200, 200, 200), (L, A, A, A, A, A)),
    "password_reset": ((200,) * 6, (200,) * 6),
    "password_reset_done": ((200,) * 6, (A,) * 6),
    # The link is the teamlid's; logging the teamlid in makes it expire (Django's own rule).
    "password_reset_confirm": ((L, 200, L, L, L, L), (L, 200, L, L, L, L)),
    "password_reset_complete": ((200,) * 6, (A,) * 6),
    "set_language": ((L,) * 6, (L,) * 6),
    "healthz": ((200,) * 6, (A,) * 6),
    "school_switch": ((L, A, A, A, A, A), (L, L, L, L, L, L)),
    "school_settings": ((L, 403, 403, 200, 403, 200), (L, 403, 403, 422, 403, 422)),
    "ambitions": ((L, 200, 200, 200, 200, 200), (L, 403, 403, 422, 403, 422)),
    "ambition_remove": ((L, A, A, A, A, A), (L, 403, 403, L, 403, 404)),
    "team": ((L, 403, 403, 200, 403, 200), (L, 403, 403, 422, 403, 422)),
    "team_import": ((L, 403, 403, 200, 403, 200), (L, 403, 403, 422, 403, 422)),
    "team_history": ((L, 403, 403, 200, 403, 200), (L, 403, 403, 200, 403, 200)),
    "member_role": ((L, A, A, A, A, A), (L, 403, 403, L, 403, 404)),
    "invitation_withdraw": ((L, A, A, A, A, A), (L, 403, 403, L, 403, 404)),
    # The invitation is the other school's schoolleider's: only they accept or decline it.
    "invitations": ((L, 200, 200, 200, 200, 200), (L, 200, 200, 200, 200, 200)),
    "invitation_accept": ((L, A, A, A, A, A), (L, 404, 404, 404, 404, L)),
    "invitation_decline": ((L, A, A, A, A, A), (L, 404, 404, 404, 404, L)),
    "leaders:who_leads_what": ((L, 200, 200, 200, 200, 200), (L, 200, 200, 200, 200, 200)),
    "leaders:role_create": ((L, 403, 403, 200, 403, 200), (L, 403, 403, 422, 403, 422)),
    "leaders:role": ((L, 200, 200, 200, 200, 404), (L, 200, 200, 200, 200, 404)),
    "leaders:role_edit": ((L, 403, 200, 200, 403, 404), (L, 403, L, 422, 403, 404)),
    "leaders:history": ((L, 403, 200, 200, 403, 404), (L, 403, 200, 200, 403, 404)),
    "leaders:mandate_item_add": ((L, A, A, A, A, A), (L, 403, 422, 422, 403, 404)),
    "leaders:mandate_item_remove": ((L, A, A, A, A, A), (L, 403, L, L, 403, 404)),
    "leaders:mandate_agree": ((L, A, A, A, A, A), (L, 403, L, L, 403, 404)),
    "leaders:mandate_version": ((L, 200, 200, 200, 200, 404), (L, 200, 200, 200, 200, 404)),
    "leaders:announcement_add": ((L, A, A, A, A, A), (L, 403, 403, 422, 403, 404)),
    # Colleagues only; the world's role was not announced yet: told so, nothing kept.
    "leaders:recognise": ((L, A, A, A, A, A), (L, L, 403, 403, 403, 404)),
    # Growing into the role: one's own wish (not the schoolleider's, not board staff'); the
    # schoolleider follows the wishes of their own school.
    "leaders:aspiration": ((L, 200, 200, 403, 403, 403), (L, 422, 422, 403, 403, 403)),
    "leaders:aspirations": ((L, 403, 403, 200, 403, 200), (L, A, A, A, A, A)),
    "leaders:growth_step_add": ((L, A, A, A, A, A), (L, 403, 403, 422, 403, 404)),
    # The check-in is the two of them's; the learning goals are the schoolleider's own.
    "leaders:wellbeing_add": ((L, A, A, A, A, A), (L, 403, 422, 422, 403, 404)),
    "leaders:leadership_goals": ((L, 403, 403, 200, 403, 200), (L, 403, 403, 422, 403, 422)),
    # The growth profile: the two of them; an empty POST saves nothing and goes back.
    "leaders:growth": ((L, 403, 200, 200, 403, 404), (L, 403, L, L, 403, 404)),
    "leaders:feedback_ask": ((L, A, A, A, A, A), (L, 403, 403, L, 403, L)),
    # Nothing was asked in the world: the teacher leader's empty answer is told so (422).
    "leaders:feedback_answer": ((L, A, A, A, A, A), (L, 403, 422, 403, 403, 404)),
    "leaders:allotment_set": ((L, A, A, A, A, A), (L, 403, 403, 422, 403, 404)),
    "leaders:time_entry_add": ((L, A, A, A, A, A), (L, 403, 422, 403, 403, 404)),
    "leaders:time_entry_remove": ((L, A, A, A, A, A), (L, 403, L, 403, 403, 404)),
    "leaders:course_add": ((L, A, A, A, A, A), (L, 403, 422, 422, 403, 404)),
    "leaders:course_edit": ((L, 403, 200, 200, 403, 404), (L, 403, 422, 422, 403, 404)),
    "leaders:course_remove": ((L, A, A, A, A, A), (L, 403, L, L, 403, 404)),
    "leaders:assessment_add": ((L, A, A, A, A, A), (L, 403, 422, 403, 403, 404)),
    "leaders:dialogue_add": ((L, A, A, A, A, A), (L, 403, 422, 422, 403, 404)),
    "plg:list": ((L, 200, 200, 200, 200, 200), (L, 200, 200, 200, 200, 200)),
    "plg:create": ((L, 403, 200, 200, 403, 200), (L, 403, 422, 422, 403, 422)),
    "plg:agreements": ((L, 200, 200, 200, 200, 200), (L, 200, 200, 200, 200, 200)),
    "plg:detail": ((L, 200, 200, 200, 200, 404), (L, 200, 200, 200, 200, 404)),
    "plg:edit": ((L, 403, 200, 200, 403, 404), (L, 403, 422, 422, 403, 404)),
    "plg:history": ((L, 403, 200, 200, 403, 404), (L, 403, 200, 200, 403, 404)),
    "plg:schedule": ((L, 403, 200, 200, 403, 404), (L, 403, 422, 422, 403, 404)),
    # An empty post is refused with a message, then back to the plan.
    "plg:schedule_change": ((L, A, A, A, A, A), (L, 403, L, L, 403, 404)),
    "plg:session_new": ((L, 403, 200, 200, 403, 404), (L, 403, 422, 422, 403, 404)),
    "plg:session_edit": ((L, 403, 200, 200, 403, 404), (L, 403, 422, 422, 403, 404)),
    "plg:session_autosave": ((L, A, A, A, A, A), (L, 403, 200, 200, 403, 404)),
    "plg:session": ((L, 200, 200, 200, 200, 404), (L, 200, 200, 200, 200, 404)),
    "plg:session_remove": ((L, 403, 200, 200, 403, 404), (L, 403, L, L, 403, 404)),
    "plg:reflection_add": ((L, A, A, A, A, A), (L, 422, 422, 403, 403, 404)),
    # The health scan: the PLG answers (the world's teamlid already did: told so), its
    # leaders and the schoolleider open and close it (one is open: told so).
    "plg:scan_open": ((L, A, A, A, A, A), (L, 403, L, L, 403, 404)),
    "plg:scan_answer": ((L, 200, 200, 403, 403, 404), (L, 422, 422, 403, 403, 404)),
    "plg:scan_close": ((L, A, A, A, A, A), (L, 403, L, L, 403, 404)),
    "innovations:board": ((L, 200, 200, 200, 200, 200), (L, 200, 200, 200, 200, 200)),
    "innovations:create": ((L, 403, 403, 200, 403, 200), (L, 403, 403, 422, 403, 422)),
    "innovations:detail": ((L, 200, 200, 200, 200, 404), (L, 200, 200, 200, 200, 404)),
    "innovations:edit": ((L, 403, 200, 200, 403, 404), (L, 403, 422, 422, 403, 404)),
    "innovations:move": ((L, A, A, A, A, A), (L, 403, 422, 403, 403, 404)),
    "innovations:plan": ((L, A, A, A, A, A), (L, 403, 422, 403, 403, 404)),
    "innovations:criterion_add": ((L, A, A, A, A, A), (L, 403, 422, 403, 403, 404)),
    "innovations:monitoring_add": ((L, A, A, A, A, A), (L, 422, 422, 403, 403, 404)),
    "innovations:monitoring_remove": ((L, A, A, A, A, A), (L, 403, L, 403, 403, 404)),
    "innovations:criterion_remove": ((L, A, A, A, A, A), (L, 403, L, 403, 403, 404)),
    "innovations:stage_plan": ((L, A, A, A, A, A), (L, 403, 422, 403, 403, 404)),
    "innovations:slowdown": ((L, A, A, A, A, A), (L, 403, 422, 403, 403, 404)),
    "innovations:adjustment_add": ((L, A, A, A, A, A), (L, 403, 422, 403, 403, 404)),
    "innovations:pulse_open": ((L, A, A, A, A, A), (L, 403, L, 403, 403, 404)),
    "innovations:history": ((L, 403, 200, 200, 403, 404), (L, 403, 200, 200, 403, 404)),
    "innovations:pulse_answer": ((L, 200, 200, 200, 403, 404), (L, 422, 422, 422, 403, 404)),
    "innovations:pulse_close": ((L, A, A, A, A, A), (L, 403, L, 403, 403, 404)),
    # The borgingskaart: the whole school reads it; the owner, its guardian (the world's
    # teamlid) and the schoolleider record a review (an empty one is refused in the form).
    "innovations:card": ((L, 200, 200, 200, 200, 404), (L, 422, 422, 422, 403, 404)),
    "innovations:card_pdf": ((L, 200, 200, 200, 200, 404), (L, 200, 200, 200, 200, 404)),
    "innovations:handbook": ((L, 200, 200, 200, 200, 200), (L, 200, 200, 200, 200, 200)),
    "innovations:evidence": ((L, 200, 200, 200, 200, 404), (L, 200, 200, 200, 200, 404)),
    "overview:dashboard": ((L, 403, 403, 200, 200, 200), (L, 403, 403, 200, 200, 200)),
    "overview:waiting_count": ((L, 200, 200, 200, 200, 200), (L, A, A, A, A, A)),
    "overview:board": ((L, 403, 403, 403, 200, 403), (L, 403, 403, 403, 200, 403)),
    "overview:export_innovations": ((L, 403, 403, 200, 200, 200), (L, 403, 403, 200, 200, 200)),
    "overview:export_sessions": ((L, 403, 403, 200, 200, 200), (L, 403, 403, 200, 200, 200)),
    "overview:export_time": ((L, 403, 403, 200, 200, 200), (L, 403, 403, 200, 200, 200)),
    "overview:report": ((L, 403, 403, 200, 200, 200), (L, 403, 403, 200, 200, 200)),
    "overview:report_pdf": ((L, 403, 403, 200, 200, 200), (L, 403, 403, 200, 200, 200)),
    "overview:evidence": ((L, 403, 403, 200, 200, 200), (L, 403, 403, 200, 200, 200)),
    "overview:evidence_pdf": ((L, 403, 403, 200, 200, 200), (L, 403, 403, 200, 200, 200)),
    "overview:evidence_csv": ((L, 403, 403, 200, 200, 200), (L, 403, 403, 200, 200, 200)),
    "overview:board_evidence": ((L, 403, 403, 403, 200, 403), (L, 403, 403, 403, 200, 403)),
    "overview:signal_snooze": ((L, A, A, A, A, A), (L, 403, 403, L, 403, L)),
    "overview:signal_wake": ((L, A, A, A, A, A), (L, 403, 403, L, 403, L)),
    "overview:member_remove": ((L, 403, 403, 200, 403, 404), (L, 403, 403, L, 403, 404)),
    # The teamlid's own data; another school's schoolleider gets their own school's.
    "overview:my_data": ((L, 200, 200, 200, 403, 200), (L, 200, 200, 200, 403, 200)),
    "overview:person_export": ((L, 403, 403, 200, 403, 404), (L, 403, 403, 200, 403, 404)),
    # A colleague who left.
    "overview:person_erase": ((L, 403, 403, 200, 403, 404), (L, 403, 403, L, 403, 404)),
    "privacy:page": ((L, 200, 200, 200, 200, 200), (L, 200, 200, 200, 200, 200)),
    "privacy:my_access": ((L, 200, 200, 200, 403, 200), (L, 200, 200, 200, 403, 200)),
    "privacy:school_access": ((L, 403, 403, 200, 403, 200), (L, 403, 403, 200, 403, 200)),
    "privacy:retention": ((L, 403, 403, 200, 403, 200), (L, 403, 403, 422, 403, 422)),
    "privacy:register": ((L, 403, 403, 200, 200, 200), (L, 403, 403, 200, 200, 200)),
    # Signing in: the board's providers, the second step and django-allauth's own pages.
    "login_board": ((200,) * 6, (200,) * 6),
    "login_providers": ((200,) * 6, (A,) * 6),
    "sign_in_settings": ((L, 403, 403, 200, 200, 200), (L, 403, 403, L, L, 422)),
    "identity_provider_add": ((L, 403, 403, 200, 200, 200), (L, 403, 403, 422, 422, 422)),
    "identity_provider_edit": ((L, 403, 403, 200, 200, 404), (L, 403, 403, 422, 422, 404)),
    "identity_provider_remove": ((L, A, A, A, A, A), (L, 403, 403, L, L, 404)),
    "identity_provider_test": ((L, 403, 403, L, L, 404), (L, A, A, A, A, A)),
    "identity_provider_tested": ((L, 403, 403, 200, 200, 404), (L, A, A, A, A, A)),
    # The test world's provider does not answer: a clear page, never a 500.
    "openid_connect_login": ((503,) * 6, (503,) * 6),
    "openid_connect_callback": ((401,) * 6, (401,) * 6),
    "socialaccount_connections": ((L, 200, 200, 200, 200, 200), (L, 200, 200, 200, 200, 200)),
    "socialaccount_login_cancelled": ((200,) * 6, (A,) * 6),
    "socialaccount_login_error": ((401,) * 6, (A,) * 6),
    # Nobody signs up: the school adds its people.
    "socialaccount_signup": ((L,) * 6, (L,) * 6),
    "account_signup": ((L,) * 6, (L,) * 6),
    "account_login": ((L,) * 6, (L,) * 6),
    "account_logout": ((A,) * 6, (200,) * 6),
    "account_change_password": ((L,) * 6, (L,) * 6),
    "account_reset_password": ((L,) * 6, (L,) * 6),
    "account_inactive": ((200,) * 6, (A,) * 6),
    "account_reauthenticate": ((L, 200, 200, 200, 200, 200), (L, 200, 200, 200, 200, 200)),
    # The second step: to the sign-in or the re-check of the password first; the pages of an
    # app or codes one has not set up are not there.
    "mfa_index": ((L, 200, 200, 200, 200, 200), (L, A, A, A, A, A)),
    "mfa_authenticate": ((L,) * 6, (L,) * 6),
    "mfa_reauthenticate": ((L,) * 6, (L,) * 6),
    "mfa_activate_totp": ((L,) * 6, (L,) * 6),
    "mfa_deactivate_totp": ((L, 404, 404, 404, 404, 404), (L, 404, 404, 404, 404, 404)),
    "mfa_generate_recovery_codes": ((L,) * 6, (L,) * 6),
    "mfa_view_recovery_codes": ((L, 404, 404, 404, 404, 404), (L, A, A, A, A, A)),
    "mfa_download_recovery_codes": ((L, 404, 404, 404, 404, 404), (L, 404, 404, 404, 404, 404)),
    # Reminders: one's own choices and calendar address; the school's holidays.
    "reminders:preferences": ((L, 200, 200, 200, 200, 200), (L, 422, 422, 422, 422, 422)),
    "reminders:feed_renew": ((L, A, A, A, A, A), (L, 200, 200, 200, 200, 200)),
    # The secret in the address is the key (the teamlid's), signed in or not.
    "reminders:feed": ((200,) * 6, (A,) * 6),
    "reminders:plg_feed": ((200,) * 6, (A,) * 6),
    # The link in a reminder: one click, signed in or not (RFC 8058).
    "reminders:unsubscribe": ((200,) * 6, (200,) * 6),
    "reminders:holidays": ((L, 403, 403, 200, 403, 200), (L, 403, 403, 422, 403, 422)),
    "reminders:holidays_fill": ((L, A, A, A, A, A), (L, 403, 403, 422, 403, 422)),
    "reminders:holiday_remove": ((L, A, A, A, A, A), (L, 403, 403, L, 403, 404)),
    "admin:index": ((L,) * 6, (L,) * 6),
    # The admin's own log-in is a redirect to the throttled one (tests run with the admin on).
    "admin_login": ((L,) * 6, (L,) * 6),
}
# Django's own admin guards itself (staff only); only its front door is in the table.
OWN_NAMESPACES_ONLY = {"admin"}


def named_urls(patterns=None, namespace=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_urls(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def url_args(name, world):
    teamlid = world.membership.user
    return {
        "password_reset_confirm": [
            urlsafe_base64_encode(force_bytes(teamlid.pk)),
            default_token_generator.make_token(teamlid),
        ],
        "member_role": [world.membership.pk],
        "login_board": [world.school.board.slug],
        "reminders:feed": [world.feed_token],
        "reminders:plg_feed": [world.feed_token, world.plg.pk],
        "reminders:unsubscribe": [world.unsubscribe_token],
        "reminders:holiday_remove": [world.holiday.pk],
        "identity_provider_edit": [world.provider.pk],
        "identity_provider_remove": [world.provider.pk],
        "identity_provider_test": [world.provider.pk],
        "identity_provider_tested": [world.provider.pk],
        "openid_connect_login": [world.provider.provider_id],
        "openid_connect_callback": [world.provider.provider_id],
        "invitation_withdraw": [world.invitation.pk],
        "invitation_accept": [world.invitation.pk],
        "invitation_decline": [world.invitation.pk],
        "overview:member_remove": [world.membership.pk],
        "overview:person_export": [world.membership.user_id],
        "overview:person_erase": [world.former.pk],
        "ambition_remove": [world.ambition.pk],
        "leaders:role": [world.role.pk],
        "leaders:role_edit": [world.role.pk],
        "leaders:history": [world.role.pk],
        "leaders:mandate_item_add": [world.role.pk],
        "leaders:mandate_item_remove": [world.role.pk, world.item.pk],
        "leaders:mandate_agree": [world.role.pk],
        "leaders:mandate_version": [world.role.pk, 1],
        "leaders:announcement_add": [world.role.pk],
        "leaders:recognise": [world.role.pk],
        "leaders:growth_step_add": [world.aspiration.pk],
        "leaders:wellbeing_add": [world.role.pk],
        "leaders:feedback_answer": [world.role.pk],
        "leaders:growth": [world.role.pk],
        "leaders:allotment_set": [world.role.pk],
        "leaders:time_entry_add": [world.role.pk],
        "leaders:time_entry_remove": [world.role.pk, world.time_entry.pk],
        "leaders:course_add": [world.role.pk],
        "leaders:course_edit": [world.role.pk, world.course.pk],
        "leaders:course_remove": [world.role.pk, world.course.pk],
        "leaders:assessment_add": [world.role.pk],
        "leaders:dialogue_add": [world.role.pk],
        "plg:detail": [world.plg.pk],
        "plg:edit": [world.plg.pk],
        "plg:schedule": [world.plg.pk],
        "plg:schedule_change": [world.plg.pk],
        "plg:history": [world.plg.pk],
        "plg:session_new": [world.plg.pk],
        "plg:session_edit": [world.plg.pk, world.session.pk],
        "plg:session_autosave": [world.plg.pk],
        "plg:session": [world.session.pk],
        "plg:session_remove": [world.session.pk],
        "plg:reflection_add": [world.session.pk],
        "innovations:detail": [world.innovation.pk],
        "innovations:edit": [world.innovation.pk],
        "innovations:move": [world.innovation.pk],
        "innovations:plan": [world.innovation.pk, "monitoring"],
        "innovations:criterion_add": [world.innovation.pk],
        "innovations:monitoring_add": [world.innovation.pk],
        "innovations:monitoring_remove": [world.innovation.pk, world.entry.pk],
        "innovations:criterion_remove": [world.innovation.pk, world.criterion.pk],
        "innovations:stage_plan": [world.innovation.pk],
        "innovations:slowdown": [world.innovation.pk],
        "innovations:adjustment_add": [world.innovation.pk],
        "innovations:pulse_open": [world.innovation.pk],
        "innovations:history": [world.innovation.pk],
        "innovations:pulse_answer": [world.pulse.pk],
        "plg:scan_open": [world.plg.pk],
        "innovations:card": [world.anchored.pk],
        "innovations:card_pdf": [world.anchored.pk],
        "plg:scan_answer": [world.scan.pk],
        "plg:scan_close": [world.scan.pk],
        "innovations:pulse_close": [world.pulse.pk],
        "innovations:evidence": [world.entry.pk],
    }.get(name, [])


def test_every_named_url_has_a_row():
    names = {
        name
        for name in named_urls()
        if name.split(":")[0] not in OWN_NAMESPACES_ONLY or name == "admin:index"
    }
    missing = sorted(names - MATRIX.keys())
    stale = sorted(MATRIX.keys() - names)
    assert not missing, f"URLs without a row in the permission matrix: {missing}"
    assert not stale, f"rows for URLs that no longer exist: {stale}"


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(name, world, client, request):
    url = reverse(name, args=url_args(name, world))
    expected_get, expected_post = MATRIX[name]
    actual = {"GET": [], "POST": []}
    for visitor in VISITORS:
        for method in ("GET", "POST"):
            with transaction.atomic():
                client.logout()
                if visitor != "anonymous":
                    client.force_login(request.getfixturevalue(visitor))
                response = client.get(url) if method == "GET" else client.post(url, {})
                actual[method].append(response.status_code)
                if visitor == "other_school_leader" and response.status_code == 404:
                    assert MARKER not in response.content.decode(errors="replace")
                transaction.set_rollback(True)
    assert (tuple(actual["GET"]), tuple(actual["POST"])) == (expected_get, expected_post), (
        f"{name}: GET {actual['GET']} POST {actual['POST']} (columns: {', '.join(VISITORS)})"
    )


# Every export, and the report page the PDF is written from, against the private texts.
EXPORTS = [name for name in MATRIX if name.startswith("overview:export_")] + [
    "overview:report",
    "overview:evidence",
    "overview:evidence_csv",
    "privacy:register",
]
# What each reader of the overviews may find in them: exports follow the pages' visibility.
MAY_READ_IN_EXPORTS = {"schoolleider": {"time line"}, "board_staff": set()}


@pytest.mark.parametrize("name", EXPORTS)
@pytest.mark.parametrize("visitor", sorted(MAY_READ_IN_EXPORTS))
def test_exports_show_no_more_than_the_pages(name, visitor, world, client, request):
    client.force_login(request.getfixturevalue(visitor))
    response = client.get(reverse(name))
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    shown = {kind for kind, secret in PRIVATE.items() if secret in text}
    assert shown <= MAY_READ_IN_EXPORTS[visitor], f"{name} shows {visitor} {shown}"


def test_board_staff_get_time_totals_not_lines(world, client, board_staff):
    client.force_login(board_staff)
    text = client.get(reverse("overview:export_time")).content.decode("utf-8-sig")
    assert "Gebruikte uren" in text and "Sanne Jansen" in text and ";2;" in text
    assert PRIVATE["time line"] not in text


def test_every_signed_in_page_says_no_store(world, client, teamlid, schoolleider):
    """Every GET that answers 200 to a signed-in person is kept by no browser or proxy."""
    for user in (teamlid, schoolleider):
        client.force_login(user)
        for name in MATRIX:
            if name in {"login", "logout", "password_reset_confirm"}:
                continue
            response = client.get(reverse(name, args=url_args(name, world)))
            if response.status_code == 200:
                assert "no-store" in response.get("Cache-Control", ""), name
