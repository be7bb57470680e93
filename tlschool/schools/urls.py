from django.urls import path

from tlschool.schools import views

urlpatterns = [
    path("school/switch/", views.school_switch, name="school_switch"),
    path("school/settings/", views.school_settings, name="school_settings"),
    path("school/ambitions/", views.ambitions, name="ambitions"),
    path("school/ambitions/<int:pk>/remove/", views.ambition_remove, name="ambition_remove"),
    path("team/", views.team, name="team"),
    path("team/import/", views.team_import, name="team_import"),
    path("team/history/", views.team_history, name="team_history"),
    path("team/<int:pk>/role/", views.member_role, name="member_role"),
    path(
        "team/invitations/<int:pk>/withdraw/",
        views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("invitations/", views.invitations, name="invitations"),
    path("invitations/<int:pk>/accept/", views.invitation_accept, name="invitation_accept"),
    path("invitations/<int:pk>/decline/", views.invitation_decline, name="invitation_decline"),
]
