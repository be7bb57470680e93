from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tlschool.overview import exports
from tlschool.privacy.access import accesses_in, accesses_to
from tlschool.privacy.forms import RetentionForm
from tlschool.privacy.models import Retention
from tlschool.privacy.register import processings
from tlschool.schools.access import require
from tlschool.schools.decorators import school_required
from tlschool.schools.responses import posted


@school_required
def privacy_page(request):
    """For everyone in the school: what is kept, why, who sees it, how long, and your rights."""
    context = {"processings": processings(Retention.for_school(request.access.school))}
    return render(request, "privacy/privacy.html", context)


@school_required
def my_access_log(request):
    require(request.access.is_member)
    rows = accesses_to(school=request.access.school, person=request.user)[:500]
    return render(request, "privacy/access_log.html", {"rows": rows, "mine": True})


@school_required
def school_access_log(request):
    require(request.access.can_manage_school)
    rows = accesses_in(school=request.access.school)[:500]
    return render(request, "privacy/access_log.html", {"rows": rows, "mine": False})


@school_required
def retention_settings(request):
    require(request.access.can_manage_school)
    form = RetentionForm(posted(request), instance=Retention.for_school(request.access.school))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The retention periods were saved."))
        return redirect("privacy:retention")
    return render(
        request, "privacy/retention.html", {"form": form}, status=422 if form.errors else 200
    )


@school_required
def register_csv(request):
    """The verwerkingsregister entries of this school, for the board's privacy officer (FG)."""
    require(request.access.can_see_overview)
    rows = [
        (p.what, p.data, p.why, p.who_sees, p.kept, request.access.school.name)
        for p in processings(Retention.for_school(request.access.school))
    ]
    header = [
        _("Processing"),
        _("Personal data"),
        _("Purpose"),
        _("Who sees it"),
        _("Retention"),
        _("School"),
    ]
    return exports.csv_response(
        filename=f"verwerkingsregister-{request.access.school.slug}.csv",
        header=header,
        rows=rows,
        separator=exports.separator_from(request),
    )
