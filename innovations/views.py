from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from innovations import borging, rules, selectors, services
from innovations.forms import (
    AdjustmentForm,
    ApproachForm,
    BorgingPlanForm,
    BorgingReviewForm,
    CriterionForm,
    InnovationForm,
    MonitoringEntryForm,
    MonitoringPlanForm,
    MoveForm,
    PulseAnswerForm,
    SlowdownForm,
    StagePlanForm,
)
from innovations.models import EventKind, MonitoringEntry, Pulse
from innovations.stages import ADJUSTABLE, BOARD_COLUMNS, Stage, allowed_targets
from tlschool.schools.access import get_in_school, require
from tlschool.schools.decorators import school_required
from tlschool.schools.responses import posted, redirect_after_post, render_page

PLAN_FORMS = {
    "monitoring": (MonitoringPlanForm, gettext_lazy("Monitoring plan saved.")),
    "borging": (BorgingPlanForm, gettext_lazy("Borging plan saved.")),
    "approach": (ApproachForm, gettext_lazy("Change approach saved.")),
}


def _innovation(request, pk):
    queryset = selectors.innovation_detail_queryset(request.access.school)
    return get_in_school(queryset, request.access, pk=pk)


def _board_context(request, *, refused=None):
    access = request.access
    innovations = list(selectors.innovations_for_school(access.school))
    columns = []
    for stage in BOARD_COLUMNS:
        cards = [
            {
                "innovation": innovation,
                "targets": [(t, Stage(t).label) for t in allowed_targets(innovation)]
                if rules.may_steer(access, innovation)
                else [],
                "refused": refused[1] if refused and refused[0] == innovation.pk else None,
            }
            for innovation in innovations
            if innovation.stage == stage
        ]
        columns.append({"stage": stage, "label": Stage(stage).label, "cards": cards})
    # The stages being worked in side by side; finished and paused ones in a compact row below,
    # so every column is in sight on a laptop without scrolling sideways.
    resting = {Stage.GEBORGD, Stage.GEPAUZEERD, Stage.GESTOPT}
    return {
        "columns": [c for c in columns if c["stage"] not in resting],
        "resting_columns": [c for c in columns if c["stage"] in resting],
        "may_create": rules.may_create(access),
    }


@school_required
def board(request):
    return render(request, "innovations/board.html", _board_context(request))


@school_required
def innovation_create(request):
    access = request.access
    require(rules.may_create(access))
    form = InnovationForm(posted(request), school=access.school)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "revision"}
        innovation = services.innovation_create(school=access.school, by=request.user, **data)
        messages.success(request, _("The innovation was created and placed with its owner."))
        return redirect_after_post(request, "innovations:detail", pk=innovation.pk)
    return render_page(
        request, "innovations/innovation_form.html", {"form": form}, invalid=form.is_bound
    )


def _save_with_revision(request, form, *, summary: str, kind=EventKind.EDITED) -> bool:
    """Save an innovation form once; a stale form keeps its text and says what happened."""
    try:
        services.innovation_update(
            innovation=form.instance,
            by=request.user,
            revision=form.cleaned_data.get("revision"),
            summary=summary,
            kind=kind,
        )
    except services.StaleEditError:
        form.add_error(
            None,
            _(
                "Someone else changed this innovation while you were editing. Your text is "
                "still here; open the innovation in a new tab to see their change, then save "
                "again."
            ),
        )
        return False
    form.save_m2m()
    return True


def _changed_summary(form) -> str:
    names = [str(form.fields[name].label) for name in form.changed_data if name != "revision"]
    return _("Changed: %(fields)s.") % {"fields": ", ".join(names) or "—"}


@school_required
def innovation_edit(request, pk):
    access = request.access
    innovation = _innovation(request, pk)
    require(rules.may_edit(access, innovation))
    form = InnovationForm(
        posted(request),
        instance=innovation,
        school=access.school,
        may_assign=rules.may_create(access),
    )
    if request.method == "POST" and form.is_valid():
        form.save(commit=False)
        if _save_with_revision(request, form, summary=_changed_summary(form)):
            messages.success(request, _("The innovation was saved."))
            return redirect_after_post(request, "innovations:detail", pk=innovation.pk)
    return render_page(
        request,
        "innovations/innovation_form.html",
        {"form": form, "innovation": innovation},
        invalid=form.is_bound,
    )


