from django.apps import AppConfig


class PlgConfig(AppConfig):
    name = "plg"
