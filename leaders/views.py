from django.contrib import messages
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from innovations.selectors import innovations_owned_by
from leaders import growth as growth_rules
from leaders import rules, selectors, services
from leaders.forms import (
    AllotmentForm,
    AnnouncementForm,
    AspirationForm,
    CourseForm,
    DialogueNoteForm,
    ExpertiseForm,
    FeedbackAnswerForm,
    GrowthAgreementForm,
    GrowthScoresForm,
    GrowthStepForm,
    LeadershipGoalForm,
    MandateItemForm,
    RoleForm,
    SelfAssessmentForm,
    TimeEntryForm,
    WellbeingForm,
)
from leaders.models import (
    Aspiration,
    Course,
    DialogueNote,
    FeedbackAnswer,
    FeedbackRequest,
    GrowthAgreement,
    LeadershipGoal,
    MandateItem,
    Recognition,
    TeacherLeaderRole,
    TimeEntry,
    WellbeingCheckIn,
)
from plg.selectors import plgs_led_by
from tlschool.parsing import parse_id
from tlschool.privacy.access import AccessKind, access_record
from tlschool.schools.access import get_in_school, require
from tlschool.schools.decorators import school_required
from tlschool.schools.kept_pages import kept_page
from tlschool.schools.responses import posted, redirect_after_post, render_page
from tlschool.schools.schooljaar import Schooljaar, schooljaar_choices


@school_required
@kept_page
def who_leads_what(request):
    access = request.access
    year = Schooljaar.from_request(request)
    ambition_id = parse_id(request.GET.get("ambition"))
    roles = selectors.roles_in_year(school=access.school, year=year, ambition_id=ambition_id)
    mine = set(
        Recognition.objects.filter(person=request.user, role__in=roles).values_list(
            "role_id", flat=True
        )
    )
    rows = [
        {
            "role": role,
            "mandate": selectors.agreed_mandate(role),
            "positioning": selectors.positioning(role),
            "may_recognise": rules.may_recognise(access, role) and bool(role.announcements.all()),
            "recognised": role.pk in mine,
        }
        for role in roles
    ]
    context = {
        "rows": rows,
        "year": year,
        "years": schooljaar_choices(),
        "ambitions": access.school.ambitions.all(),
        "ambition_id": ambition_id,
        "extras": _role_extras(access.school, [role.person_id for role in roles]),
        "may_aspire": rules.may_aspire(access),
        "aspiration_count": selectors.aspirations_of(access.school).count()
        if rules.may_follow_aspirations(access)
        else None,
    }
    return render(request, "leaders/who_leads_what.html", context)


def _role_extras(school, person_ids):
    """PLGs and innovations per person, from the apps that carry them."""
    return {
        "plgs": plgs_led_by(school=school, person_ids=person_ids),
        "innovations": innovations_owned_by(school=school, person_ids=person_ids),
    }


@school_required
def role_create(request):
    access = request.access
    require(rules.may_manage_role(access))
    form = RoleForm(posted(request), school=access.school)
    if request.method == "POST" and form.is_valid():
        try:
            role = services.role_create(school=access.school, by=request.user, **form.cleaned_data)
        except services.LeaderRuleError as error:
            form.add_error("person", str(error))
        else:
            messages.success(
                request, _("The role was created. Now agree the mandate and tell the team.")
            )
            return redirect_after_post(request, "leaders:role", pk=role.pk)
    return render_page(request, "leaders/role_form.html", {"form": form}, invalid=form.is_bound)


def _role(request, pk) -> TeacherLeaderRole:
    return get_in_school(selectors.roles_queryset(request.access.school), request.access, pk=pk)


@school_required
def role_edit(request, pk):
    access = request.access
    role = _role(request, pk)
    if rules.may_manage_role(access):
        form = RoleForm(posted(request), instance=role, school=access.school)
    else:
        require(rules.is_holder(access, role))
        form = ExpertiseForm(posted(request), instance=role)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The role was saved."))
        return redirect_after_post(request, "leaders:role", pk=role.pk)
    return render_page(
        request, "leaders/role_form.html", {"form": form, "role": role}, invalid=form.is_bound
    )


