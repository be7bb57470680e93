from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tlschool.accounts"
    label = "accounts"
