from django.apps import AppConfig


class PlgConfig(AppConfig):
    name = "plg"

    def ready(self):
        from plg.services import person_leaves_school
        from tlschool.schools.events import member_left

        member_left.connect(
            lambda sender, school, person, **kwargs: person_leaves_school(
                school=school, person=person
            ),
            dispatch_uid="plg-person-leaves-school",
            weak=False,
        )
