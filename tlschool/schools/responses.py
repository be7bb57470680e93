"""The two answers every form view gives, the same way for htmx and plain requests."""

from django.shortcuts import redirect, render
from django_htmx.http import HttpResponseClientRedirect


def render_page(
    request, template: str, context: dict, *, partial: str | None = None, invalid=False
):
    """The whole page, or only `partial` for htmx; 422 when a form came back with errors."""
    if partial and request.htmx:
        template = f"{template}#{partial}"
    return render(request, template, context, status=422 if invalid else 200)


def redirect_after_post(request, to, *args, fragment: str = "", **kwargs):
    """A 302 for a plain post; for htmx a client redirect, so the whole page is fresh.
    `fragment` takes the person back to the part of the page they acted in."""
    response = redirect(to, *args, **kwargs)
    if fragment:
        response["Location"] += f"#{fragment}"
    if request.htmx:
        return HttpResponseClientRedirect(response.url)
    return response


def posted(request):
    """The submitted data for a form, or None on GET (an empty POST is still a submission)."""
    return request.POST if request.method == "POST" else None
