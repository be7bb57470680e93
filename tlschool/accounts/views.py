from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from tlschool.schools.access import available_schools
from tlschool.schools.services import invitations_for


@login_required
def profile(request):
    context = {
        "schools": available_schools(request.user),
        "invitations": invitations_for(user=request.user),
    }
    return render(request, "registration/profile.html", context)


class LoginView(auth_views.LoginView):
    def form_valid(self, form):
        response = super().form_valid(form)
        if form.cleaned_data.get("end_at_browser_close"):
            self.request.session.set_expiry(0)
        return response
