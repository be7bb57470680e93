from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plg.health_scan import OPEN_QUESTION, STATEMENT_KEYS, STATEMENTS, Capacity
from plg.models import PLG, DuFourQuestion, MeetingPlan, Protocol, Reflection, Session
from plg.protocols import protocol_form
from plg.services import AgreementRow, SessionInput
from tlschool.schools.models import PLANNED_DATE
from tlschool.schools.selectors import people_who_may_lead, school_people

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_DAYS_AHEAD = 7
MAX_MINUTES = 8 * 60


def checked_minutes(minutes):
    """A session's length, planned or logged: from 1 minute to 8 hours."""
    if minutes is not None and not 1 <= minutes <= MAX_MINUTES:
        raise forms.ValidationError(_("A session lasts between 1 minute and 8 hours."))
    return minutes


OVERDUE = _("overdue")
QUESTION_FIELDS = DuFourQuestion.values
FOCUS_LABEL = _("Focus")


class PLGForm(forms.ModelForm):
    class Meta:
        model = PLG
        fields = ["name", "theme", "research_question", "leaders", "members", "rhythm", "is_active"]
        widgets = {
            "research_question": forms.Textarea(attrs={"rows": 2}),
            "leaders": forms.CheckboxSelectMultiple,
            "members": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, school, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leaders"].queryset = people_who_may_lead(school)
        self.fields["members"].queryset = school_people(school)


class SessionForm(forms.ModelForm):
    """The whole session on one page: the meeting, who came, and what was agreed."""

    present = forms.MultipleChoiceField(
        label=_("Who came"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        help_text=_("Everyone is ticked; untick who was absent."),
    )
    done_agreements = forms.MultipleChoiceField(
        label=_("Agreements from earlier sessions that are done"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        help_text=_("What stays unticked carries on to the next session."),
    )

    class Meta:
        model = Session
        fields = [
            "protocol",
            "held_on",
            "starts_at",
            "duration_minutes",
            "within_school_time",
            "work_kind",
            "focus",
            *QUESTION_FIELDS,
            "tried",
            "learned",
            "guests",
            "private_notes",
            "next_session_on",
        ]
        widgets = {
            "protocol": forms.RadioSelect,
            "held_on": DATE,
            "next_session_on": DATE,
            "starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "tried": forms.Textarea(attrs={"rows": 3}),
            "learned": forms.Textarea(attrs={"rows": 3}),
            "private_notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, participants, open_agreements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["held_on"].required = True
        self.fields["present"].choices = [(str(p.pk), str(p)) for p in participants]
        today = timezone.localdate()
        self.fields["done_agreements"].choices = [
            (
                str(a.pk),
                f"{a.text} — {a.owner} ({a.due_on:%d-%m})"
                + (f" · {OVERDUE}" if a.due_on < today else ""),
            )
            for a in open_agreements
        ]
        self.open_agreements = open_agreements
        if not self.is_bound and "present" not in self.initial:
            self.initial["present"] = [str(p.pk) for p in participants]
        self.words = protocol_form(self["protocol"].value())
        self.fields["protocol"].choices = Protocol.choices
        self.fields["protocol"].required = False  # a form without the choice is a free session
        self.fields["focus"].label = self.words.focus or FOCUS_LABEL
        self.fields["tried"].label = self.words.tried
        self.fields["learned"].label = self.words.learned

    @property
    def question_fields(self):
        return [self[name] for name in QUESTION_FIELDS]

    def clean_held_on(self):
        day = self.cleaned_data["held_on"]
        if day > timezone.localdate() + timedelta(days=MAX_DAYS_AHEAD):
            raise forms.ValidationError(_("The date lies more than a week ahead."))
        return day

    def clean_duration_minutes(self):
        return checked_minutes(self.cleaned_data.get("duration_minutes"))

    def clean_protocol(self):
        return self.cleaned_data.get("protocol") or Protocol.OTHER

    def clean(self):
        cleaned = super().clean()
        day, following = cleaned.get("held_on"), cleaned.get("next_session_on")
        if day and following and following <= day:
            self.add_error("next_session_on", _("The next session comes after this one."))
        return cleaned

    def require_complete(self):
        """A final session needs its duration and what was tried or learned."""
        if self.cleaned_data.get("duration_minutes") is None:
            self.add_error("duration_minutes", _("How long did the session last?"))
        if not (self.cleaned_data.get("tried") or self.cleaned_data.get("learned")):
            self.add_error("learned", _("Write what you tried or what you learned."))


class AgreementRowForm(forms.Form):
    text = forms.CharField(label=_("Agreement"), max_length=300, required=False)
    owner = forms.TypedChoiceField(label=_("Owner"), required=False, coerce=int, empty_value=None)
    due_on = forms.DateField(
        label=_("Due date"), required=False, widget=DATE, validators=[PLANNED_DATE]
    )

    def __init__(self, *args, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.participants = {p.pk: p for p in participants}
        self.fields["owner"].choices = [("", "—")] + [(p.pk, str(p)) for p in participants]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("text"):
            if not cleaned.get("owner"):
                self.add_error("owner", _("Who takes this on?"))
            if not cleaned.get("due_on"):
                self.add_error("due_on", _("By when?"))
        return cleaned

    def row(self) -> AgreementRow | None:
        data = self.cleaned_data
        if not data.get("text") or not data.get("owner") or not data.get("due_on"):
            return None
        return AgreementRow(data["text"], self.participants[data["owner"]], data["due_on"])


AgreementFormSet = forms.formset_factory(AgreementRowForm, extra=0, max_num=20, absolute_max=20)
BLANK_AGREEMENT_ROWS = 3


def agreement_formset(data=None, *, participants, initial=None):
    initial = list(initial or [])
    if data is None:
        initial += [{}] * BLANK_AGREEMENT_ROWS
    return AgreementFormSet(
        data,
        initial=initial,
        prefix="agreements",
        form_kwargs={"participants": participants},
    )


def session_input(form: SessionForm, formset) -> SessionInput:
    """What a (partly) valid form holds, for a draft or a final save."""
    fields = {
        name: value
        for name, value in form.cleaned_data.items()
        if name in form.Meta.fields and name not in form.errors
    }
    rows = []
    for row_form in formset.forms:
        if row_form.is_valid() and (row := row_form.row()):
            rows.append(row)
    return SessionInput(
        fields=fields,
        present_ids={int(pk) for pk in form.cleaned_data.get("present", [])},
        agreements=rows,
        done_agreement_ids={int(pk) for pk in form.cleaned_data.get("done_agreements", [])},
    )


class ReflectionForm(forms.ModelForm):
    class Meta:
        model = Reflection
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


class MeetingPlanForm(forms.ModelForm):
    class Meta:
        model = MeetingPlan
        fields = ["first_on", "every_weeks", "starts_at", "duration_minutes", "until"]
        widgets = {
            "first_on": DATE,
            "until": DATE,
            "starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def clean_every_weeks(self):
        weeks = self.cleaned_data["every_weeks"]
        if not 1 <= weeks <= 8:
            raise forms.ValidationError(_("Choose between every week and every 8 weeks."))
        return weeks

    def clean_duration_minutes(self):
        return checked_minutes(self.cleaned_data.get("duration_minutes"))

    def clean(self):
        cleaned = super().clean()
        first, until = cleaned.get("first_on"), cleaned.get("until")
        if first and until and until < first:
            self.add_error("until", _("The last meeting comes on or after the first."))
        return cleaned


class MeetingChangeForm(forms.Form):
    """One date: an extra meeting, or a planned one cancelled (or brought back)."""

    on = forms.DateField(label=_("Date"), widget=DATE, validators=[PLANNED_DATE])
    action = forms.ChoiceField(
        choices=[("add", _("extra meeting")), ("cancel", _("cancel")), ("restore", _("restore"))],
        initial="add",
        widget=forms.HiddenInput,
    )


class HealthScanForm(forms.Form):
    """Every statement on a scale of 1 (not at all) to 5 (fully), and one open question."""

    SCALE = [(n, str(n)) for n in range(1, 6)]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for statement in STATEMENTS:
            self.fields[statement.key] = forms.TypedChoiceField(
                label=statement.text,
                choices=self.SCALE,
                coerce=int,
                widget=forms.RadioSelect,
            )
        self.fields["open_answer"] = forms.CharField(
            label=OPEN_QUESTION,
            max_length=500,
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
        )

    def groups(self):
        """(capacity, its statements' fields), in the scan's order."""
        return [
            (capacity, [self[s.key] for s in STATEMENTS if s.capacity == capacity])
            for capacity in Capacity
        ]

    def scores(self) -> dict:
        return {key: self.cleaned_data[key] for key in STATEMENT_KEYS}
