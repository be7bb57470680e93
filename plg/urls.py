from django.urls import path

from plg import views

app_name = "plg"
urlpatterns = [
    path("", views.plg_list, name="list"),
    path("new/", views.plg_create, name="create"),
    path("agreements/", views.agreements, name="agreements"),
    path("<int:pk>/", views.plg_detail, name="detail"),
    path("<int:pk>/schedule/", views.plg_schedule, name="schedule"),
    path("<int:pk>/schedule/change/", views.plg_schedule_change, name="schedule_change"),
    path("<int:pk>/edit/", views.plg_edit, name="edit"),
    path("<int:pk>/history/", views.plg_history, name="history"),
    path("<int:pk>/sessions/new/", views.session_log, name="session_new"),
    path("<int:pk>/sessions/<int:session_pk>/edit/", views.session_log, name="session_edit"),
    path("<int:pk>/sessions/autosave/", views.session_autosave, name="session_autosave"),
    path("sessions/<int:session_pk>/", views.session_detail, name="session"),
    path("sessions/<int:session_pk>/remove/", views.session_remove, name="session_remove"),
    path("sessions/<int:session_pk>/reflections/", views.reflection_add, name="reflection_add"),
    path("<int:pk>/scan/", views.scan_open, name="scan_open"),
    path("scans/<int:scan_pk>/", views.scan_answer, name="scan_answer"),
    path("scans/<int:scan_pk>/close/", views.scan_close, name="scan_close"),
]
