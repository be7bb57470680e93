from django.urls import path

from innovations import views

app_name = "innovations"
urlpatterns = [
    path("", views.board, name="board"),
    path("new/", views.innovation_create, name="create"),
    path("<int:pk>/", views.innovation_detail, name="detail"),
    path("<int:pk>/edit/", views.innovation_edit, name="edit"),
    path("<int:pk>/move/", views.innovation_move, name="move"),
    path("<int:pk>/plan/<slug:kind>/", views.innovation_plan, name="plan"),
    path("<int:pk>/criteria/", views.criterion_add, name="criterion_add"),
    path(
        "<int:pk>/criteria/<int:criterion_pk>/remove/",
        views.criterion_remove,
        name="criterion_remove",
    ),
    path("<int:pk>/monitoring/", views.monitoring_add, name="monitoring_add"),
    path(
        "<int:pk>/monitoring/<int:entry_pk>/remove/",
        views.monitoring_remove,
        name="monitoring_remove",
    ),
    path("<int:pk>/adjustments/", views.adjustment_add, name="adjustment_add"),
    path("<int:pk>/stage-plan/", views.stage_plan_set, name="stage_plan"),
    path("<int:pk>/slowdown/", views.slowdown_add, name="slowdown"),
    path("<int:pk>/pulse/", views.pulse_open, name="pulse_open"),
    path("<int:pk>/history/", views.innovation_history, name="history"),
    path("pulses/<int:pulse_pk>/", views.pulse_answer, name="pulse_answer"),
    path("pulses/<int:pulse_pk>/close/", views.pulse_close, name="pulse_close"),
    path("<int:pk>/borgingskaart/", views.borging_card, name="card"),
    path("<int:pk>/borgingskaart.pdf", views.borging_card_pdf, name="card_pdf"),
    path("quality-handbook/", views.handbook, name="handbook"),
    path("evidence/<int:entry_pk>/", views.evidence, name="evidence"),
]
