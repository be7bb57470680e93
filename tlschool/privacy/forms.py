from django import forms

from tlschool.privacy.models import Retention


class RetentionForm(forms.ModelForm):
    class Meta:
        model = Retention
        fields = [
            "dialogue_notes_months",
            "time_log_months",
            "former_member_months",
            "evidence_months",
            "access_log_months",
        ]