def _role_context(request, role, **forms):
    access = request.access
    year = Schooljaar.from_request(request)
    private = rules.may_see_private(access, role)
    context = {
        "role": role,
        "year": year,
        "mandate": selectors.current_mandate(role),
        "agreed_mandate": selectors.agreed_mandate(role),
        "mandates": list(role.mandates.all()),
        "positioning": selectors.positioning(role),
        "recognition": selectors.recognition_of(role),
        "aspiration": selectors.aspiration_of(school=role.school, person=role.person)
        if private
        else None,
        "private": private,
        "is_holder": rules.is_holder(access, role),
        "may_manage": rules.may_manage_role(access),
        "may_edit_mandate": rules.may_edit_mandate(access, role),
        "may_read_history": rules.may_read_history(access, role),
        "courses": Course.objects.filter(school=access.school, person=role.person),
        "extras": _role_extras(access.school, [role.person_id]),
        "mandate_item_form": forms.get("mandate_item_form")
        or MandateItemForm(
            initial={"seen_version": getattr(selectors.current_mandate(role), "version", None)}
        ),
        "announcement_form": forms.get("announcement_form") or AnnouncementForm(),
        "allotment_form": forms.get("allotment_form") or _allotment_form(role, year),
        "course_form": forms.get("course_form") or CourseForm(),
    }
    if private:
        access_record(
            school=access.school,
            viewer=request.user,
            subject=role.person,
            kind=AccessKind.ROLE_PRIVATE,
            detail=role.title,
        )
        context.update(
            facilitation=selectors.facilitation_for_roles(
                roles=[role], year=year, school=access.school
            )[role.pk],
            time_entries=role.time_entries.filter(worked_on__range=(year.start, year.end)),
            time_form=forms.get("time_form") or TimeEntryForm(role=role),
            skill_trends=selectors.skill_trends(school=access.school, person=role.person),
            assessment_form=forms.get("assessment_form") or SelfAssessmentForm(),
            dialogue_notes=DialogueNote.objects.filter(
                school=access.school, person=role.person
            ).select_related("author"),
            dialogue_form=forms.get("dialogue_form") or DialogueNoteForm(),
            wellbeing=WellbeingCheckIn.objects.filter(school=access.school, person=role.person)[
                :WELLBEING_SHOWN
            ],
            wellbeing_form=forms.get("wellbeing_form") or WellbeingForm(role=role),
            leadership_goals=selectors.leadership_goals(access.school),
            feedback_answers=selectors.feedback_answers(school=access.school, person=role.person),
            feedback_request=selectors.open_feedback_request(
                school=access.school, person=role.person
            )
            if rules.is_holder(access, role)
            else None,
            feedback_form=forms.get("feedback_form") or FeedbackAnswerForm(role=role),
        )
    return context


# The check-ins shown beside the time outside school: enough to see a trend over a year.
WELLBEING_SHOWN = 6


def _allotment_form(role, year):
    current = next((a for a in role.allotments.all() if a.schooljaar == year.start_year), None)
    if current is None:
        return AllotmentForm(initial={"schooljaar": year.label})
    return AllotmentForm(
        initial={"schooljaar": year.label, "amount": current.amount, "unit": current.unit}
    )


@school_required
def role_history(request, pk):
    role = _role(request, pk)
    require(rules.may_read_history(request.access, role))
    context = {
        "title": str(role),
        "back_url": reverse("leaders:role", args=[role.pk]),
        "explanation": _(
            "Every change to the role, its mandate, the time allotted and what was told to the "
            "team, with the old and the new value. The time log and dialogue notes are private "
            "and not kept here."
        ),
        "lines": selectors.role_history(role),
    }
    return render(request, "includes/history_page.html", context)


@school_required
def role_detail(request, pk):
    role = _role(request, pk)
    return render(request, "leaders/role_detail.html", _role_context(request, role))


def _role_form_post(request, pk, *, form_class, form_name, allowed, save, partial, done_message):
    """The shared shape of every small form on the role page."""
    role = _role(request, pk)
    require(allowed(request.access, role))
    form = form_class(request.POST, role=role)
    if form.is_valid():
        try:
            save(request, role, form.cleaned_data)
        except services.StaleMandateError as error:
            # Keep what was typed, show the other change, and let the next save be on it.
            data = request.POST.copy()
            data["seen_version"] = str(error.mandate.version)
            form = form_class(data, role=role)
            form.is_valid()
            form.add_error(None, str(error))
            role = _role(request, pk)
        except services.LeaderRuleError as error:
            form.add_error(None, str(error))
        else:
            if not request.htmx:
                messages.success(request, done_message)
                return redirect_after_post(request, "leaders:role", pk=role.pk)
            role = _role(request, pk)
            return render_page(
                request, "leaders/role_detail.html", _role_context(request, role), partial=partial
            )
    context = _role_context(request, role, **{form_name: form})
    return render_page(request, "leaders/role_detail.html", context, partial=partial, invalid=True)


