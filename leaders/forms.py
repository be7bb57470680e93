from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from leaders.models import (
    Announcement,
    Aspiration,
    Course,
    DialogueNote,
    FeedbackAnswer,
    GrowthStep,
    LeadershipGoal,
    MandateItem,
    SelfAssessment,
    TeacherLeaderRole,
    TimeAllotment,
    TimeEntry,
    WellbeingCheckIn,
)
from leaders.services import time_entry_problem
from tlschool.forms import check_period, radios_without_blank
from tlschool.schools.schooljaar import Schooljaar, schooljaar_choices
from tlschool.schools.selectors import school_people

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SchooljaarField(forms.TypedChoiceField):
    """A schooljaar chosen by its label ('2025-2026'), cleaned to its start year."""

    def __init__(self, **kwargs):
        super().__init__(
            choices=schooljaar_choices(back=6, ahead=2),
            coerce=lambda label: Schooljaar.parse(label).start_year,
            **kwargs,
        )

    def prepare_value(self, value):
        if isinstance(value, int):
            return Schooljaar(value).label
        return value


class RolePageForm(forms.ModelForm):
    """A small form on a role's page; it knows the role it belongs to."""

    def __init__(self, *args, role=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.role = role


class RoleForm(forms.ModelForm):
    first_schooljaar = SchooljaarField(label=capfirst(_("first schooljaar")))
    last_schooljaar = SchooljaarField(label=capfirst(_("last schooljaar")))

    class Meta:
        model = TeacherLeaderRole
        fields = [
            "person",
            "kind",
            "title",
            "focus",
            "ambition",
            "expertise",
            "first_schooljaar",
            "last_schooljaar",
            "function_note",
        ]
        labels = {"person": capfirst(_("teacher"))}
        widgets = {
            "kind": forms.RadioSelect,
            "focus": forms.Textarea(attrs={"rows": 2}),
            "expertise": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, school, **kwargs):
        super().__init__(*args, **kwargs)
        radios_without_blank(self)
        self.fields["person"].queryset = school_people(school)
        self.fields["ambition"].queryset = school.ambitions.all()
        if not self.instance.pk:
            current = Schooljaar.current().label
            self.initial.setdefault("first_schooljaar", current)
            self.initial.setdefault("last_schooljaar", current)
        else:
            del self.fields["person"]

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_schooljaar"), cleaned.get("last_schooljaar")
        if first and last and last < first:
            self.add_error("last_schooljaar", _("The last schooljaar comes before the first."))
        return cleaned


class ExpertiseForm(forms.ModelForm):
    class Meta:
        model = TeacherLeaderRole
        fields = ["expertise"]
        widgets = {"expertise": forms.Textarea(attrs={"rows": 3})}


class MandateItemForm(RolePageForm):
    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = MandateItem
        fields = ["kind", "description", "decision"]


class AnnouncementForm(RolePageForm):
    class Meta:
        model = Announcement
        fields = ["announced_on", "channel", "text"]
        widgets = {"announced_on": DATE, "text": forms.Textarea(attrs={"rows": 3})}

    def clean_announced_on(self):
        day = self.cleaned_data["announced_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Record an announcement once it has been made."))
        return day


class AllotmentForm(RolePageForm):
    schooljaar = SchooljaarField(label=capfirst(_("schooljaar")))

    class Meta:
        model = TimeAllotment
        fields = ["schooljaar", "amount", "unit"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("schooljaar", Schooljaar.current().label)


class TimeEntryForm(RolePageForm):
    hours = forms.DecimalField(
        label=capfirst(_("hours")),
        min_value=Decimal("0.25"),
        max_value=Decimal("12"),
        decimal_places=2,
        error_messages={
            "min_value": _("Log at least a quarter of an hour."),
            "max_value": _("At most 12 hours a day can be logged."),
        },
    )

    class Meta:
        model = TimeEntry
        fields = ["worked_on", "hours", "activity", "within_school_time"]
        widgets = {"worked_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("worked_on", timezone.localdate())

    def clean(self):
        cleaned = super().clean()
        day, hours = cleaned.get("worked_on"), cleaned.get("hours")
        if day and hours:
            problem = time_entry_problem(role=self.role, worked_on=day, hours=hours)
            if problem:
                self.add_error("worked_on", problem)
        return cleaned


class CourseForm(RolePageForm):
    class Meta:
        model = Course
        fields = ["name", "provider", "starts_on", "ends_on", "status"]
        widgets = {"starts_on": DATE, "ends_on": DATE}

    def clean(self):
        return check_period(self, super().clean(), "starts_on", "ends_on")


class SelfAssessmentForm(RolePageForm):
    score = forms.TypedChoiceField(
        label=capfirst(_("score (1–5)")),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = SelfAssessment
        fields = ["skill", "score", "note"]


class DialogueNoteForm(RolePageForm):
    prefix = "dialogue"  # its "text" would otherwise share an id with the announcement's

    class Meta:
        model = DialogueNote
        fields = ["held_on", "text"]
        widgets = {"held_on": DATE, "text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("held_on", timezone.localdate())


class AspirationForm(forms.ModelForm):
    class Meta:
        model = Aspiration
        fields = ["theme", "why"]
        labels = {
            "theme": _("On which theme would you like to lead?"),
            "why": _("Why, and what would you like to learn?"),
        }
        widgets = {"why": forms.Textarea(attrs={"rows": 3})}


class GrowthStepForm(forms.ModelForm):
    class Meta:
        model = GrowthStep
        fields = ["kind", "description", "taken_on"]
        widgets = {"taken_on": DATE}


class WellbeingForm(RolePageForm):
    class Meta:
        model = WellbeingCheckIn
        fields = ["held_on", "energy", "workload"]
        widgets = {"held_on": DATE, "energy": forms.RadioSelect, "workload": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        radios_without_blank(self)
        self.initial.setdefault("held_on", timezone.localdate())


class LeadershipGoalForm(forms.ModelForm):
    class Meta:
        model = LeadershipGoal
        fields = ["text"]


class FeedbackAnswerForm(RolePageForm):
    class Meta:
        model = FeedbackAnswer
        fields = ["time", "mandate", "support", "information"]
        widgets = {name: forms.Textarea(attrs={"rows": 2}) for name in fields}

    def clean(self):
        cleaned = super().clean()
        if not any((cleaned.get(name) or "").strip() for name in self.Meta.fields):
            raise forms.ValidationError(_("Write at least one thing you need."))
        return cleaned


class GrowthScoresForm(forms.Form):
    """One's own scores, every area optional (1–5)."""

    def __init__(self, *args, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        from leaders.models import GrowthArea

        for area in GrowthArea:
            self.fields[area.value] = forms.TypedChoiceField(
                label=capfirst(area.label),
                choices=[("", "–")] + [(n, str(n)) for n in range(1, 6)],
                coerce=int,
                empty_value=None,
                required=False,
            )
        for row in rows:
            if row.mine is not None:
                self.initial[row.area] = row.mine


class GrowthAgreementForm(forms.ModelForm):
    class Meta:
        from leaders.models import GrowthAgreement

        model = GrowthAgreement
        fields = ["area", "level", "next_step"]
