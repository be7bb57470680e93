"""Checks that forms of several apps share."""

from django.utils.translation import gettext_lazy as _

END_BEFORE_START = _("The end lies before the start.")


def check_period(form, cleaned, start: str, end: str, message=END_BEFORE_START):
    """Mark the end field when a period ends before it starts."""
    first, last = cleaned.get(start), cleaned.get(end)
    if first and last and last < first:
        form.add_error(end, message)
    return cleaned
