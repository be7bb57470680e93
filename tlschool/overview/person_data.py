"""A person's data across the apps: inzage (one zip with a readable page and JSON), vergeten
(erasure of someone who left) and the retention periods that apply by themselves."""

import io
import json
import uuid
import zipfile
from dataclasses import dataclass
from datetime import date

from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Replace
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from innovations import privacy as innovation_privacy
from innovations.models import Pulse
from leaders import privacy as leader_privacy
from plg import privacy as plg_privacy
from tlschool.accounts.models import LoginFailure
from tlschool.privacy.access import access_record, accesses_to
from tlschool.privacy.models import (
    AccessKind,
    AccessLog,
    Departure,
    Erasure,
    Retention,
    months_before,
)
from tlschool.schools.kept_pages import forget_kept_pages
from tlschool.schools.models import Ambition, BoardStaff, Invitation, Membership
from tlschool.schools.versions import school_changed

SECTION_LABELS = {
    "exported_at": gettext_lazy("exported at"),
    "school": gettext_lazy("school"),
    "person": gettext_lazy("person"),
    "memberships": gettext_lazy("memberships and roles"),
    "leaders": gettext_lazy("teacher leadership"),
    "roles": gettext_lazy("roles"),
    "mandates": gettext_lazy("mandates"),
    "items": gettext_lazy("responsibilities and authority"),
    "time_allotted": gettext_lazy("time allotted"),
    "announcements": gettext_lazy("told to the team"),
    "time_log": gettext_lazy("time log"),
    "scholing": gettext_lazy("scholing"),
    "self_assessments": gettext_lazy("self-assessments"),
    "dialogue_notes": gettext_lazy("dialogue notes"),
    "aspiration": gettext_lazy("wish to grow into a teacher-leader role"),
    "steps": gettext_lazy("steps"),
    "wellbeing": gettext_lazy("wellbeing check-ins"),
    "growth_profile": gettext_lazy("growth profile"),
    "feedback_to_schoolleider": gettext_lazy("feedback to the schoolleider"),
    "leadership_goals": gettext_lazy("your learning goals in leading teacher leaders"),
    "recognitions": gettext_lazy("roles you said you know what they do and may do"),
    "plg": gettext_lazy("PLGs"),
    "plgs_led": gettext_lazy("PLGs led"),
    "plgs_member_of": gettext_lazy("PLGs taken part in"),
    "attendance": gettext_lazy("attendance"),
    "sessions_written": gettext_lazy("sessions written"),
    "agreements_owned": gettext_lazy("agreements"),
    "reflections": gettext_lazy("reflections"),
    "innovations": gettext_lazy("innovations"),
    "innovations_owned": gettext_lazy("innovations owned"),
    "monitoring_added": gettext_lazy("monitoring added"),
    "sign_in": gettext_lazy("signing in"),
    "linked_accounts": gettext_lazy("linked school accounts"),
    "second_step": gettext_lazy("second step at sign-in"),
    "history_lines_by_them": gettext_lazy("changes made"),
    "access_log_of_their_private_data": gettext_lazy("who looked at private data"),
    "not_included": gettext_lazy("not included"),
}

TEXT_FIELDS = [
    *leader_privacy.TEXT_FIELDS,
    *plg_privacy.TEXT_FIELDS,
    *innovation_privacy.TEXT_FIELDS,
    (Ambition, "school", ["title", "description"]),
]


class ErasureRefused(Exception):
    """The person cannot be forgotten here (yet); the message says why."""