def _move_form(form, innovation, steer):
    """The move form offers the moves the stage machine allows from here."""
    form = form or MoveForm()
    targets = [(t, Stage(t).label) for t in allowed_targets(innovation)] if steer else []
    form.fields["to_stage"].choices = targets
    form.fields["to_stage"].label = _("Move to")
    return form


def _detail_context(request, innovation, **forms):
    access = request.access
    school = access.school
    steer = rules.may_steer(access, innovation)
    pulses = list(innovation.pulses.all())
    effects = selectors.adjustment_effects(innovation)
    return {
        "innovation": innovation,
        "stage_label": Stage(innovation.stage).label,
        "may_edit": rules.may_edit(access, innovation),
        "may_steer": steer,
        "may_monitor": rules.may_monitor(access, innovation),
        "removable_entries": {
            entry.pk
            for entry in innovation.monitoring_entries.all()
            if rules.may_remove_entry(access, innovation, entry)
        },
        "may_read_history": rules.may_read_history(access, innovation),
        "targets": [(t, Stage(t).label) for t in allowed_targets(innovation)] if steer else [],
        "chart": selectors.criteria_chart(innovation, effects),
        "pace": selectors.pace(innovation),
        "behind_plan": selectors.is_behind_plan(innovation),
        "pulses": [(pulse, selectors.pulse_result(pulse)) for pulse in pulses],
        "open_pulse": next((p for p in pulses if p.is_open), None),
        "move_form": _move_form(forms.get("move_form"), innovation, steer),
        "monitoring_plan_form": forms.get("monitoring_form")
        or MonitoringPlanForm(instance=innovation),
        "borging_plan_form": forms.get("borging_form")
        or BorgingPlanForm(instance=innovation, school=school),
        "approach_form": forms.get("approach_form") or ApproachForm(instance=innovation),
        "criterion_form": forms.get("criterion_form") or CriterionForm(),
        "monitoring_form": forms.get("entry_form")
        or MonitoringEntryForm(criteria=innovation.criteria.all()),
        "stage_plan_form": forms.get("stage_plan_form") or StagePlanForm(),
        "slowdown_form": forms.get("slowdown_form") or SlowdownForm(),
        "adjustments": effects,
        "may_adjust": steer and innovation.stage in ADJUSTABLE,
        "has_card": innovation.stage in borging.WITH_CARD,
        "under_target": selectors.asks_for_adjustment(innovation),
        "adjustment_form": forms.get("adjustment_form")
        or AdjustmentForm(entries=innovation.monitoring_entries.all()),
    }


@school_required
def innovation_detail(request, pk):
    innovation = _innovation(request, pk)
    return render(request, "innovations/detail.html", _detail_context(request, innovation))


@school_required
@require_POST
def innovation_move(request, pk):
    access = request.access
    innovation = _innovation(request, pk)
    require(rules.may_steer(access, innovation))
    form = MoveForm(request.POST)
    from_board = request.POST.get("from") == "board"
    refused = None
    if not form.is_valid():
        refused = _("Choose a stage to move to.")
    else:
        try:
            services.innovation_move(innovation=innovation, by=request.user, move=form.move())
        except services.InnovationRuleError as error:
            refused = error.args[0]
    if from_board:
        if refused is None and not request.htmx:
            messages.success(request, _("The stage was changed."))
            return redirect_after_post(request, "innovations:board")
        context = _board_context(request, refused=(innovation.pk, refused) if refused else None)
        return render_page(
            request, "innovations/board.html", context, partial="board", invalid=bool(refused)
        )
    if refused is None:
        messages.success(request, _("The stage was changed."))
        return redirect_after_post(request, "innovations:detail", pk=innovation.pk)
    form.add_error(None, refused)
    context = {
        **_detail_context(request, innovation, move_form=form),
        "refused_part": getattr(refused, "part", ""),
    }
    return render_page(request, "innovations/detail.html", context, partial="move", invalid=True)


