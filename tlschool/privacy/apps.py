from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "tlschool.privacy"
    label = "privacy"
