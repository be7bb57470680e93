from django.contrib import admin
from django.urls import include, path

from tlschool.overview import views as overview_views
from tlschool.schools import views as school_views

urlpatterns = [
    path("", overview_views.home, name="home"),
    path("accounts/", include("tlschool.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", school_views.healthz, name="healthz"),
    path("", include("tlschool.schools.urls")),
    path("", include("tlschool.overview.urls")),
    path("leaders/", include("leaders.urls")),
    path("plg/", include("plg.urls")),
    path("innovations/", include("innovations.urls")),
    path("admin/", admin.site.urls),
]

handler500 = "tlschool.errors.server_error"
