from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from tlschool.reminders import feeds, holiday_import
from tlschool.reminders.forms import HolidayFillForm, HolidayForm, PreferencesForm
from tlschool.reminders.models import (
    Delivery,
    FeedToken,
    Holiday,
    Kind,
    Preference,
    delivery_of,
)
from tlschool.reminders.sending import BUNDLE, read_unsubscribe_token
from tlschool.schools.access import require
from tlschool.schools.decorators import school_required
from tlschool.schools.kept_pages import kept_body, schools_version
from tlschool.schools.models import School
from tlschool.schools.responses import posted


def _feed_urls(request, token, user):
    plgs = feeds.visible_plgs(user).order_by("name")
    return {
        "personal": request.build_absolute_uri(reverse("reminders:feed", args=[token])),
        "plgs": [
            (plg, request.build_absolute_uri(reverse("reminders:plg_feed", args=[token, plg.pk])))
            for plg in plgs
        ],
    }


@login_required
def preferences(request):
    form = PreferencesForm(posted(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        translation.activate(request.user.preferred_language)  # told in the language chosen
        messages.success(request, _("Your choices were saved."))
        return redirect("reminders:preferences")
    context = {
        "form": form,
        "has_feed": FeedToken.objects.filter(user=request.user).exists(),
    }
    return render(
        request, "reminders/preferences.html", context, status=422 if form.errors else 200
    )


@login_required
@require_POST
def feed_renew(request):
    """A new secret feed address; the old one stops at once. Shown this once."""
    token = FeedToken.renew(request.user)
    context = {
        "form": PreferencesForm(user=request.user),
        "has_feed": True,
        "feed_urls": _feed_urls(request, token, request.user),
    }
    return render(request, "reminders/preferences.html", context)


def _calendar_response(body: bytes) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    response["Content-Disposition"] = 'inline; filename="tlschool.ics"'
    return response


@require_GET
def feed(request, token):
    user = FeedToken.user_for(token)
    if user is None:
        raise Http404
    first, version = schools_version(School.objects.filter(memberships__user=user))
    if first is None:
        return _calendar_response(feeds.personal_feed(user))
    # A calendar program asks every so often; the feed is made again when a school changed.
    body = kept_body(
        school_id=first,
        parts=["feed", str(user.pk)],
        version=version,
        make=lambda: feeds.personal_feed(user),
    )
    return _calendar_response(body)


@require_GET
def plg_feed(request, token, pk):
    user = FeedToken.user_for(token)
    body = feeds.plg_feed(user, pk) if user is not None else None
    if body is None:
        raise Http404
    return _calendar_response(body)


@csrf_exempt
def unsubscribe(request, token):
    """One click from a reminder, signed in or not (RFC 8058: mail programs POST here). The
    page names only the kind of reminder, nothing of the person."""
    found = read_unsubscribe_token(token)
    if found is None or request.method not in ("GET", "POST"):
        raise Http404
    user_id, kind = found
    user = get_object_or_404(get_user_model(), pk=user_id, is_active=True)
    done = request.method == "POST"
    if kind == BUNDLE:
        label = _("the Monday e-mail")
        kinds = [k for k in Kind if delivery_of(user, k) == Delivery.WEEKLY]
    else:
        label, kinds = Kind(kind).label, [kind]
    if done:
        for each in kinds:
            Preference.objects.update_or_create(
                user=user, kind=each, defaults={"delivery": Delivery.OFF}
            )
    return render(
        request,
        "reminders/unsubscribe.html",
        {"kind_label": label, "done": done, "token": token},
    )


def _holidays_page(request, school, form, fill_form):
    return render(
        request,
        "reminders/holidays.html",
        {"form": form, "fill_form": fill_form, "holidays": school.holidays.all()},
        status=422 if form.errors or fill_form.errors else 200,
    )


def _fill_form(school, data=None, files=None):
    return HolidayFillForm(data, files, initial={"region": school.holiday_region})


@school_required
def holidays(request):
    require(request.access.can_manage_school)
    school = request.access.school
    form = HolidayForm(posted(request), instance=Holiday(school=school))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The holiday was added."))
        return redirect("reminders:holidays")
    return _holidays_page(request, school, form, _fill_form(school))


@school_required
@require_POST
def holidays_fill(request):
    """The holidays of the school's region from the government's table."""
    require(request.access.can_manage_school)
    school = request.access.school
    fill_form = _fill_form(school, request.POST, request.FILES)
    if not fill_form.is_valid():
        return _holidays_page(request, school, HolidayForm(), fill_form)
    school.holiday_region = fill_form.cleaned_data["region"]
    school.save(update_fields=["holiday_region"])
    table = fill_form.cleaned_data["table"]
    added = holiday_import.fill_in(school, table)
    messages.success(
        request,
        ngettext(
            "%(count)s holiday of region %(region)s added (%(years)s).",
            "%(count)s holidays of region %(region)s added (%(years)s).",
            added,
        )
        % {
            "count": added,
            "region": school.get_holiday_region_display(),
            "years": ", ".join(holiday_import.school_years(table)),
        },
    )
    return redirect("reminders:holidays")


@school_required
@require_POST
def holiday_remove(request, pk):
    require(request.access.can_manage_school)
    get_object_or_404(Holiday, pk=pk, school=request.access.school).delete()
    messages.success(request, _("The holiday was removed."))
    return redirect("reminders:holidays")