@school_required
@require_POST
def innovation_plan(request, pk, kind):
    access = request.access
    innovation = _innovation(request, pk)
    require(rules.may_steer(access, innovation))
    if kind not in PLAN_FORMS:
        raise Http404
    form_class, done = PLAN_FORMS[kind]
    form = form_class(request.POST, instance=innovation, school=access.school)
    if form.is_valid():
        form.save(commit=False)
        if _save_with_revision(request, form, summary=str(done), kind=EventKind.PLAN):
            messages.success(request, done)
            return redirect_after_post(request, "innovations:detail", pk=innovation.pk)
    innovation = _innovation(request, pk)
    context = _detail_context(request, innovation, **{f"{kind}_form": form})
    return render_page(request, "innovations/detail.html", context, invalid=True)


def _steer_post(
    request, pk, *, form_class, form_name, save, done, allowed=rules.may_steer, form_kwargs=None
):
    """The shared shape of the owner's small forms on the innovation page."""
    innovation = _innovation(request, pk)
    require(allowed(request.access, innovation))
    extra = form_kwargs(innovation) if form_kwargs else {}
    form = form_class(request.POST, request.FILES, **extra)
    if form.is_valid():
        try:
            save(innovation, form)
        except services.InnovationRuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, done)
            return redirect_after_post(request, "innovations:detail", pk=innovation.pk)
    context = _detail_context(request, innovation, **{form_name: form})
    return render_page(request, "innovations/detail.html", context, invalid=True)


@school_required
@require_POST
def criterion_add(request, pk):
    return _steer_post(
        request,
        pk,
        form_class=CriterionForm,
        form_name="criterion_form",
        save=lambda innovation, form: services.criterion_add(
            innovation=innovation, by=request.user, **form.cleaned_data
        ),
        done=_("The success criterion was added."),
    )


@school_required
@require_POST
def monitoring_add(request, pk):
    def save(innovation, form):
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        services.monitoring_add(
            innovation=innovation, by=request.user, values=form.criterion_values(), **fields
        )

    return _steer_post(
        request,
        pk,
        form_class=MonitoringEntryForm,
        form_name="entry_form",
        save=save,
        done=_("The monitoring entry was added."),
        allowed=rules.may_monitor,
        form_kwargs=lambda innovation: {"criteria": innovation.criteria.all()},
    )


@school_required
@require_POST
def adjustment_add(request, pk):
    return _steer_post(
        request,
        pk,
        form_class=AdjustmentForm,
        form_name="adjustment_form",
        save=lambda innovation, form: services.adjustment_add(
            innovation=innovation, by=request.user, **form.cleaned_data
        ),
        done=_("The bijstelling was recorded; the chart marks it."),
        form_kwargs=lambda innovation: {"entries": innovation.monitoring_entries.all()},
    )


@school_required
@require_POST
def monitoring_remove(request, pk, entry_pk):
    innovation = _innovation(request, pk)
    entry = get_object_or_404(innovation.monitoring_entries, pk=entry_pk)
    require(rules.may_remove_entry(request.access, innovation, entry))
    services.monitoring_remove(entry=entry, by=request.user)
    messages.success(request, _("The monitoring entry was removed."))
    return redirect_after_post(request, "innovations:detail", pk=innovation.pk)


@school_required
@require_POST
def criterion_remove(request, pk, criterion_pk):
    innovation = _innovation(request, pk)
    require(rules.may_steer(request.access, innovation))
    criterion = get_object_or_404(innovation.criteria, pk=criterion_pk)
    services.criterion_remove(criterion=criterion, by=request.user)
    messages.success(request, _("The success criterion was removed."))
    return redirect_after_post(request, "innovations:detail", pk=innovation.pk)


@school_required
@require_POST
def stage_plan_set(request, pk):
    return _steer_post(
        request,
        pk,
        form_class=StagePlanForm,
        form_name="stage_plan_form",
        save=lambda innovation, form: services.stage_plan_set(
            innovation=innovation, by=request.user, **form.cleaned_data
        ),
        done=_("The planning was saved."),
    )