@school_required
@require_POST
def mandate_item_add(request, pk):
    return _role_form_post(
        request,
        pk,
        form_class=MandateItemForm,
        form_name="mandate_item_form",
        allowed=rules.may_edit_mandate,
        save=lambda request, role, data: services.mandate_item_add(role=role, **data),
        partial="mandate",
        done_message=_("The mandate item was added."),
    )


def _seen_version(request) -> int | None:
    return parse_id(request.POST.get("seen_version"))


@school_required
@require_POST
def mandate_item_remove(request, pk, item_pk):
    role = _role(request, pk)
    require(rules.may_edit_mandate(request.access, role))
    item = get_in_school(
        MandateItem.objects.filter(mandate__role=role),
        request.access,
        school_path="mandate__role__school",
        pk=item_pk,
    )
    try:
        services.mandate_item_remove(item=item, seen_version=_seen_version(request))
    except services.LeaderRuleError as error:
        messages.error(request, str(error))
        return redirect_after_post(request, "leaders:role", pk=role.pk)
    if request.htmx:
        role = _role(request, pk)
        return render_page(
            request, "leaders/role_detail.html", _role_context(request, role), partial="mandate"
        )
    messages.success(request, _("The mandate item was removed."))
    return redirect_after_post(request, "leaders:role", pk=role.pk)


@school_required
@require_POST
def mandate_agree(request, pk):
    access = request.access
    role = _role(request, pk)
    require(rules.may_agree_mandate(access, role))
    try:
        services.mandate_agree(
            role=role,
            by=request.user,
            as_schoolleider=access.is_schoolleider,
            seen_version=_seen_version(request),
        )
    except services.LeaderRuleError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your agreement to the mandate was recorded."))
    return redirect_after_post(request, "leaders:role", pk=role.pk)


@school_required
def mandate_version(request, pk, version):
    role = _role(request, pk)
    mandate = next((m for m in role.mandates.all() if m.version == version), None)
    if mandate is None:
        raise Http404
    return render(request, "leaders/mandate_version.html", {"role": role, "mandate": mandate})


@school_required
@require_POST
def announcement_add(request, pk):
    return _role_form_post(
        request,
        pk,
        form_class=AnnouncementForm,
        form_name="announcement_form",
        allowed=lambda access, role: rules.may_manage_role(access),
        save=lambda request, role, data: services.announcement_record(
            role=role, by=request.user, **data
        ),
        partial=None,
        done_message=_("The announcement was recorded."),
    )


@school_required
@require_POST
def allotment_set(request, pk):
    return _role_form_post(
        request,
        pk,
        form_class=AllotmentForm,
        form_name="allotment_form",
        allowed=lambda access, role: rules.may_manage_role(access),
        save=lambda request, role, data: services.allotment_set(role=role, **data),
        partial=None,
        done_message=_("The facilitated time was saved."),
    )


@school_required
@require_POST
def time_entry_add(request, pk):
    return _role_form_post(
        request,
        pk,
        form_class=TimeEntryForm,
        form_name="time_form",
        allowed=rules.may_log_time,
        save=lambda request, role, data: services.time_entry_add(role=role, **data),
        partial="time",
        done_message=_("The time was logged."),
    )


@school_required
@require_POST
def time_entry_remove(request, pk, entry_pk):
    """The teacher leader takes back a line logged by mistake (in place with htmx)."""
    role = _role(request, pk)
    require(rules.may_log_time(request.access, role))
    entry = get_in_school(
        TimeEntry.objects.filter(role=role), request.access, school_path="role__school", pk=entry_pk
    )
    entry.delete()
    if request.htmx:
        return render_page(
            request, "leaders/role_detail.html", _role_context(request, role), partial="time"
        )
    messages.success(request, _("The time line was removed."))
    return redirect_after_post(request, "leaders:role", pk=role.pk)


@school_required
@require_POST
def course_add(request, pk):
    return _role_form_post(
        request,
        pk,
        form_class=CourseForm,
        form_name="course_form",
        allowed=rules.may_see_private,
        save=lambda request, role, data: services.course_add(role=role, **data),
        partial=None,
        done_message=_("The course was added."),
    )


def _course(request, role, course_pk) -> Course:
    courses = Course.objects.filter(person=role.person)
    return get_in_school(courses, request.access, pk=course_pk)


