from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tlschool.reminders import holiday_import
from tlschool.reminders.models import DEFAULT_DELIVERY, Delivery, Holiday, Kind, Preference
from tlschool.schools.models import HolidayRegion


class PreferencesForm(forms.Form):
    """The language of one's pages and e-mails; per kind of reminder: by e-mail, in the
    Monday e-mail, or off."""

    language = forms.ChoiceField(label=_("Language of pages and e-mails"), choices=[])

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["language"].choices = settings.LANGUAGES
        self.fields["language"].initial = user.preferred_language
        chosen = dict(Preference.objects.filter(user=user).values_list("kind", "delivery"))
        for kind in Kind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=Delivery.choices,
                initial=chosen.get(kind.value, DEFAULT_DELIVERY[kind]),
            )

    def save(self):
        self.user.language = self.cleaned_data["language"]
        self.user.save(update_fields=["language"])
        for kind in Kind:
            Preference.objects.update_or_create(
                user=self.user,
                kind=kind.value,
                defaults={"delivery": self.cleaned_data[kind.value]},
            )


class HolidayForm(forms.ModelForm):
    class Meta:
        model = Holiday
        fields = ["name", "first_day", "last_day"]
        widgets = {
            "first_day": forms.DateInput(attrs={"type": "date"}),
            "last_day": forms.DateInput(attrs={"type": "date"}),
        }


class HolidayFillForm(forms.Form):
    """The school's region and the government's holiday table (rijksoverheid.nl open data)."""

    region = forms.ChoiceField(label=_("Holiday region"), choices=HolidayRegion.choices)
    table = forms.FileField(
        label=_("Holiday table from rijksoverheid.nl (JSON)"),
        help_text=_(
            "Download it from opendata.rijksoverheid.nl (school holidays, output JSON) and "
            "choose the file here. Holidays you already have stay as they are."
        ),
    )

    def clean_table(self):
        upload = self.cleaned_data["table"]
        if upload.size > holiday_import.MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is too large (at most 500 kB)."))
        try:
            return holiday_import.read_table(upload.read())
        except holiday_import.NotAHolidayTable:
            raise forms.ValidationError(
                _("This is not the school holiday table of rijksoverheid.nl (JSON).")
            ) from None
