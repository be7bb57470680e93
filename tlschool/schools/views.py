from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from tlschool.history import HistoryLine, history_lines
from tlschool.parsing import parse_id
from tlschool.privacy.models import Departure, Erasure
from tlschool.schools import services
from tlschool.schools.access import get_in_school, require, scoped
from tlschool.schools.decorators import school_required
from tlschool.schools.forms import (
    AmbitionForm,
    MemberAddForm,
    MemberRoleForm,
    SchoolSettingsForm,
    TeamImportConfirmForm,
    TeamImportForm,
)
from tlschool.schools.middleware import SESSION_KEY
from tlschool.schools.models import Ambition, Invitation, Membership, Role
from tlschool.schools.responses import posted, redirect_after_post, render_page
from tlschool.schools.team_import import team_csv_parse


def worker_health() -> dict:
    """The background worker's last heartbeat, and whether it is recent."""
    from datetime import timedelta

    from django.conf import settings
    from django.utils import timezone

    from tlschool.reminders.models import Heartbeat

    beat = Heartbeat.objects.filter(name="worker").values_list("beat_at", flat=True).first()
    if beat is None:
        return {"last_heartbeat": None, "state": "never seen"}
    late = timezone.now() - beat > timedelta(minutes=settings.WORKER_HEARTBEAT_MINUTES)
    return {"last_heartbeat": beat.isoformat(), "state": "late" if late else "ok"}


@require_GET
@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up", "worker": worker_health()})


@login_required
@require_POST
def school_switch(request):
    school = request.access.school_by_id(parse_id(request.POST.get("school")))
    if school is not None:
        request.session[SESSION_KEY] = school.pk
        services.school_choose(user=request.user, school=school)
    else:
        messages.error(request, _("You do not have access to that school."))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = reverse("home")
    return HttpResponseRedirect(next_url)


def _team_members(access):
    return scoped(Membership.objects.select_related("user"), access).order_by(
        "user__full_name", "user__username"
    )


@school_required
def team(request):
    require(request.access.can_manage_school)
    form = MemberAddForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            _invitation, sent = services.member_invite(
                school=request.access.school,
                full_name=data["full_name"],
                email=data["email"],
                role=data["role"],
                by=request.user,
                request=request,
            )
        except services.TeamRuleError as error:
            form.add_error("email", str(error))
        else:
            if sent:
                message = _("%(name)s was invited by e-mail and joins the team after accepting.")
            else:
                message = _(
                    "%(name)s was invited, but the e-mail could not be sent. Try again later by "
                    "withdrawing and inviting again."
                )
            messages.success(request, message % {"name": data["full_name"]})
            return redirect_after_post(request, "team")
    context = {
        "form": form,
        "members": _team_members(request.access),
        "invitations": scoped(Invitation.objects.all(), request.access),
        "departures": Departure.objects.not_forgotten(request.access.school).select_related(
            "person"
        ),
        "role_choices": Role.choices,
    }
    return render_page(
        request, "schools/team.html", context, partial="member-add", invalid=form.is_bound
    )


@school_required
def team_history(request):
    """Who joined, changed role or left, and who did it."""
    require(request.access.can_manage_school)
    lines = history_lines(
        Membership.history.filter(school_id=request.access.school.pk),
        subject=lambda record: _("Membership"),
    )
    lines += [
        HistoryLine(
            at=erasure.at,
            by=erasure.by,
            subject=_("A colleague who left"),
            action=_("was forgotten; the records now say %(name)s") % {"name": erasure.pseudonym},
        )
        for erasure in Erasure.objects.filter(school=request.access.school).select_related("by")
    ]
    lines.sort(key=lambda line: line.at, reverse=True)
    context = {
        "title": _("Team of %(school)s") % {"school": request.access.school.name},
        "back_url": reverse("team"),
        "explanation": _("Who joined the team, changed role or left, and who did it."),
        "lines": lines,
    }
    return render(request, "includes/history_page.html", context)


@school_required
@require_POST
def invitation_withdraw(request, pk):
    require(request.access.can_manage_school)
    invitation = get_in_school(Invitation.objects.all(), request.access, pk=pk)
    invitation.delete()
    messages.success(
        request,
        _("The invitation of %(name)s was withdrawn.") % {"name": invitation.name_given},
    )
    return redirect_after_post(request, "team")


@login_required
def invitations(request):
    """The invitations waiting for the signed-in person: accept or decline each."""
    pending = services.invitations_for(user=request.user)
    return render(request, "schools/invitations.html", {"invitations": pending})


