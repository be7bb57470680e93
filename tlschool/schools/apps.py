from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    name = "tlschool.schools"
    label = "schools"
