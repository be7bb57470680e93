import uuid

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from plg import rules, schedule, selectors, services
from plg.forms import (
    HealthScanForm,
    MeetingChangeForm,
    MeetingPlanForm,
    PLGForm,
    ReflectionForm,
    SessionForm,
    agreement_formset,
    session_input,
)
from plg.health_scan import OPEN_QUESTION
from plg.models import HealthScan, Session, SessionStatus
from plg.protocols import protocol_texts
from tlschool.parsing import parse_id
from tlschool.schools.access import get_in_school, require
from tlschool.schools.decorators import school_required
from tlschool.schools.kept_pages import fresh_value, kept_page
from tlschool.schools.responses import posted, redirect_after_post, render_page
from tlschool.schools.schooljaar import Schooljaar
from tlschool.schools.selectors import school_people

SESSIONS_PER_PAGE = 20


def _plg(request, pk):
    return get_in_school(selectors.plg_with_people(request.access.school), request.access, pk=pk)


def _session(request, session_pk, **extra):
    sessions = Session.objects.select_related("plg", "created_by").prefetch_related(
        "plg__leaders", "plg__members", "attendance__person", "agreements__owner"
    )
    return get_in_school(
        sessions, request.access, school_path="plg__school", pk=session_pk, **extra
    )


@school_required
@kept_page
def plg_list(request):
    access = request.access
    plgs = schedule.with_next_meeting(selectors.plgs_for_school(access.school))
    return render(
        request,
        "plg/plg_list.html",
        {"plgs": plgs, "may_create": rules.may_create_plg(access)},
    )


@school_required
def plg_create(request):
    access = request.access
    require(rules.may_create_plg(access))
    form = PLGForm(posted(request), school=access.school)
    if not form.is_bound and access.is_teacher_leader:
        form.initial["leaders"] = [request.user.pk]
    if request.method == "POST" and form.is_valid():
        plg = form.save(commit=False)
        plg.school = access.school
        plg.save()
        form.save_m2m()
        messages.success(request, _("The PLG was created."))
        return redirect_after_post(request, "plg:detail", pk=plg.pk)
    return render_page(request, "plg/plg_form.html", {"form": form}, invalid=form.is_bound)


@school_required
def plg_edit(request, pk):
    access = request.access
    plg = _plg(request, pk)
    require(rules.may_manage(access, plg))
    form = PLGForm(posted(request), instance=plg, school=access.school)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The PLG was saved."))
        return redirect_after_post(request, "plg:detail", pk=plg.pk)
    return render_page(
        request, "plg/plg_form.html", {"form": form, "plg": plg}, invalid=form.is_bound
    )


@school_required
@kept_page
def plg_detail(request, pk):
    access = request.access
    plg = _plg(request, pk)
    manage = rules.may_manage(access, plg)
    agreements = list(selectors.open_agreements(school=access.school, plg=plg))
    sessions = Paginator(
        selectors.sessions_timeline(plg=plg, include_drafts=manage), SESSIONS_PER_PAGE
    )
    page = sessions.get_page(request.GET.get("page"))
    year = Schooljaar.current()
    context = {
        "plg": plg,
        "may_manage": manage,
        "may_read_private": rules.may_read_private(access, plg),
        "sessions": page.object_list,
        "page_obj": page,
        "attendance_rates": selectors.attendance_rates(plg=plg, since=year.start),
        "questions": selectors.questions_worked_on(plg=plg, start=year.start, end=year.end),
        "open_question": OPEN_QUESTION,
        "may_answer_scan": rules.is_participant(access, plg),
        "scans": selectors.health_scans(plg=plg, person=request.user)
        if rules.may_read_private(access, plg)
        else None,
        "agreements": agreements,
        "today": timezone.localdate(),
    }
    return render(request, "plg/plg_detail.html", context)


@school_required
def plg_history(request, pk):
    plg = _plg(request, pk)
    require(rules.may_manage(request.access, plg))
    context = {
        "title": plg.name,
        "back_url": reverse("plg:detail", args=[plg.pk]),
        "explanation": _(
            "Every change to the PLG, its members, its sessions and its agreements, with the old "
            "and the new value. Private notes are not kept here."
        ),
        "lines": selectors.plg_history(plg),
    }
    return render(request, "includes/history_page.html", context)


def _session_forms(request, plg, session, data=None):
    participants = services.plg_participants(plg)
    earlier_open = [
        agreement
        for agreement in selectors.open_agreements(school=plg.school, plg=plg)
        if session is None or agreement.session_id != session.pk
    ]
    initial, agreement_initial = {}, []
    if session is None:
        initial.update(schedule.session_defaults(plg))
    if session is not None:
        initial["present"] = [
            str(row.person_id) for row in session.attendance.all() if row.present
        ] or [str(p.pk) for p in participants]
        agreement_initial = [
            {"text": a.text, "owner": a.owner_id, "due_on": a.due_on}
            for a in session.agreements.all()
            if a.is_open
        ]
    form = SessionForm(
        data,
        instance=session,
        initial=initial,
        participants=participants,
        open_agreements=earlier_open,
    )
    formset = agreement_formset(data, participants=participants, initial=agreement_initial)
    return form, formset


