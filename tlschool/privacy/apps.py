from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "tlschool.privacy"
    label = "privacy"

    def ready(self):
        from django.utils import timezone

        from tlschool.privacy.models import Departure
        from tlschool.schools.events import member_left

        def record_departure(sender, school, person, **kwargs):
            Departure.objects.update_or_create(
                school=school,
                person=person,
                defaults={"left_at": timezone.now(), "erased_at": None},
            )

        member_left.connect(record_departure, dispatch_uid="privacy-departure", weak=False)
