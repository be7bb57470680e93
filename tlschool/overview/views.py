from dataclasses import replace

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import floatformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from innovations import selectors as innovation_selectors
from innovations.stages import Stage
from leaders import attention as leader_attention
from leaders import rules as leader_rules
from leaders import selectors as leader_selectors
from plg import schedule
from plg import selectors as plg_selectors
from tlschool.charts import bar_chart
from tlschool.overview import board_summary, evidence, exports, kept, leaving, person_data, snoozing
from tlschool.overview.report import year_report
from tlschool.overview.waiting import waiting_for
from tlschool.privacy.access import AccessKind, access_record
from tlschool.privacy.models import Departure
from tlschool.schools import services as school_services
from tlschool.schools.access import get_in_school, require
from tlschool.schools.decorators import school_required
from tlschool.schools.kept_pages import kept_page, schools_version
from tlschool.schools.models import Membership
from tlschool.schools.schooljaar import Schooljaar, schooljaar_choices


@login_required
@kept_page
def home(request):
    access = request.access
    if not access.can_read:
        return render(
            request,
            "schools/no_school.html",
            {"invitations": school_services.invitations_for(user=request.user)},
        )
    if access.is_schoolleider:
        return _dashboard(request)
    if access.is_read_only:
        return redirect("overview:board")
    person = request.user
    agreements = list(plg_selectors.open_agreements(school=access.school, owner=person))
    context = {
        "plgs": schedule.with_next_meeting(
            plg_selectors.plgs_for_person(school=access.school, person=person)
        ),
        "agreements": agreements,
        "innovations": innovation_selectors.innovations_for_person(
            school=access.school, person=person
        ),
        "roles": leader_selectors.roles_of_person(school=access.school, person=person),
        "learnings": plg_selectors.recent_learnings(school=access.school),
        "moves": innovation_selectors.recent_stage_changes(school=access.school),
        "today": timezone.localdate(),
        "waiting": waiting_for(access, today=timezone.localdate(), agreements=agreements),
    }
    return render(request, "overview/home.html", context)


@school_required
@require_GET
def waiting_count(request):
    """The number beside Home or Dashboard in the menu: what waits for one's own step. Loaded
    after the page (htmx), so no page pays for it in its own queries."""
    count = len(waiting_for(request.access, today=timezone.localdate()))
    return render(request, "overview/waiting_count.html", {"count": count})


def _dashboard(request):
    access = request.access
    year = Schooljaar.from_request(request)
    health = kept.dashboard_health(school=access.school, year=year)
    if access.is_read_only:
        health = replace(
            health,
            signals=leader_attention.not_personal(health.signals),
            snoozed=[
                (point, until)
                for point, until in health.snoozed
                if point.kind not in leader_attention.PERSONAL_KINDS
            ],
        )
    context = {
        "health": health,
        "year": year,
        "years": schooljaar_choices(),
        "sessions_chart": bar_chart(
            [(label.split()[0], count) for label, count in health.sessions_per_month]
        ),
        "snooze_choices": snoozing.WEEKS,
        "may_snooze": access.can_manage_school,
        "stages_chart": bar_chart(
            [(str(label), count) for _stage, label, count in health.stage_counts]
        ),
        "waiting": waiting_for(access, today=timezone.localdate()),
    }
    return render(request, "overview/dashboard.html", context)


@school_required
def dashboard(request):
    require(request.access.can_see_overview)
    return _dashboard(request)


def board_versions(request) -> str:
    """The board overview shows every school of the board: it is kept for all their
    versions."""
    return schools_version(request.access.school.board.schools.all())[1]


@school_required
@kept_page(version=board_versions)
def board_overview(request):
    access = request.access
    require(access.board_staff)
    year = Schooljaar.from_request(request)
    schools = access.school.board.schools.all()
    token = get_token(request)
    context = {
        "board": access.school.board,
        "summaries": [
            (
                summary,
                board_summary.signals_html(
                    summary, current_school_id=access.school.pk, csrf_token=token
                ),
            )
            for summary in board_summary.school_summaries(schools=schools, year=year)
        ],
        "year": year,
        "years": schooljaar_choices(),
    }
    return render(request, "overview/board.html", context)


@school_required
def export_innovations(request):
    access = request.access
    require(access.can_see_overview)
    innovations = innovation_selectors.innovations_overview(schools=[access.school])
    rows = [
        (
            innovation.title,
            Stage(innovation.stage).label,
            innovation.owner,
            innovation.days_in_stage,
            _("yes") if innovation_selectors.is_behind_plan(innovation) else _("no"),
            innovation.monitoring_count,
            innovation.last_monitoring_on or "",
            innovation.planned_start or "",
            innovation.planned_end or "",
        )
        for innovation in innovations
    ]
    header = [
        _("Innovation"),
        _("Stage"),
        _("Owner"),
        _("Days in stage"),
        _("Behind plan"),
        _("Monitoring entries"),
        _("Last monitoring"),
        _("Planned start"),
        _("Planned end"),
    ]
    _log_overview_read(request, AccessKind.CSV_EXPORT, f"innovaties-{access.school.slug}.csv")
    return exports.csv_response(
        filename=f"innovaties-{access.school.slug}.csv",
        header=header,
        rows=rows,
        separator=exports.separator_from(request),
    )