@school_required
def course_edit(request, pk, course_pk):
    """Bring a course up to date: it started, it was completed, or it stopped."""
    role = _role(request, pk)
    require(rules.may_see_private(request.access, role))
    course = _course(request, role, course_pk)
    form = CourseForm(posted(request), instance=course, role=role)
    if form.is_valid():
        form.save()
        messages.success(request, _("The course was saved."))
        return redirect_after_post(request, "leaders:role", pk=role.pk)
    context = {"form": form, "role": role, "course": course}
    return render_page(request, "leaders/course_form.html", context, invalid=form.is_bound)


@school_required
@require_POST
def course_remove(request, pk, course_pk):
    """Take back a course recorded by mistake."""
    role = _role(request, pk)
    require(rules.may_see_private(request.access, role))
    _course(request, role, course_pk).delete()
    messages.success(request, _("The course was removed."))
    return redirect_after_post(request, "leaders:role", pk=role.pk)


@school_required
@require_POST
def assessment_add(request, pk):
    return _role_form_post(
        request,
        pk,
        form_class=SelfAssessmentForm,
        form_name="assessment_form",
        allowed=rules.is_holder,
        save=lambda request, role, data: services.self_assessment_add(
            school=role.school, person=role.person, **data
        ),
        partial="skills",
        done_message=_("Your self-assessment was saved."),
    )


@school_required
@require_POST
def dialogue_add(request, pk):
    return _role_form_post(
        request,
        pk,
        form_class=DialogueNoteForm,
        form_name="dialogue_form",
        allowed=rules.may_see_private,
        save=lambda request, role, data: services.dialogue_note_add(
            school=role.school, person=role.person, author=request.user, **data
        ),
        partial=None,
        done_message=_("The note was saved."),
    )


@school_required
@require_POST
def wellbeing_add(request, pk):
    return _role_form_post(
        request,
        pk,
        form_class=WellbeingForm,
        form_name="wellbeing_form",
        allowed=rules.may_see_private,
        save=lambda request, role, data: WellbeingCheckIn.objects.create(
            school=role.school, person=role.person, recorded_by=request.user, **data
        ),
        partial=None,
        done_message=_("The check-in was saved."),
    )


@school_required
def leadership_goals(request):
    """The schoolleider's own learning goals in leading teacher leaders; the school's teacher
    leaders read them on their role page."""
    access = request.access
    require(access.is_schoolleider)
    if request.method == "POST" and request.POST.get("reached"):
        goal = get_in_school(
            LeadershipGoal.objects.all(), access, pk=parse_id(request.POST["reached"])
        )
        goal.reached_on = timezone.localdate()
        goal.save(update_fields=["reached_on"])
        messages.success(request, _("Marked as reached."))
        return redirect("leaders:leadership_goals")
    form = LeadershipGoalForm(
        posted(request), instance=LeadershipGoal(school=access.school, author=request.user)
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The learning goal was added; your teacher leaders read it."))
        return redirect("leaders:leadership_goals")
    context = {
        "form": form,
        "goals": selectors.leadership_goals(access.school),
        "last_request": FeedbackRequest.objects.filter(school=access.school)
        .annotate(answer_count=Count("answers"))
        .first(),
    }
    return render_page(request, "leaders/leadership_goals.html", context, invalid=form.is_bound)


@school_required
@require_POST
def recognise(request, pk):
    """ "I know what [name] does and may do" on Wie leidt wat, or taking it back."""
    role = _role(request, pk)
    require(rules.may_recognise(request.access, role))
    knows = request.POST.get("knows") != "no"
    try:
        services.recognition_set(role=role, person=request.user, knows=knows)
    except services.LeaderRuleError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Noted: you know what %(name)s does and may do.") % {"name": role.person}
            if knows
            else _("Taken back."),
        )
    return redirect(reverse("leaders:who_leads_what") + f"#role-{role.pk}")


