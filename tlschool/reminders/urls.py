from django.urls import path

from tlschool.reminders import views

app_name = "reminders"

urlpatterns = [
    path("", views.preferences, name="preferences"),
    path("feed/renew/", views.feed_renew, name="feed_renew"),
    path("feed/<str:token>.ics", views.feed, name="feed"),
    path("feed/<str:token>/plg/<int:pk>.ics", views.plg_feed, name="plg_feed"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("holidays/", views.holidays, name="holidays"),
    path("holidays/fill/", views.holidays_fill, name="holidays_fill"),
    path("holidays/<int:pk>/remove/", views.holiday_remove, name="holiday_remove"),
]
