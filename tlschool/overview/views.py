from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def home(request):
    access = request.access
    if not access.can_read:
        return render(request, "schools/no_school.html", status=200)
    return render(request, "overview/home.html", {})
