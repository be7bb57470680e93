"""The error page people see when something breaks, above all when the database is away.

It renders from a plain template without the request context, because the database that
the context needs (session, user, school) may be the very thing that is down.
"""

import sys

from django.db import DatabaseError, InterfaceError
from django.http import HttpResponse
from django.template import loader


def server_error(request):
    error = sys.exc_info()[1]
    unavailable = isinstance(error, DatabaseError | InterfaceError)
    body = loader.get_template("500.html").render({"unavailable": unavailable})
    response = HttpResponse(body, status=503 if unavailable else 500)
    if unavailable:
        response["Retry-After"] = "30"
    return response
