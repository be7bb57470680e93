from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _

from innovations.models import (
    Adjustment,
    BorgingReview,
    Innovation,
    MonitoringEntry,
    PulseAnswer,
    Slowdown,
    StagePlan,
    SuccessCriterion,
)
from innovations.stages import PLANNED_STAGES, MoveRequest, Stage
from tlschool.forms import check_period, radios_without_blank
from tlschool.schools.selectors import people_who_may_lead, school_people

PLANNED_END = _("The planned end lies before the start.")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_EVIDENCE_BYTES = 2 * 1024 * 1024
EVIDENCE_TYPES = {".pdf", ".png", ".jpg", ".jpeg", ".docx", ".xlsx", ".pptx", ".txt", ".csv"}


class RevisionForm(forms.ModelForm):
    """Carries the revision the form was opened at, so a stale save is noticed."""

    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["revision"] = self.instance.revision


class InnovationForm(RevisionForm):
    class Meta:
        model = Innovation
        fields = [
            "title",
            "aanleiding",
            "goal",
            "ambition",
            "owner",
            "placed_on",
            "plgs",
            "planned_start",
            "planned_end",
        ]
        widgets = {
            "aanleiding": forms.Textarea(attrs={"rows": 3}),
            "goal": forms.Textarea(attrs={"rows": 3}),
            "placed_on": DATE,
            "planned_start": DATE,
            "planned_end": DATE,
            "plgs": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, school, may_assign=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ambition"].queryset = school.ambitions.all()
        self.fields["owner"].queryset = people_who_may_lead(school)
        self.fields["plgs"].queryset = school.plgs.filter(is_active=True)
        if not may_assign:
            for name in ("owner", "placed_on"):
                del self.fields[name]

    def clean(self):
        return check_period(self, super().clean(), "planned_start", "planned_end", PLANNED_END)


class MoveForm(forms.Form):
    to_stage = forms.ChoiceField(label=capfirst(_("to stage")), choices=Stage.choices)
    reason = forms.CharField(
        label=capfirst(_("why (and, when stopping, what was learned)")),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    adjustment_what = forms.CharField(
        label=capfirst(_("bijstellen: what changes")),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    adjustment_why = forms.CharField(
        label=capfirst(_("bijstellen: why")),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def move(self) -> MoveRequest:
        return MoveRequest(**self.cleaned_data)


class MonitoringPlanForm(RevisionForm):
    prefix = "mplan"

    class Meta:
        model = Innovation
        fields = ["monitoring_what", "monitoring_how", "monitoring_when"]
        widgets = {
            "monitoring_what": forms.Textarea(attrs={"rows": 2}),
            "monitoring_how": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, school=None, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if field is not self.fields["revision"]:
                field.required = True


class BorgingPlanForm(RevisionForm):
    prefix = "bplan"

    class Meta:
        model = Innovation
        fields = [
            "borging_agreements",
            "borging_anchor",
            "borging_guardian",
            "borging_review_on",
            "borging_theme",
            "borging_in_class",
            "borging_monitoring_showed",
        ]
        widgets = {
            "borging_agreements": forms.Textarea(attrs={"rows": 3}),
            "borging_review_on": DATE,
            "borging_in_class": forms.Textarea(attrs={"rows": 2}),
            "borging_monitoring_showed": forms.Textarea(attrs={"rows": 2}),
        }

    # What borgen needs (innovations.Innovation.has_borging_plan); the borgingskaart's own
    # parts can follow later.
    REQUIRED = ["borging_agreements", "borging_anchor", "borging_guardian", "borging_review_on"]

    def __init__(self, *args, school, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["borging_guardian"].queryset = school_people(school)
        for name in self.REQUIRED:
            self.fields[name].required = True


class ApproachForm(RevisionForm):
    prefix = "approach"

    class Meta:
        model = Innovation
        fields = ["change_colour", "change_colour_reason"]
        widgets = {
            "change_colour": forms.RadioSelect,
            "change_colour_reason": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, school=None, **kwargs):
        super().__init__(*args, **kwargs)
        radios_without_blank(self)
        self.fields["change_colour"].required = True
        self.fields["change_colour_reason"].required = True


class CriterionForm(forms.ModelForm):
    class Meta:
        model = SuccessCriterion
        fields = ["name", "target", "unit"]


class MonitoringEntryForm(forms.ModelForm):
    class Meta:
        model = MonitoringEntry
        fields = ["observed_on", "method", "findings", "evidence_url", "evidence_file"]
        widgets = {"observed_on": DATE, "findings": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            label = criterion.name + (f" ({criterion.unit})" if criterion.unit else "")
            self.fields[f"criterion_{criterion.pk}"] = forms.DecimalField(
                label=label, required=False, max_digits=8, decimal_places=2
            )

    def clean_observed_on(self):
        day = self.cleaned_data["observed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Record monitoring once it has happened."))
        return day

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if upload and hasattr(upload, "size"):
            if upload.size > MAX_EVIDENCE_BYTES:
                raise forms.ValidationError(_("The file is too large (at most 2 MB)."))
            suffix = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
            if suffix not in EVIDENCE_TYPES:
                raise forms.ValidationError(
                    _("Upload a PDF, image, Office document, text or CSV file.")
                )
        return upload

    def criterion_values(self) -> dict:
        return {
            criterion: self.cleaned_data.get(f"criterion_{criterion.pk}")
            for criterion in self.criteria
        }


class StagePlanForm(forms.ModelForm):
    stage = forms.ChoiceField(
        label=capfirst(_("stage")),
        choices=[(stage, Stage(stage).label) for stage in PLANNED_STAGES],
    )

    class Meta:
        model = StagePlan
        fields = ["stage", "planned_start", "planned_end"]
        widgets = {"planned_start": DATE, "planned_end": DATE}

    def clean(self):
        return check_period(self, super().clean(), "planned_start", "planned_end", PLANNED_END)


class SlowdownForm(forms.ModelForm):
    prefix = "slowdown"  # the move form has a "reason" too

    class Meta:
        model = Slowdown
        fields = ["reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 2})}


class PulseAnswerForm(forms.ModelForm):
    SCALE = [(n, str(n)) for n in range(1, 6)]
    willen = forms.TypedChoiceField(
        label=_("Willen: how much do you want this change? (1–5)"),
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
    )
    kunnen = forms.TypedChoiceField(
        label=_("Kunnen: how well can you make this change now? (1–5)"),
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = PulseAnswer
        fields = ["willen", "kunnen", "comment"]


class AdjustmentForm(forms.ModelForm):
    """A bijstelling: what changes and why, and the monitoring it rests on."""

    class Meta:
        model = Adjustment
        fields = ["made_on", "based_on", "what", "why"]
        widgets = {
            "made_on": DATE,
            "based_on": forms.CheckboxSelectMultiple,
            "what": forms.Textarea(attrs={"rows": 2}),
            "why": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, entries, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["based_on"]
        field.required = True
        field.error_messages["required"] = _("Choose the monitoring the bijstelling rests on.")
        field.queryset = entries
        newest = list(entries)[-1:]
        field.label_from_instance = lambda entry: (
            _("%(date)s: %(findings)s")
            % {
                "date": date_format(entry.observed_on),
                "findings": Truncator(entry.findings).chars(80),
            }
        )
        if not self.is_bound and newest:
            self.initial["based_on"] = [newest[0].pk]


class BorgingReviewForm(forms.ModelForm):
    class Meta:
        model = BorgingReview
        fields = ["reviewed_on", "findings", "next_review_on"]
        widgets = {
            "reviewed_on": DATE,
            "next_review_on": DATE,
            "findings": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        cleaned = super().clean()
        day, following = cleaned.get("reviewed_on"), cleaned.get("next_review_on")
        if day and following and following <= day:
            self.add_error("next_review_on", _("The next review comes after this one."))
        return cleaned
