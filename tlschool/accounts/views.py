from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from tlschool.schools.access import available_schools


@login_required
def profile(request):
    return render(
        request, "registration/profile.html", {"schools": available_schools(request.user)}
    )