@school_required
def export_sessions(request):
    access = request.access
    require(access.can_see_overview)
    year = Schooljaar.from_request(request)
    sessions = plg_selectors.sessions_for_export(
        school=access.school, start=year.start, end=year.end
    )
    rows = [
        (
            session.plg.name,
            session.held_on,
            session.duration_minutes or "",
            _("yes") if session.within_school_time else _("no"),
            session.get_work_kind_display(),
            session.get_protocol_display(),
            session.present_count,
            session.attendance_count,
            session.focus,
            session.tried,
            session.learned,
            " · ".join(str(question.label) for question in session.questions),
            session.agreement_count,
        )
        for session in sessions
    ]
    header = [
        _("PLG"),
        _("Date"),
        _("Minutes"),
        _("Within school time"),
        _("Kind of work"),
        _("Protocol"),
        _("Present"),
        _("Members"),
        _("Focus"),
        _("What we tried"),
        _("What we learned"),
        _("Worked on"),
        _("Agreements"),
    ]
    _log_overview_read(request, AccessKind.CSV_EXPORT, f"plg-bijeenkomsten-{year.label}.csv")
    return exports.csv_response(
        filename=f"plg-bijeenkomsten-{year.label}.csv",
        header=header,
        rows=rows,
        separator=exports.separator_from(request),
    )


@school_required
def export_time(request):
    """Time lines for the schoolleider; for board staff the totals per role, as the dashboard
    shows them (the lines are the teacher leader's private part of the role page)."""
    access = request.access
    require(access.can_see_overview)
    year = Schooljaar.from_request(request)
    if leader_rules.may_see_time_lines(access):
        header, rows = _time_lines(access.school, year)
    else:
        header, rows = _time_totals(access.school, year)
    _log_overview_read(request, AccessKind.CSV_EXPORT, f"uren-{year.label}.csv")
    return exports.csv_response(
        filename=f"uren-{year.label}.csv",
        header=header,
        rows=rows,
        separator=exports.separator_from(request),
    )


def _log_overview_read(request, kind, detail) -> None:
    access_record(school=request.access.school, viewer=request.user, kind=kind, detail=detail)


def _hours(value) -> str:
    """Hours as the dashboard writes them: '2', '2,5' (decimal comma in Dutch)."""
    return floatformat(value, -1)


def _time_lines(school, year):
    entries = leader_selectors.time_entries_for_school(
        school=school, start=year.start, end=year.end
    )
    header = [
        _("Teacher leader"),
        _("Role"),
        _("Date"),
        _("Hours"),
        _("Within school time"),
        _("Activity"),
    ]
    rows = [
        (
            entry.role.person,
            entry.role.title,
            entry.worked_on,
            _hours(entry.hours),
            _("yes") if entry.within_school_time else _("no"),
            entry.activity,
        )
        for entry in entries
    ]
    return header, rows


def _time_totals(school, year):
    roles = leader_selectors.roles_in_year(school=school, year=year)
    facilitation = leader_selectors.facilitation_for_roles(roles=roles, year=year, school=school)
    header = [
        _("Teacher leader"),
        _("Role"),
        _("Allotted hours"),
        _("Used hours"),
        _("Hours outside school time"),
        _("Share outside school time (%)"),
    ]
    rows = [
        (
            role.person,
            role.title,
            _hours(facilitation[role.pk].allotted_hours),
            _hours(facilitation[role.pk].used_hours),
            _hours(facilitation[role.pk].outside_hours),
            facilitation[role.pk].outside_percent,
        )
        for role in roles
    ]
    return header, rows


@school_required
def report(request):
    access = request.access
    require(access.can_see_overview)
    year = Schooljaar.from_request(request)
    context = {
        "report": year_report(school=access.school, year=year),
        "year": year,
        "years": schooljaar_choices(),
    }
    _log_overview_read(request, AccessKind.YEAR_REPORT, year.label)
    return render(request, "overview/report.html", context)


@school_required
def report_pdf(request):
    access = request.access
    require(access.can_see_overview)
    year = Schooljaar.from_request(request)
    pdf = exports.year_report_pdf(year_report(school=access.school, year=year))
    _log_overview_read(request, AccessKind.YEAR_REPORT, f"PDF {year.label}")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="jaarverslag-{access.school.slug}-{year.label}.pdf"'
    )
    return response


@school_required
def member_remove(request, pk):
    """A colleague leaves the school: first what they still hold, then remove on confirmation."""
    access = request.access
    require(access.can_manage_school)
    membership = get_in_school(Membership.objects.select_related("user", "school"), access, pk=pk)
    if request.method == "POST":
        try:
            school_services.member_remove(membership=membership, by=request.user)
        except school_services.TeamRuleError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(name)s no longer has access to %(school)s.")
                % {"name": membership.user, "school": membership.school.name},
            )
        return redirect("team")
    context = {
        "membership": membership,
        "handover": leaving.handover(school=access.school, person=membership.user),
        "today": timezone.localdate(),
    }
    return render(request, "overview/member_remove.html", context)