def _form_key(request):
    try:
        return uuid.UUID(request.POST.get("form_key", ""))
    except ValueError:
        return None


def _draft_from_post(request, plg):
    """The session this form already saved (a draft by autosave, or the final one), if any."""
    session_id = parse_id(request.POST.get("session_id"))
    if session_id is None:
        return services.session_for_form(plg=plg, form_key=_form_key(request), by=request.user)
    return _session(request, session_id, plg=plg)


def _save(request, plg, session, form, formset, *, final: bool):
    """Save what the (partly) valid form holds, against the revision the form was opened at."""
    return services.session_save(
        plg=plg,
        session=session,
        by=request.user,
        data=session_input(form, formset),
        final=final,
        revision=parse_id(request.POST.get("revision")),
        form_key=_form_key(request),
    )


@school_required
@kept_page
def session_log(request, pk, session_pk=None):
    """Log a session on one page with one submit; drafts keep everything typed."""
    access = request.access
    plg = _plg(request, pk)
    require(rules.may_manage(access, plg))
    session = _session(request, session_pk, plg=plg) if session_pk else None
    if request.method != "POST":
        # Reopening the form brings back one's draft in place, every field as it was typed.
        restored = session is None and services.draft_of(plg=plg, person=request.user)
        session = session or restored or None
        form, formset = _session_forms(request, plg, session)
        return _render_log(request, plg, session, form, formset, restored=bool(restored))

    session = session or _draft_from_post(request, plg)
    form, formset = _session_forms(request, plg, session, data=request.POST)
    final = request.POST.get("action") != "draft"
    form_ok, rows_ok = form.is_valid(), formset.is_valid()
    if final and form_ok:
        form.require_complete()
    if final and not (form.is_valid() and rows_ok):
        return _render_log(request, plg, session, form, formset, invalid=True)
    try:
        saved = _save(request, plg, session, form, formset, final=final)
    except services.StaleEditError as error:
        form.add_error(None, str(error))
        return _render_log(request, plg, session, form, formset, invalid=True, stale=error.session)
    if final:
        messages.success(request, _("The session was saved. Thank you!"))
        return redirect_after_post(request, "plg:session", session_pk=saved.pk)
    messages.success(request, _("The draft was saved; you can finish it later."))
    return redirect_after_post(request, "plg:session_edit", pk=plg.pk, session_pk=saved.pk)


def _render_log(request, plg, session, form, formset, *, invalid=False, stale=None, restored=False):
    context = {
        "restored": restored,
        "plg": plg,
        "session": session,
        "form": form,
        "formset": formset,
        "stale": stale,
        "revision": stale.revision if stale else (session.revision if session else ""),
        "form_key": request.POST.get("form_key")
        if request.method == "POST"
        else fresh_value(request, str(uuid.uuid4())),
        "protocol_texts": protocol_texts(),
        "protocol_texts_id": "protocol-texts",
        # Other people's drafts: a co-leader may be writing up the same meeting.
        "drafts": plg.sessions.filter(status=SessionStatus.DRAFT)
        .exclude(created_by=request.user)
        .exclude(pk=getattr(session, "pk", None))
        .select_related("created_by"),
    }
    return render_page(request, "plg/session_form.html", context, invalid=invalid)


@school_required
@require_POST
def session_autosave(request, pk):
    """Keep a draft while typing (htmx); a final session is only changed by its own submit."""
    access = request.access
    plg = _plg(request, pk)
    require(rules.may_manage(access, plg))
    session = _draft_from_post(request, plg)
    if session is not None and not session.is_draft:
        return render(request, "plg/session_form.html#autosave", {"skipped": True})
    form, formset = _session_forms(request, plg, session, data=request.POST)
    form.is_valid()
    formset.is_valid()
    try:
        saved = _save(request, plg, session, form, formset, final=False)
    except services.StaleEditError as error:
        return render(request, "plg/session_form.html#autosave", {"stale": error.session})
    return render(request, "plg/session_form.html#autosave", {"saved": saved})


@school_required
def session_detail(request, session_pk):
    access = request.access
    session = _session(request, session_pk)
    plg = session.plg
    if session.is_draft:
        require(rules.may_manage(access, plg))
    reflections = session.reflections.select_related("author")
    context = {
        "session": session,
        "plg": plg,
        "reflections": reflections,
        "may_manage": rules.may_manage(access, plg),
        "may_read_private": rules.may_read_private(access, plg),
        "may_reflect": rules.may_reflect(access, session),
        "reflection_form": ReflectionForm(),
    }
    return render(request, "plg/session_detail.html", context)


@school_required
def session_remove(request, session_pk):
    """Ask first, saying what goes with the session; then remove it."""
    session = _session(request, session_pk)
    plg = session.plg
    require(rules.may_manage(request.access, plg))
    if request.method == "POST":
        services.session_remove(session)
        messages.success(request, _("The session was removed."))
        return redirect_after_post(request, "plg:detail", pk=plg.pk)
    context = {
        "session": session,
        "plg": plg,
        "reflection_count": session.reflections.count(),
        "reopened": session.closed_agreements.select_related("owner"),
    }
    return render(request, "plg/session_remove.html", context)


