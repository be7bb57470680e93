from django import forms

from tlschool.reminders.models import DEFAULT_DELIVERY, Delivery, Holiday, Kind, Preference


class PreferencesForm(forms.Form):
    """Per kind of reminder: by e-mail or off."""

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        chosen = dict(Preference.objects.filter(user=user).values_list("kind", "delivery"))
        for kind in Kind:
            self.fields[kind.value] = forms.ChoiceField(
                label=kind.label,
                choices=Delivery.choices,
                initial=chosen.get(kind.value, DEFAULT_DELIVERY[kind]),
            )

    def save(self):
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
