from django.urls import path

from tlschool.privacy import views

app_name = "privacy"
urlpatterns = [
    path("", views.privacy_page, name="page"),
    path("access/", views.my_access_log, name="my_access"),
    path("access/school/", views.school_access_log, name="school_access"),
    path("retention/", views.retention_settings, name="retention"),
    path("register.csv", views.register_csv, name="register"),
]
