"""Checks that forms of several apps share."""

from django.utils.translation import gettext_lazy as _

END_BEFORE_START = _("The end lies before the start.")


def check_period(form, cleaned, start: str, end: str, message=END_BEFORE_START):
    """Mark the end field when a period ends before it starts."""
    first, last = cleaned.get(start), cleaned.get(end)
    if first and last and last < first:
        form.add_error(end, message)
    return cleaned


def radios_without_blank(form):
    """Radio buttons offer only real choices: a model field's "Choose…" option would show as
    a radio button of its own, already selected."""
    from django import forms

    for field in form.fields.values():
        if isinstance(field.widget, forms.RadioSelect) and hasattr(field, "choices"):
            field.choices = [(value, label) for value, label in field.choices if value != ""]
    return form
