from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from tlschool.parsing import parse_id
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
from tlschool.schools.models import Ambition, Membership, Role
from tlschool.schools.responses import posted, redirect_after_post, render_page
from tlschool.schools.team_import import team_csv_parse


@require_GET
@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


@login_required
@require_POST
def school_switch(request):
    school_id = parse_id(request.POST.get("school"))
    allowed = {school.pk for school, _role in request.access.available_schools}
    if school_id in allowed:
        request.session[SESSION_KEY] = school_id
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
        try:
            membership, invited = services.member_add(
                school=request.access.school, request=request, **form.cleaned_data
            )
        except services.TeamRuleError as error:
            form.add_error("email", str(error))
        else:
            if invited:
                message = _("%(name)s was added and invited by e-mail.")
            else:
                message = _(
                    "%(name)s was added, but the invitation e-mail could not be sent. They can "
                    "use 'Forgot your password?' on the log-in page."
                )
            messages.success(request, message % {"name": membership.user})
            return redirect_after_post(request, "team")
    context = {
        "form": form,
        "members": _team_members(request.access),
        "role_choices": Role.choices,
    }
    return render_page(
        request, "schools/team.html", context, partial="member-add", invalid=form.is_bound
    )


@school_required
@require_POST
def member_role(request, pk):
    require(request.access.can_manage_school)
    membership = get_in_school(Membership.objects.select_related("user"), request.access, pk=pk)
    form = MemberRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid role."))
    else:
        try:
            services.member_set_role(membership=membership, role=form.cleaned_data["role"])
        except services.TeamRuleError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("%(name)s is now %(role)s.")
                % {"name": membership.user, "role": membership.get_role_display()},
            )
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
                added = services.team_import_apply(
                    school=request.access.school, preview=preview, request=request
                )
                messages.success(
                    request,
                    _("%(added)s people were added to the team.") % {"added": added},
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
