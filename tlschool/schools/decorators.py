from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import render


def school_required(view):
    """Log-in required, and a school the user may read; otherwise a page that says what to do."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.access.can_read:
            return render(request, "schools/no_school.html", status=403)
        return view(request, *args, **kwargs)

    return wrapped
