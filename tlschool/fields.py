"""`{{ form.field|bootstrap_field }}`: one form field in Bootstrap 5 markup (label, widget,
errors, help text), written in Python. The markup is what crispy-forms' bootstrap5 pack gives
a single field; the forms people fill in most (the session log) use this because it renders in
a fraction of the time of crispy's per-field templates. Whole forms keep using crispy."""

from django import forms, template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


def _widget_class(widget) -> str:
    if isinstance(widget, forms.CheckboxInput):
        return "form-check-input"
    if isinstance(widget, forms.Select):
        return "form-select"
    return "form-control"


def _control(field: forms.BoundField, size: str = ""):
    """The widget alone, as Django renders it (its limits, such as maxlength, come from the
    form field), with Bootstrap's classes."""
    widget = field.field.widget
    base = _widget_class(widget)
    css = " ".join(
        part
        for part in (
            widget.attrs.get("class"),
            base,
            f"{base}-{size}" if size and base != "form-check-input" else "",
            field.errors and "is-invalid",
        )
        if part
    )
    attrs = {"class": css}
    if field.errors:
        attrs["aria-describedby"] = f"{field.auto_id}_error"
    return field.as_widget(attrs=attrs)


@register.filter
def bootstrap_control(field: forms.BoundField, size: str = ""):
    """`{{ field|bootstrap_control:"sm" }}`: only the control, for fields placed in a table row
    whose label and errors the template places itself."""
    return _control(field, size)


@register.filter
def bootstrap_field(field: forms.BoundField):
    widget = field.field.widget
    auto_id = field.auto_id
    control = _control(field)
    if field.field.show_hidden_initial:
        control += field.as_hidden(only_initial=True)
    errors = ""
    if field.errors:
        errors = format_html(
            '<div id="{}_error" class="invalid-feedback">{}</div>',
            auto_id,
            format_html_join(
                "",
                '<p id="error_{}_{}"><strong>{}</strong></p>',
                ((n, auto_id, error) for n, error in enumerate(field.errors, start=1)),
            ),
        )
    help_text = ""
    if field.help_text:
        help_text = format_html(
            '<div id="{}_helptext" class="form-text">{}</div>', auto_id, field.help_text
        )
    if isinstance(widget, forms.CheckboxInput):
        return format_html(
            '<div class="mb-3"><div id="div_{}" class="form-check">{}'
            '<label for="{}" class="form-check-label">{}</label>{}{}</div></div>',
            auto_id,
            control,
            field.id_for_label,
            field.label,
            errors,
            help_text,
        )
    required = field.field.required
    return format_html(
        '<div id="div_{}" class="mb-3"><label for="{}" class="form-label{}">{}{}</label>'
        "{}{}{}</div>",
        auto_id,
        field.id_for_label,
        " requiredField" if required else "",
        field.label,
        mark_safe('<span class="asteriskField">*</span>') if required else "",
        control,
        errors,
        help_text,
    )


@register.filter
def has_field_errors(form) -> bool:
    """Whether any field (not the form as a whole) has an error to mark."""
    return any(name != forms.forms.NON_FIELD_ERRORS for name in form.errors)


@register.filter
def bound(form, name: str):
    """`{{ form|bound:name }}`: a form's field by a name the template holds in a variable."""
    return form[name]
