from allauth.account import views as allauth_views
from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy
from django.views.generic import RedirectView, TemplateView

from tlschool.accounts import views
from tlschool.accounts.forms import (
    SetPasswordLiftingLockForm,
    SetPasswordLinkForm,
    ThrottledLoginForm,
)

login_view = views.LoginView.as_view(authentication_form=ThrottledLoginForm)

urlpatterns = [
    path("login/", login_view, name="login"),
    path("login/providers/", views.login_providers, name="login_providers"),
    path("login/<slug:board>/", login_view, name="login_board"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("sign-in/", views.sign_in_settings, name="sign_in_settings"),
    path("sign-in/providers/new/", views.identity_provider_edit, name="identity_provider_add"),
    path(
        "sign-in/providers/<int:pk>/", views.identity_provider_edit, name="identity_provider_edit"
    ),
    path(
        "sign-in/providers/<int:pk>/remove/",
        views.identity_provider_remove,
        name="identity_provider_remove",
    ),
    path(
        "sign-in/providers/<int:pk>/test/",
        views.identity_provider_test,
        name="identity_provider_test",
    ),
    path(
        "sign-in/providers/<int:pk>/tested/",
        views.identity_provider_tested,
        name="identity_provider_tested",
    ),
    # django-allauth: the second step, sign-in through a provider, and the names its own
    # pages link to (pointing at ours; nobody signs up here).
    path("2fa/", include("allauth.mfa.urls")),
    path("oidc/<str:provider_id>/login/", views.provider_login, name="openid_connect_login"),
    path(
        "oidc/<str:provider_id>/login/callback/",
        views.provider_callback,
        name="openid_connect_callback",
    ),
    path("social/", include("allauth.socialaccount.urls")),
    path("reauthenticate/", allauth_views.reauthenticate, name="account_reauthenticate"),
    path(
        "inactive/",
        TemplateView.as_view(template_name="registration/inactive.html"),
        name="account_inactive",
    ),
    path(
        "allauth/login/",
        RedirectView.as_view(pattern_name="login", query_string=True),
        name="account_login",
    ),
    path("allauth/logout/", auth_views.LogoutView.as_view(), name="account_logout"),
    path("allauth/signup/", RedirectView.as_view(pattern_name="login"), name="account_signup"),
    path(
        "allauth/password/change/",
        RedirectView.as_view(pattern_name="password_change"),
        name="account_change_password",
    ),
    path(
        "allauth/password/reset/",
        RedirectView.as_view(pattern_name="password_reset"),
        name="account_reset_password",
    ),
    path("profile/", views.profile, name="profile"),
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(success_url=reverse_lazy("password_change_done")),
        name="password_change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(form_class=SetPasswordLinkForm),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=SetPasswordLiftingLockForm),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
