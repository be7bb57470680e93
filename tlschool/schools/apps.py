from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolsConfig(AppConfig):
    name = "tlschool.schools"
    label = "schools"

    def ready(self):
        from django.db.models import fields

        # Django's own label for an empty choice has no Dutch translation yet; this one has.
        fields.BLANK_CHOICE_LABEL = _("Choose…")

        from tlschool.schools import versions

        versions.connect()