@school_required
@require_POST
def slowdown_add(request, pk):
    return _steer_post(
        request,
        pk,
        form_class=SlowdownForm,
        form_name="slowdown_form",
        save=lambda innovation, form: services.slowdown_add(
            innovation=innovation, by=request.user, **form.cleaned_data
        ),
        done=_("The slow-down was recorded: vertragen om te versnellen."),
    )


@school_required
@require_POST
def pulse_open(request, pk):
    innovation = _innovation(request, pk)
    require(rules.may_steer(request.access, innovation))
    try:
        services.pulse_open(innovation=innovation, by=request.user)
    except services.InnovationRuleError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The pulse is open; the team sees it on their home page."))
    return redirect_after_post(request, "innovations:detail", pk=innovation.pk)


def _pulse(request, pulse_pk):
    return get_in_school(
        Pulse.objects.select_related("innovation"),
        request.access,
        school_path="innovation__school",
        pk=pulse_pk,
    )


@school_required
@require_POST
def pulse_close(request, pulse_pk):
    pulse = _pulse(request, pulse_pk)
    require(rules.may_steer(request.access, pulse.innovation))
    services.pulse_close(pulse=pulse, by=request.user)
    messages.success(request, _("The pulse was closed."))
    return redirect_after_post(request, "innovations:detail", pk=pulse.innovation_id)


@school_required
def pulse_answer(request, pulse_pk):
    access = request.access
    pulse = _pulse(request, pulse_pk)
    require(rules.may_answer_pulse(access))
    answered = pulse.participants.filter(person=request.user).exists()
    form = PulseAnswerForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.pulse_answer(pulse=pulse, person=request.user, **form.cleaned_data)
        except services.InnovationRuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you. Your answer is anonymous."))
            return redirect_after_post(request, "innovations:detail", pk=pulse.innovation_id)
    return render_page(
        request,
        "innovations/pulse_answer.html",
        {"pulse": pulse, "form": form, "answered": answered},
        invalid=form.is_bound,
    )


@school_required
def innovation_history(request, pk):
    innovation = _innovation(request, pk)
    require(rules.may_read_history(request.access, innovation))
    events = innovation.events.select_related("by")
    context = {
        "innovation": innovation,
        "events": events,
        "lines": selectors.innovation_history(innovation),
    }
    return render(request, "innovations/history.html", context)


@school_required
def evidence(request, entry_pk):
    entry = get_in_school(
        MonitoringEntry.objects.select_related("innovation"),
        request.access,
        school_path="innovation__school",
        pk=entry_pk,
    )
    if not entry.evidence_file or not entry.evidence_file.storage.exists(entry.evidence_file.name):
        raise Http404
    return FileResponse(
        entry.evidence_file.open("rb"),
        as_attachment=True,
        filename=entry.evidence_file.name.rsplit("/", 1)[-1],
    )


def _card(request, pk):
    innovation = get_in_school(borging.card_queryset(request.access.school), request.access, pk=pk)
    return borging.card(innovation)


@school_required
def borging_card(request, pk):
    found = _card(request, pk)
    innovation = found.innovation
    may_review = rules.may_review_borging(request.access, innovation)
    form = BorgingReviewForm(posted(request))
    if request.method == "POST":
        require(may_review)
        if form.is_valid():
            services.borging_review_add(innovation=innovation, by=request.user, **form.cleaned_data)
            messages.success(request, _("The review was recorded."))
            return redirect_after_post(request, "innovations:card", pk=innovation.pk)
    context = {"card": found, "innovation": innovation, "may_review": may_review, "form": form}
    return render_page(request, "innovations/card.html", context, invalid=form.is_bound)


@school_required
def borging_card_pdf(request, pk):
    found = _card(request, pk)
    pdf = borging.card_pdf(found, school_name=request.access.school.name)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(found.innovation.title) or "innovatie"
    response["Content-Disposition"] = f'attachment; filename="borgingskaart-{name}.pdf"'
    return response


@school_required
def handbook(request):
    context = {"themes": borging.handbook(request.access.school), "today": timezone.localdate()}
    return render(request, "innovations/handbook.html", context)
