from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "tlschool.reminders"
    label = "reminders"