def _my_invitation(request, pk) -> Invitation:
    return get_object_or_404(Invitation.objects.select_related("school"), user=request.user, pk=pk)


@login_required
@require_POST
def invitation_accept(request, pk):
    invitation = _my_invitation(request, pk)
    services.invitation_accept(invitation=invitation, user=request.user)
    request.session[SESSION_KEY] = invitation.school_id
    messages.success(
        request, _("Welcome to the team of %(school)s.") % {"school": invitation.school.name}
    )
    return redirect("home")


@login_required
@require_POST
def invitation_decline(request, pk):
    invitation = _my_invitation(request, pk)
    services.invitation_decline(invitation=invitation, user=request.user)
    messages.success(
        request,
        _("You declined the invitation of %(school)s.") % {"school": invitation.school.name},
    )
    return redirect("invitations")


@school_required
@require_POST
def member_role(request, pk):
    """A colleague's role, saved per row: in place with htmx (the row says it was saved), or
    with a page load without JavaScript."""
    require(request.access.can_manage_school)
    membership = get_in_school(Membership.objects.select_related("user"), request.access, pk=pk)
    form = MemberRoleForm(request.POST)
    error = status = None
    if not form.is_valid():
        error = _("Choose a valid role.")
    else:
        try:
            services.member_set_role(membership=membership, role=form.cleaned_data["role"])
        except services.TeamRuleError as refused:
            error = str(refused)
            membership.refresh_from_db()
        else:
            status = _("%(name)s is now %(role)s.") % {
                "name": membership.user,
                "role": membership.get_role_display(),
            }
    if request.htmx:
        context = {
            "member": membership,
            "role_choices": Role.choices,
            "role_status": status,
            "role_error": error,
        }
        return render(
            request, "schools/team.html#member-role", context, status=422 if error else 200
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(request, status)
    return redirect("team")


@school_required
def team_import(request):
    require(request.access.can_manage_school)
    preview = None
    form = TeamImportForm()
    if request.method == "POST" and "csv_text" in request.POST:
        confirm = TeamImportConfirmForm(request.POST)
        if confirm.is_valid():
            preview = team_csv_parse(confirm.cleaned_data["csv_text"])
            if preview.is_valid:
                invited = services.team_import_apply(
                    school=request.access.school, preview=preview, by=request.user, request=request
                )
                messages.success(
                    request,
                    _(
                        "%(invited)s people were invited by e-mail; they join the team after "
                        "accepting."
                    )
                    % {"invited": invited},
                )
                return redirect("team")
    elif request.method == "POST":
        form = TeamImportForm(request.POST, request.FILES)
        if form.is_valid():
            preview = team_csv_parse(form.cleaned_data["file"])
            if preview.is_valid:
                confirm = TeamImportConfirmForm(initial={"csv_text": form.cleaned_data["file"]})
                return render(
                    request,
                    "schools/team_import.html",
                    {"form": form, "preview": preview, "confirm": confirm},
                )
    return render(
        request,
        "schools/team_import.html",
        {"form": form, "preview": preview},
        status=422 if (preview and not preview.is_valid) or form.errors else 200,
    )


@school_required
def ambitions(request):
    access = request.access
    form = AmbitionForm()
    if request.method == "POST":
        require(access.can_manage_school)
        form = AmbitionForm(request.POST)
        if form.is_valid():
            services.ambition_add(school=access.school, **form.cleaned_data)
            messages.success(request, _("The ambition was added."))
            return redirect("ambitions")
    return render(
        request,
        "schools/ambitions.html",
        {"form": form, "ambitions": scoped(Ambition.objects.all(), access)},
        status=422 if form.errors else 200,
    )


@school_required
@require_POST
def ambition_remove(request, pk):
    """Take an ambition off the list; roles and innovations that named it keep their text."""
    require(request.access.can_manage_school)
    ambition = get_in_school(Ambition.objects.all(), request.access, pk=pk)
    ambition.delete()
    messages.success(request, _("The ambition %(title)s was removed.") % {"title": ambition.title})
    return redirect_after_post(request, "ambitions")


@school_required
def school_settings(request):
    require(request.access.can_manage_school)
    school = request.access.school
    form = SchoolSettingsForm(posted(request), instance=school)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The school settings were saved."))
        return redirect("school_settings")
    return render(
        request,
        "schools/settings.html",
        {"form": form},
        status=422 if form.errors else 200,
    )
