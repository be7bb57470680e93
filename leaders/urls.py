from django.urls import path

from leaders import views

app_name = "leaders"
urlpatterns = [
    path("", views.who_leads_what, name="who_leads_what"),
    path("roles/new/", views.role_create, name="role_create"),
    path("growing/", views.aspiration, name="aspiration"),
    path("growing/colleagues/", views.aspirations, name="aspirations"),
    path("growing/<int:pk>/steps/", views.growth_step_add, name="growth_step_add"),
    path("roles/<int:pk>/", views.role_detail, name="role"),
    path("roles/<int:pk>/edit/", views.role_edit, name="role_edit"),
    path("roles/<int:pk>/history/", views.role_history, name="history"),
    path("roles/<int:pk>/mandate/items/", views.mandate_item_add, name="mandate_item_add"),
    path(
        "roles/<int:pk>/mandate/items/<int:item_pk>/remove/",
        views.mandate_item_remove,
        name="mandate_item_remove",
    ),
    path("roles/<int:pk>/mandate/agree/", views.mandate_agree, name="mandate_agree"),
    path("roles/<int:pk>/mandate/v<int:version>/", views.mandate_version, name="mandate_version"),
    path("roles/<int:pk>/announcements/", views.announcement_add, name="announcement_add"),
    path("roles/<int:pk>/recognise/", views.recognise, name="recognise"),
    path("roles/<int:pk>/wellbeing/", views.wellbeing_add, name="wellbeing_add"),
    path("roles/<int:pk>/growth/", views.growth, name="growth"),
    path("leading/", views.leadership_goals, name="leadership_goals"),
    path("leading/ask/", views.feedback_ask, name="feedback_ask"),
    path("roles/<int:pk>/feedback/", views.feedback_answer, name="feedback_answer"),
    path("roles/<int:pk>/allotment/", views.allotment_set, name="allotment_set"),
    path("roles/<int:pk>/time/", views.time_entry_add, name="time_entry_add"),
    path(
        "roles/<int:pk>/time/<int:entry_pk>/remove/",
        views.time_entry_remove,
        name="time_entry_remove",
    ),
    path("roles/<int:pk>/courses/", views.course_add, name="course_add"),
    path("roles/<int:pk>/courses/<int:course_pk>/", views.course_edit, name="course_edit"),
    path(
        "roles/<int:pk>/courses/<int:course_pk>/remove/",
        views.course_remove,
        name="course_remove",
    ),
    path("roles/<int:pk>/skills/", views.assessment_add, name="assessment_add"),
    path("roles/<int:pk>/dialogue/", views.dialogue_add, name="dialogue_add"),
]
