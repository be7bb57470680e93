"""Rules that change PLGs and their sessions."""

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from plg.health_scan import held_in_term, scan_results
from plg.models import (
    PLG,
    Agreement,
    Attendance,
    HealthScan,
    HealthScanAnswer,
    HealthScanParticipant,
    Reflection,
    Session,
    SessionStatus,
)


class StaleEditError(Exception):
    """Someone else saved the same session since this form was opened."""

    def __init__(self, session):
        super().__init__(_("Someone else saved this session in the meantime."))
        self.session = session


@dataclass
class AgreementRow:
    text: str
    owner: object
    due_on: object


@dataclass
class SessionInput:
    fields: dict
    present_ids: set[int] = field(default_factory=set)
    agreements: list[AgreementRow] = field(default_factory=list)
    done_agreement_ids: set[int] = field(default_factory=set)


def plg_participants(plg) -> list:
    """Leaders first, then members; each person once."""
    seen, people = set(), []
    for person in [*plg.leaders.all(), *plg.members.all()]:
        if person.pk not in seen:
            seen.add(person.pk)
            people.append(person)
    return people


def person_leaves_school(*, school, person) -> None:
    """Take someone who left the school off its PLGs, so forms no longer list them; the
    sessions they attended keep them."""
    PLG.leaders.through.objects.filter(plg__school=school, user=person).delete()
    PLG.members.through.objects.filter(plg__school=school, user=person).delete()


def draft_of(*, plg: PLG, person) -> Session | None:
    """This person's draft in this PLG: one at most, the newest if older data holds more."""
    return (
        Session.objects.filter(plg=plg, created_by=person, status=SessionStatus.DRAFT)
        .order_by("-updated_at", "-pk")
        .first()
    )


def session_for_form(*, plg: PLG, form_key, by=None) -> Session | None:
    """The session an opened form already saved; else `by`'s draft in this PLG, so a second
    tab or an old page never starts a second draft beside it."""
    if form_key is not None:
        found = Session.objects.filter(plg=plg, form_key=form_key).first()
        if found is not None:
            return found
    return draft_of(plg=plg, person=by) if by is not None else None


def session_save(
    *,
    plg: PLG,
    session: Session | None,
    by,
    data: SessionInput,
    final: bool,
    revision: int | None,
    form_key=None,
) -> Session:
    """Save a draft or a final session with its attendance and agreements, all or nothing.

    `form_key` names the opened form: however many times it is submitted, also at the same
    moment, it makes one session (the unique key lets the second insert wait for the first,
    fail, and become an update of it).
    """
    with transaction.atomic():
        if session is None:
            session = _session_created(plg=plg, by=by, form_key=form_key, fields=data.fields)
            if not final and not session.is_draft:
                return session  # an autosave that arrives after the final save changes nothing
        else:
            current = Session.objects.select_for_update().get(pk=session.pk)
            own_draft = current.is_draft and current.last_saved_by_id == by.pk
            # Two tabs of one's own draft are no conflict: the newest typing counts. Someone
            # else's save in between is.
            if revision is not None and current.revision != revision and not own_draft:
                raise StaleEditError(current)
            session.revision = current.revision + 1
        for name, value in data.fields.items():
            setattr(session, name, value)
        if final:
            session.status = SessionStatus.FINAL
        session.last_saved_by = by
        session.save()

        participants = plg_participants(plg)
        session.attendance.all().delete()
        Attendance.objects.bulk_create(
            Attendance(session=session, person=person, present=person.pk in data.present_ids)
            for person in participants
        )
        session.agreements.filter(done_on__isnull=True).delete()
        # Through simple-history's bulk helpers, so agreements are on record like every row.
        bulk_create_with_history(
            [
                Agreement(
                    plg=plg, session=session, text=row.text, owner=row.owner, due_on=row.due_on
                )
                for row in data.agreements
            ],
            Agreement,
            default_user=by,
        )
        if final and data.done_agreement_ids:
            ticked = list(
                Agreement.objects.filter(
                    plg=plg, pk__in=data.done_agreement_ids, done_on__isnull=True
                ).exclude(session=session)
            )
            for agreement in ticked:
                agreement.done_on, agreement.closed_in = session.held_on, session
            bulk_update_with_history(ticked, Agreement, ["done_on", "closed_in"], default_user=by)
    return session


def _session_created(*, plg, by, form_key, fields) -> Session:
    """A new session for this form, or, when the same form was just saved, that one, locked."""
    if form_key is not None:
        existing = Session.objects.select_for_update().filter(plg=plg, form_key=form_key).first()
        if existing is not None:
            existing.revision += 1
            return existing
    session = Session(plg=plg, created_by=by, form_key=form_key, **fields)
    try:
        with transaction.atomic():
            session.save()
    except IntegrityError:
        session = Session.objects.select_for_update().get(plg=plg, form_key=form_key)
        session.revision += 1
    return session


def session_remove(session: Session) -> None:
    """Remove a session logged by mistake, or a draft nobody will finish: with its attendance,
    the agreements made in it and its reflections. Agreements it ticked off are open again."""
    with transaction.atomic():
        reopened = list(Agreement.objects.filter(closed_in=session))
        for agreement in reopened:
            agreement.done_on = agreement.closed_in = None
        bulk_update_with_history(reopened, Agreement, ["done_on", "closed_in"])
        session.delete()


def reflection_add(*, session: Session, author, text: str) -> Reflection:
    return Reflection.objects.create(session=session, author=author, text=text)


def meeting_change(*, plg, on, action: str) -> None:
    """An extra meeting on `on`, a planned one cancelled, or a change taken back."""
    from plg.models import MeetingChange

    if action == "restore":
        MeetingChange.objects.filter(plg=plg, on=on).delete()
    else:
        MeetingChange.objects.update_or_create(
            plg=plg, on=on, defaults={"cancelled": action == "cancel"}
        )


class ScanRuleError(Exception):
    """A health-scan step the rules refuse; the message is for the user."""


def scan_open(*, plg, by, today=None):
    """Open the PLG's scan for this term: one at a time, one per term."""
    today = today or timezone.localdate()
    scans = list(plg.health_scans.all())
    if any(scan.is_open for scan in scans):
        raise ScanRuleError(_("A health scan is already open for this PLG."))
    if held_in_term(scans, today):
        raise ScanRuleError(_("This PLG already held its health scan of this term."))
    return HealthScan.objects.create(plg=plg, opened_by=by, opened_on=today)


def scan_answer(*, scan, person, scores: dict, open_answer: str = "") -> None:
    """Answer once, anonymously: who answered and what was answered are stored apart."""

    try:
        with transaction.atomic():
            # Locked as closing locks it: an answer never arrives after the results were kept.
            scan = HealthScan.objects.select_for_update().get(pk=scan.pk)
            if not scan.is_open:
                raise ScanRuleError(_("This health scan is closed."))
            HealthScanParticipant.objects.create(scan=scan, person=person)
            HealthScanAnswer.objects.create(
                scan=scan, scores=scores, open_answer=open_answer.strip()
            )
    except IntegrityError:
        raise ScanRuleError(_("You already answered this health scan.")) from None


def scan_close(*, scan):
    """Close the scan: keep its aggregated results and delete the raw answers."""
    with transaction.atomic():
        scan = HealthScan.objects.select_for_update().get(pk=scan.pk)
        if not scan.is_open:
            return scan
        scan.closed_at = timezone.now()
        scan.results = scan_results(scan.answers.all())
        scan.save(update_fields=["closed_at", "results", "updated_at"])
        scan.answers.all().delete()
    return scan