@school_required
def aspiration(request):
    """A colleague says they would like to grow into a teacher-leader role, or takes it back;
    they see the steps agreed with the schoolleider."""
    access = request.access
    require(rules.may_aspire(access))
    mine = Aspiration.objects.filter(school=access.school, person=request.user).first()
    if request.method == "POST" and request.POST.get("withdraw"):
        if mine is not None:
            mine.delete()
        messages.success(request, _("Taken back."))
        return redirect("leaders:aspiration")
    form = AspirationForm(
        posted(request), instance=mine or Aspiration(school=access.school, person=request.user)
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved. Your schoolleider sees it and will talk with you."))
        return redirect("leaders:aspiration")
    context = {"form": form, "aspiration": mine}
    return render_page(request, "leaders/aspiration.html", context, invalid=form.is_bound)


@school_required
@require_GET
def aspirations(request):
    """The schoolleider: who would like to grow, on which theme and why, and their steps."""
    access = request.access
    require(rules.may_follow_aspirations(access))
    return render(
        request,
        "leaders/aspirations.html",
        {"aspirations": selectors.aspirations_of(access.school), "step_form": GrowthStepForm()},
    )


@school_required
@require_POST
def growth_step_add(request, pk):
    access = request.access
    require(rules.may_follow_aspirations(access))
    found = get_in_school(Aspiration.objects.all(), access, pk=pk)
    form = GrowthStepForm(request.POST)
    if not form.is_valid():
        context = {
            "aspirations": selectors.aspirations_of(access.school),
            "step_form": GrowthStepForm(),
            "failed": (found.pk, form),
        }
        return render(request, "leaders/aspirations.html", context, status=422)
    step = form.save(commit=False)
    step.aspiration, step.recorded_by = found, request.user
    step.save()
    messages.success(request, _("The step was recorded."))
    return redirect(reverse("leaders:aspirations") + f"#aspiration-{found.pk}")


@school_required
@require_POST
def feedback_ask(request):
    """The schoolleider asks the school's teacher leaders what they need (a few times a year)."""
    access = request.access
    require(access.is_schoolleider)
    FeedbackRequest.objects.create(
        school=access.school, asked_by=request.user, asked_on=timezone.localdate()
    )
    messages.success(
        request, _("Asked. Your teacher leaders see the question on their home page and role page.")
    )
    return redirect("leaders:leadership_goals")


def _feedback_save(request, role, data):
    found = selectors.open_feedback_request(school=role.school, person=role.person)
    if found is None:
        raise services.LeaderRuleError(_("Nothing has been asked at the moment."))
    FeedbackAnswer.objects.create(request=found, person=role.person, **data)


@school_required
@require_POST
def feedback_answer(request, pk):
    return _role_form_post(
        request,
        pk,
        form_class=FeedbackAnswerForm,
        form_name="feedback_form",
        allowed=rules.is_holder,
        save=_feedback_save,
        partial=None,
        done_message=_("Thank you. Your schoolleider reads it before your next conversation."),
    )


@school_required
def growth(request, pk):
    """The teacher leader's growth profile for this schooljaar: each side scores alone, then
    they agree a level and a next step together. Only the two of them."""
    access = request.access
    role = _role(request, pk)
    require(rules.may_see_private(access, role))
    year = Schooljaar.from_request(request)
    scorer = growth_rules.scorer_for(access, role)
    rows = growth_rules.profile(role=role, year=year, scorer=scorer)
    scores_form = GrowthScoresForm(rows=rows)
    agreement_form = GrowthAgreementForm()
    if request.method == "POST" and request.POST.get("action") == "agree":
        agreement_form = GrowthAgreementForm(request.POST)
        if agreement_form.is_valid():
            data = agreement_form.cleaned_data
            GrowthAgreement.objects.update_or_create(
                school=role.school,
                person=role.person,
                schooljaar=year.start_year,
                area=data["area"],
                defaults={"level": data["level"], "next_step": data["next_step"]},
            )
            messages.success(request, _("The agreed level and next step were saved."))
            return redirect(reverse("leaders:growth", args=[role.pk]) + f"?schooljaar={year.label}")
    elif request.method == "POST":
        scores_form = GrowthScoresForm(request.POST, rows=rows)
        if scores_form.is_valid():
            growth_rules.save_scores(
                role=role, year=year, scorer=scorer, scores=scores_form.cleaned_data
            )
            messages.success(request, _("Your scores were saved."))
            return redirect(reverse("leaders:growth", args=[role.pk]) + f"?schooljaar={year.label}")
    access_record(
        school=access.school,
        viewer=request.user,
        subject=role.person,
        kind=AccessKind.ROLE_PRIVATE,
        detail=_("growth profile"),
    )
    context = {
        "role": role,
        "year": year,
        "years": schooljaar_choices(),
        "rows": rows,
        "scores_form": scores_form,
        "agreement_form": agreement_form,
        "is_holder": scorer == "self",
        "chart": growth_rules.trend(role=role),
    }
    invalid = request.method == "POST" and bool(scores_form.errors or agreement_form.errors)
    return render_page(request, "leaders/growth.html", context, invalid=invalid)
