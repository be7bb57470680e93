from django.conf import settings
from django.contrib import admin
from django.urls import include, path, reverse_lazy
from django.views.generic import RedirectView

from tlschool.accounts import views as account_views
from tlschool.overview import views as overview_views
from tlschool.schools import views as school_views

urlpatterns = [
    path("", overview_views.home, name="home"),
    path("accounts/", include("tlschool.accounts.urls")),
    path("i18n/setlang/", account_views.set_language, name="set_language"),
    path("healthz", school_views.healthz, name="healthz"),
    path("", include("tlschool.schools.urls")),
    path("", include("tlschool.overview.urls")),
    path("leaders/", include("leaders.urls")),
    path("plg/", include("plg.urls")),
    path("innovations/", include("innovations.urls")),
    path("privacy/", include("tlschool.privacy.urls")),
    path("reminders/", include("tlschool.reminders.urls")),
]

if settings.ADMIN_ENABLED:
    # The admin signs in through the same log-in page, with its throttle, as everyone else.
    urlpatterns += [
        path(
            "admin/login/",
            RedirectView.as_view(url=reverse_lazy("login"), query_string=True),
            name="admin_login",
        ),
        path("admin/", admin.site.urls),
    ]

handler500 = "tlschool.errors.server_error"