def person_export(*, school, person, by) -> bytes:
    """Everything the school holds about `person`, as person.json and person.html in a zip.
    The export itself is recorded in the access log."""
    data = {
        "exported_at": timezone.now(),
        "school": school.name,
        "person": {
            "name": str(person),
            "username": person.username,
            "email": person.email,
            "language": person.get_language_display(),
            "joined": person.date_joined,
            "last_login": person.last_login,
        },
        "memberships": [
            {"school": m.school.name, "role": m.get_role_display()}
            for m in Membership.objects.filter(user=person).select_related("school")
        ],
        "sign_in": sign_in_data(person),
        "leaders": leader_privacy.person_data(school=school, person=person),
        "plg": plg_privacy.person_data(school=school, person=person),
        "innovations": innovation_privacy.person_data(school=school, person=person),
        "history_lines_by_them": _history_by(person, school),
        "access_log_of_their_private_data": [
            {"at": row.at, "who": str(row.viewer or "—"), "what": row.get_kind_display()}
            for row in accesses_to(school=school, person=person)
        ],
        "not_included": _(
            "Answers to readiness pulses are anonymous: nothing links them to a person, so they "
            "cannot be in this export."
        ),
    }
    access_record(
        school=school, viewer=by, subject=person, kind=AccessKind.PERSON_EXPORT, detail=str(person)
    )
    text = json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
    page = render_to_string(
        "overview/person_export.html",
        {"person": str(person), "school": school.name, "body": readable(json.loads(text))},
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("gegevens.json", text)
        archive.writestr("gegevens.html", page)
        for entry in innovation_privacy.evidence_of(school=school, person=person):
            if entry.evidence_file.storage.exists(entry.evidence_file.name):
                with entry.evidence_file.open("rb") as evidence:
                    name = entry.evidence_file.name.rsplit("/", 1)[-1]
                    archive.writestr(f"bewijs/{entry.pk}-{name}", evidence.read())
    return buffer.getvalue()


def _label(key: str) -> str:
    """A section's heading: the key in words (the JSON keeps the keys as they are)."""
    return str(SECTION_LABELS.get(key, key.replace("_", " ")))


def readable(value, depth=2):
    """The export's data as nested headings, lists and tables, escaped."""
    if isinstance(value, dict):
        parts = []
        for key, inner in value.items():
            if isinstance(inner, dict | list):
                parts.append(
                    format_html(
                        "<h{0}>{1}</h{0}>{2}",
                        min(depth, 6),
                        _label(key),
                        readable(inner, depth + 1),
                    )
                )
            else:
                parts.append(
                    format_html("<p><strong>{}</strong>: {}</p>", _label(key), inner or "—")
                )
        return mark_safe("".join(parts))
    if isinstance(value, list):
        if not value:
            return format_html("<p>{}</p>", _("none"))
        return format_html(
            "<ol>{}</ol>",
            mark_safe("".join(format_html("<li>{}</li>", readable(item, depth)) for item in value)),
        )
    return format_html("{}", value)


def _history_by(person, school) -> list:
    """The changes this person made to the school's records, from every kept history."""
    lines = []
    for model, path, _fields in TEXT_FIELDS:
        history = getattr(model, "history", None)
        if history is None:
            continue
        for record in history.filter(history_user=person, **{path: school}).order_by(
            "history_date"
        )[:500]:
            lines.append(
                {
                    "at": record.history_date,
                    "what": model._meta.verbose_name,
                    "action": record.get_history_type_display(),
                }
            )
    return sorted(lines, key=lambda line: line["at"])


@dataclass
class ErasurePlan:
    """What erasing a former colleague will do, for the page that asks first."""

    person: object
    departure: object
    private_counts: dict
    evidence_files: list
    pseudonym: str


SECOND_STEP_LABELS = {
    Authenticator.Type.TOTP: gettext_lazy("authenticator app"),
    Authenticator.Type.RECOVERY_CODES: gettext_lazy("recovery codes"),
}


def sign_in_data(person) -> dict:
    """What signing in keeps about the person: linked accounts as stored, and whether the
    second step is on (its secret and codes stay out of every export)."""
    return {
        "linked_accounts": [
            {
                "provider": account.provider,
                "identifier": account.uid,
                "kept_of_the_answer": account.extra_data,
                "linked": account.date_joined,
                "last_used": account.last_login,
            }
            for account in SocialAccount.objects.filter(user=person).order_by("date_joined")
        ],
        "second_step": sorted(
            str(SECOND_STEP_LABELS.get(kind, kind))
            for kind in Authenticator.objects.filter(user=person).values_list("type", flat=True)
        ),
    }


def erasure_plan(*, school, person) -> ErasurePlan:
    departure = Departure.objects.not_forgotten(school).filter(person=person).first()
    if departure is None or Membership.objects.filter(school=school, user=person).exists():
        raise ErasureRefused(_("Only a colleague who left this school can be forgotten here."))
    if (
        Membership.objects.filter(user=person).exists()
        or BoardStaff.objects.filter(user=person).exists()
    ):
        raise ErasureRefused(
            _(
                "This person still works at another school or for the board; their account "
                "stays. Ask the board's privacy officer."
            )
        )
    return ErasurePlan(
        person=person,
        departure=departure,
        private_counts={
            what: rows.count()
            for what, rows in leader_privacy.private_data(school=school, person=person).items()
        },
        evidence_files=list(innovation_privacy.evidence_of(school=school, person=person)),
        pseudonym=_pseudonym(school),
    )


def _pseudonym(school) -> str:
    return _("Oud-teamlid %(number)s") % {
        "number": Erasure.objects.filter(school=school).count() + 1
    }


def person_erase(*, school, person, by=None, remove_files=False, automatic=False) -> str:
    """Forget a colleague who left: private data goes, shared records stay under a new name,
    the account can no longer sign in, and one line without the name remains."""
    plan = erasure_plan(school=school, person=person)
    old_texts = [text for text in (str(person), person.get_full_name(), person.email) if text]
    with transaction.atomic():
        leader_privacy.person_erase(school=school, person=person)
        if remove_files:
            innovation_privacy.evidence_files_remove(plan.evidence_files)
        _replace_in_texts(school, old_texts, plan.pseudonym)
        Invitation.objects.filter(user=person).delete()
        SocialAccount.objects.filter(user=person).delete()
        Authenticator.objects.filter(user=person).delete()
        LoginFailure.objects.filter(username__in=[person.username.lower(), person.email]).delete()
        person.full_name = plan.pseudonym
        person.first_name = person.last_name = person.email = ""
        person.username = f"oud-teamlid-{uuid.uuid4().hex[:12]}"
        person.set_unusable_password()
        person.is_active = False
        person.last_school = None
        person.save()
        Departure.objects.filter(pk=plan.departure.pk).update(erased_at=timezone.now())
        Erasure.objects.create(school=school, pseudonym=plan.pseudonym, by=by, automatic=automatic)
        school_changed(school.pk)  # the free text above changed through update()
        forget_kept_pages(board=school.board)
    return plan.pseudonym


def _replace_in_texts(school, old_texts, new_text) -> None:
    """Write the new name wherever the school's free text (and its kept history) named them."""
    for model, path, fields in TEXT_FIELDS:
        for target in (model, getattr(getattr(model, "history", None), "model", None)):
            if target is None:
                continue
            for field in fields:
                if field not in {f.name for f in target._meta.fields}:
                    continue
                for old in old_texts:
                    target._base_manager.filter(**{path: school, f"{field}__contains": old}).update(
                        **{field: Replace(F(field), Value(old), Value(new_text))}
                    )
    for pulse in Pulse.objects.filter(innovation__school=school, results__isnull=False):
        comments = pulse.results.get("comments") or []
        changed = [_replace_all(comment, old_texts, new_text) for comment in comments]
        if changed != comments:
            pulse.results = {**pulse.results, "comments": changed}
            pulse.save(update_fields=["results"])


def _replace_all(text, old_texts, new_text):
    for old in old_texts:
        text = text.replace(old, new_text)
    return text


# Retention ------------------------------------------------------------------------------


@dataclass
class RetentionStep:
    kind: str
    count: int
    apply: object  # a function that does it and returns how many went


def retention_plan(*, school, today: date | None = None) -> list[RetentionStep]:
    """Every kind of data past the school's retention period, and how to remove it."""
    today = today or timezone.localdate()
    retention = Retention.for_school(school)
    steps = []
    for kind, queryset in leader_privacy.retention_due(
        school=school, retention=retention, today=today
    ):
        steps.append(RetentionStep(kind, queryset.count(), lambda qs=queryset: qs.delete()[0]))
    evidence = innovation_privacy.retention_due(school=school, retention=retention, today=today)
    steps.append(
        RetentionStep(
            "evidence files removed",
            evidence.count(),
            lambda qs=evidence: innovation_privacy.evidence_files_remove(list(qs)),
        )
    )
    former = Departure.objects.not_forgotten(school).filter(
        left_at__date__lt=months_before(today, retention.former_member_months)
    )
    steps.append(
        RetentionStep(
            "former colleagues anonymised",
            former.count(),
            lambda qs=former: _erase_all(school, qs),
        )
    )
    old_log = AccessLog.objects.filter(
        school=school, at__date__lt=months_before(today, retention.access_log_months)
    )
    steps.append(
        RetentionStep(
            "access log lines deleted", old_log.count(), lambda qs=old_log: qs.delete()[0]
        )
    )
    return steps


def _erase_all(school, departures) -> int:
    erased = 0
    for departure in list(departures.select_related("person")):
        try:
            person_erase(school=school, person=departure.person, automatic=True)
        except ErasureRefused:
            continue  # still works elsewhere in the board: their account stays
        erased += 1
    return erased