@school_required
@require_POST
def signal_snooze(request):
    """The schoolleider has seen a signal and puts it aside for some weeks."""
    access = request.access
    require(access.can_manage_school)
    form = snoozing.SnoozeForm(request.POST)
    if form.is_valid():
        put_aside = snoozing.snooze(school=access.school, by=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("Put aside until %(date)s; it comes back by itself if it still applies then.")
            % {"date": date_format(put_aside.until)},
        )
    else:
        messages.error(request, _("Choose how long to put the signal aside."))
    return redirect("home")


@school_required
@require_POST
def signal_wake(request):
    access = request.access
    require(access.can_manage_school)
    form = snoozing.WakeForm(request.POST)
    if form.is_valid():
        snoozing.wake(school=access.school, key=form.cleaned_data["key"])
        messages.success(request, _("The signal is back on the list."))
    return redirect("home")


def _download(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@school_required
def my_data(request):
    """Everything the school holds about me, as a zip (readable page and JSON)."""
    access = request.access
    require(access.is_member)
    content = person_data.person_export(school=access.school, person=request.user, by=request.user)
    return _download(content, f"mijn-gegevens-{access.school.slug}.zip")


def _person_of_school(access, pk):
    """A member of the school, or a colleague who left it; anyone else is not found."""
    people = get_user_model().objects.filter(
        Q(memberships__school=access.school) | Q(pk__in=_departed(access.school))
    )
    return get_object_or_404(people.distinct(), pk=pk)


def _departed(school):
    return Departure.objects.not_forgotten(school).values("person")


@school_required
def person_export(request, pk):
    access = request.access
    require(access.can_manage_school)
    person = _person_of_school(access, pk)
    content = person_data.person_export(school=access.school, person=person, by=request.user)
    return _download(content, f"gegevens-{slugify(str(person))}.zip")


@school_required
def person_erase(request, pk):
    """Forget a colleague who left: first what will happen, then on confirmation."""
    access = request.access
    require(access.can_manage_school)
    person = _person_of_school(access, pk)
    try:
        if request.method != "POST":
            plan = person_data.erasure_plan(school=access.school, person=person)
            return render(request, "overview/person_erase.html", {"plan": plan})
        pseudonym = person_data.person_erase(
            school=access.school,
            person=person,
            by=request.user,
            remove_files=request.POST.get("remove_files") == "on",
        )
    except person_data.ErasureRefused as error:
        messages.error(request, str(error))
        return redirect("team")
    messages.success(
        request,
        _("The colleague was forgotten; the school's records now say %(name)s.")
        % {"name": pseudonym},
    )
    return redirect("team")


def _evidence_page(request):
    access = request.access
    require(access.can_see_overview)
    year = Schooljaar.from_request(request)
    return access, year, evidence.school_evidence(school=access.school, year=year)


@school_required
def evidence_page(request):
    access, year, found = _evidence_page(request)
    _log_overview_read(
        request, AccessKind.YEAR_REPORT, _("Evidence %(year)s") % {"year": year.label}
    )
    context = {"standards": found, "year": year, "years": schooljaar_choices()}
    return render(request, "overview/evidence.html", context)


@school_required
def evidence_pdf(request):
    access, year, found = _evidence_page(request)
    _log_overview_read(
        request, AccessKind.YEAR_REPORT, _("Evidence %(year)s (PDF)") % {"year": year.label}
    )
    pdf = exports.evidence_pdf(school=access.school.name, year=year, standards=found)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="bewijs-{access.school.slug}-{year.label}.pdf"'
    )
    return response


@school_required
def evidence_csv(request):
    access, year, found = _evidence_page(request)
    filename = f"bewijs-{access.school.slug}-{year.label}.csv"
    _log_overview_read(request, AccessKind.CSV_EXPORT, filename)
    rows = [
        (
            found_standard.standard.framework,
            found_standard.standard.version,
            found_standard.standard.code,
            found_standard.standard.title,
            kind.kind.title,
            item.day.isoformat() if item.day else "",
            item.text,
            request.build_absolute_uri(item.url) if item.url else "",
        )
        for found_standard in found
        for kind in found_standard.kinds
        for item in (kind.items or [evidence.Item(None, _("no evidence"))])
    ]
    header = [
        _("Framework"),
        _("Version"),
        _("Standard"),
        _("Title"),
        _("Kind of evidence"),
        _("Date"),
        _("Evidence"),
        _("Link"),
    ]
    return exports.csv_response(
        filename=filename, header=header, rows=rows, separator=exports.separator_from(request)
    )


@school_required
def board_evidence(request):
    access = request.access
    require(access.board_staff)
    year = Schooljaar.from_request(request)
    schools = list(access.school.board.schools.order_by("name"))
    context = {
        "board": access.school.board,
        "schools": schools,
        "standards": evidence.board_evidence(schools=schools, year=year),
        "year": year,
        "years": schooljaar_choices(),
    }
    return render(request, "overview/board_evidence.html", context)