@school_required
@require_POST
def reflection_add(request, session_pk):
    access = request.access
    session = _session(request, session_pk, status=SessionStatus.FINAL)
    require(rules.may_reflect(access, session))
    form = ReflectionForm(request.POST)
    if form.is_valid():
        services.reflection_add(session=session, author=request.user, **form.cleaned_data)
        messages.success(request, _("Your reflection was added."))
        return redirect_after_post(request, "plg:session", session_pk=session.pk)
    context = {
        "session": session,
        "plg": session.plg,
        "reflections": session.reflections.select_related("author"),
        "may_manage": rules.may_manage(access, session.plg),
        "may_read_private": rules.may_read_private(access, session.plg),
        "may_reflect": True,
        "reflection_form": form,
    }
    return render_page(request, "plg/session_detail.html", context, invalid=True)


@school_required
def agreements(request):
    """Open agreements of the school, per PLG and per person."""
    access = request.access
    person = request.GET.get("person", "")
    person_id = parse_id(person)
    owner = None
    if person == "me":
        owner = request.user
    elif person_id is not None:
        owner = school_people(access.school).filter(pk=person_id).first()
        if owner is None:
            raise Http404
    rows = list(selectors.open_agreements(school=access.school, owner=owner))
    return render(
        request,
        "plg/agreements.html",
        {
            "agreements": rows,
            "owner": owner,
            "people": school_people(access.school),
            "today": timezone.localdate(),
        },
    )


UPCOMING_DATES_SHOWN = 12


@school_required
def plg_schedule(request, pk):
    """The PLG's rhythm and its next dates, each one cancellable; extra dates can be added."""
    from datetime import timedelta

    from plg.models import MeetingChange, MeetingPlan

    plg = _plg(request, pk)
    require(rules.may_manage(request.access, plg))
    plan = MeetingPlan.objects.filter(plg=plg).first() or MeetingPlan(plg=plg)
    form = MeetingPlanForm(posted(request), instance=plan)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The meeting plan was saved."))
        return redirect_after_post(request, "plg:schedule", pk=plg.pk)
    today = timezone.localdate()
    changes = list(MeetingChange.objects.filter(plg=plg))
    upcoming = schedule.planned_dates(
        plan if plan.pk else None, changes, today, today + timedelta(days=365)
    )[:UPCOMING_DATES_SHOWN]
    context = {
        "plg": plg,
        "form": form,
        "upcoming": upcoming,
        "cancelled": [c.on for c in changes if c.cancelled and c.on >= today],
        "change_form": MeetingChangeForm(),
    }
    return render_page(request, "plg/schedule.html", context, invalid=form.is_bound)


@school_required
@require_POST
def plg_schedule_change(request, pk):
    plg = _plg(request, pk)
    require(rules.may_manage(request.access, plg))
    form = MeetingChangeForm(request.POST)
    if form.is_valid():
        services.meeting_change(
            plg=plg, on=form.cleaned_data["on"], action=form.cleaned_data["action"]
        )
        messages.success(request, _("The dates were changed."))
    else:
        messages.error(request, _("Choose a date between ten years ago and five years ahead."))
    return redirect_after_post(request, "plg:schedule", pk=plg.pk)


def _scan(request, scan_pk):
    return get_in_school(
        HealthScan.objects.select_related("plg").prefetch_related("plg__leaders", "plg__members"),
        request.access,
        school_path="plg__school",
        pk=scan_pk,
    )


@school_required
@require_POST
def scan_open(request, pk):
    plg = _plg(request, pk)
    require(rules.may_manage(request.access, plg))
    try:
        services.scan_open(plg=plg, by=request.user)
    except services.ScanRuleError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("The health scan is open; the PLG's members see it on their home page.")
        )
    return redirect_after_post(request, "plg:detail", pk=plg.pk, fragment="scan")


@school_required
@require_POST
def scan_close(request, scan_pk):
    scan = _scan(request, scan_pk)
    require(rules.may_manage(request.access, scan.plg))
    services.scan_close(scan=scan)
    messages.success(request, _("The health scan was closed."))
    return redirect_after_post(request, "plg:detail", pk=scan.plg_id, fragment="scan")


@school_required
def scan_answer(request, scan_pk):
    scan = _scan(request, scan_pk)
    require(rules.is_participant(request.access, scan.plg))
    answered = scan.participants.filter(person=request.user).exists()
    form = HealthScanForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.scan_answer(
                scan=scan,
                person=request.user,
                scores=form.scores(),
                open_answer=form.cleaned_data["open_answer"],
            )
        except services.ScanRuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you. Your answer is anonymous."))
            return redirect_after_post(request, "plg:detail", pk=scan.plg_id)
    context = {"scan": scan, "plg": scan.plg, "form": form, "answered": answered}
    return render_page(request, "plg/scan_answer.html", context, invalid=form.is_bound)
