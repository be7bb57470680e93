from django import forms
from django.utils.translation import gettext_lazy as _

from tlschool.schools.models import Ambition, Role, School

MAX_CSV_BYTES = 200_000


class MemberAddForm(forms.Form):
    full_name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.TEAMLID)


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class TeamImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "One person per line: name and e-mail address, optionally a role "
            "(schoolleider, teacher leader, teamlid). Comma or semicolon."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(_("The file is too large (at most 200 kB)."))
        raw = upload.read()
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
        raise forms.ValidationError(_("The file is not a text (CSV) file."))


class TeamImportConfirmForm(forms.Form):
    csv_text = forms.CharField(widget=forms.HiddenInput, max_length=MAX_CSV_BYTES)


class AmbitionForm(forms.ModelForm):
    class Meta:
        model = Ambition
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


class SchoolSettingsForm(forms.ModelForm):
    class Meta:
        model = School
        fields = [
            "vision",
            "dagdeel_hours",
            "outside_time_threshold_percent",
            "monitoring_gap_weeks",
            "plg_gap_weeks",
            "bijstellen_weeks",
        ]
        widgets = {"vision": forms.Textarea(attrs={"rows": 3})}
