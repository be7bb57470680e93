from django.http import HttpResponse
from django.shortcuts import render
from django.urls import include, path

from tlschool.schools.access import require


def bare(request):
    return HttpResponse("ok")


def signed_in(request):
    """What every page of a school pays before its own work: session, user and their school."""
    require(request.access.can_read)
    return HttpResponse("ok")


def layout(request):
    """The signed-in floor plus the site's layout around an empty page."""
    require(request.access.can_read)
    return render(request, "base.html")


urlpatterns = [
    path("bench/bare", bare),
    path("bench/signed-in", signed_in),
    path("bench/layout", layout),
    path("", include("tlschool.urls")),
]
