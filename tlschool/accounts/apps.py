from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tlschool.accounts"
    label = "accounts"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from tlschool.accounts.middleware import note_sign_in

        user_logged_in.connect(note_sign_in, dispatch_uid="accounts-note-sign-in")

        from allauth.account.signals import user_logged_in as allauth_user_logged_in

        from tlschool.accounts.adapters import note_provider_sign_in

        allauth_user_logged_in.connect(
            note_provider_sign_in, dispatch_uid="accounts-note-provider-sign-in"
        )
