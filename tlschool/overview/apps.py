from django.apps import AppConfig


class OverviewConfig(AppConfig):
    """Pages that compose every app: the personal home, the dashboard and the board overview."""

    name = "tlschool.overview"
    label = "overview"
