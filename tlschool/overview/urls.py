from django.urls import path

from tlschool.overview import views

app_name = "overview"
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("waiting/count/", views.waiting_count, name="waiting_count"),
    path("board/", views.board_overview, name="board"),
    path("exports/innovations.csv", views.export_innovations, name="export_innovations"),
    path("exports/sessions.csv", views.export_sessions, name="export_sessions"),
    path("exports/time.csv", views.export_time, name="export_time"),
    path("report/", views.report, name="report"),
    path("report.pdf", views.report_pdf, name="report_pdf"),
    path("evidence/", views.evidence_page, name="evidence"),
    path("evidence.pdf", views.evidence_pdf, name="evidence_pdf"),
    path("evidence.csv", views.evidence_csv, name="evidence_csv"),
    path("board/evidence/", views.board_evidence, name="board_evidence"),
    path("team/<int:pk>/remove/", views.member_remove, name="member_remove"),
    path("team/people/<int:pk>/data.zip", views.person_export, name="person_export"),
    path("team/people/<int:pk>/forget/", views.person_erase, name="person_erase"),
    path("privacy/my-data.zip", views.my_data, name="my_data"),
    path("signals/snooze/", views.signal_snooze, name="signal_snooze"),
    path("signals/wake/", views.signal_wake, name="signal_wake"),
]
