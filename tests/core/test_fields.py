"""`bootstrap_field`: one field in Bootstrap markup, with its errors tied to the input."""

from django import forms
from django.template import Context, Template
from django.urls import reverse

from tlschool.fields import bootstrap_field


class ExampleForm(forms.Form):
    name = forms.CharField(label="Naam <b>", help_text="Zoals het team je kent")
    kind = forms.ChoiceField(label="Soort", choices=[("a", "A"), ("b", "B")], required=False)
    agreed = forms.BooleanField(label="Akkoord", required=False)


def test_a_required_text_field_has_label_mark_help_and_control():
    html = bootstrap_field(ExampleForm()["name"])
    assert '<label for="id_name" class="form-label requiredField">Naam &lt;b&gt;' in html
    assert '<span class="asteriskField">*</span>' in html
    assert 'class="form-control"' in html
    assert '<div id="id_name_helptext" class="form-text">Zoals het team je kent</div>' in html
    assert 'aria-describedby="id_name_helptext"' in html


def test_errors_show_under_the_input_and_are_announced_with_it():
    form = ExampleForm(data={"name": ""})
    form.is_valid()
    html = bootstrap_field(form["name"])
    assert "form-control is-invalid" in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_name_error"' in html
    assert '<div id="id_name_error" class="invalid-feedback">' in html
    assert "Dit veld is verplicht." in html or "This field is required." in html


def test_error_text_is_escaped():
    form = ExampleForm(data={"name": "x", "kind": "<script>"})
    form.is_valid()
    html = bootstrap_field(form["kind"])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_a_select_and_a_checkbox_get_their_own_classes():
    form = ExampleForm()
    assert 'class="form-select"' in bootstrap_field(form["kind"])
    checkbox = bootstrap_field(form["agreed"])
    assert '<div id="div_id_agreed" class="form-check">' in checkbox
    assert 'class="form-check-input"' in checkbox
    assert '<label for="id_agreed" class="form-check-label">Akkoord</label>' in checkbox
    assert "asteriskField" not in checkbox


def test_the_filter_is_available_to_templates():
    html = Template("{% load fields %}{{ form.name|bootstrap_field }}").render(
        Context({"form": ExampleForm()})
    )
    assert 'id="div_id_name"' in html


def test_a_control_in_a_table_row_takes_its_limits_from_the_form():
    from plg.forms import AgreementRowForm
    from tlschool.fields import bootstrap_control

    html = bootstrap_control(AgreementRowForm(participants=[])["text"], "sm")
    assert 'maxlength="300"' in html and 'class="form-control form-control-sm"' in html


def test_no_template_writes_a_field_limit_by_hand():
    """Limits such as maxlength come from the form field, never copied into a template."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    copies = [
        str(path.relative_to(root))
        for path in root.glob("**/templates/**/*.html")
        if not {".venv", "mutants"} & set(path.parts) and "maxlength=" in path.read_text()
    ]
    assert not copies, copies


def test_every_table_that_scrolls_sideways_can_be_reached_with_the_keyboard():
    """A table box that scrolls on a phone takes keyboard focus (WCAG 2.1.1), in every
    template: axe-core's scrollable-region-focusable."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    boxes = re.compile(r"<div[^>]*class=\"[^\"]*table-responsive[^>]*>")
    unreachable = [
        f"{path.relative_to(root)}: {box}"
        for path in root.glob("**/templates/**/*.html")
        if not {".venv", "mutants", "node_modules"} & set(path.parts)
        for box in boxes.findall(path.read_text())
        if 'tabindex="0"' not in box
    ]
    assert not unreachable, unreachable


def test_radio_buttons_offer_no_preselected_choose_option(
    login, school, schoolleider, teacher_leader
):
    from tests.factories import make_innovation

    client = login(schoolleider)
    import re

    new_role = client.get(reverse("leaders:role_create")).text
    kinds = re.findall(r'type="radio"[^>]*name="kind" value="([^"]*)"', new_role)
    assert kinds == ["formal", "informal"]  # no "Kies…" radio, and none chosen beforehand
    assert not re.search(r'name="kind"[^>]*checked', new_role)
    assert "Leerkracht<span" in new_role  # labels start with a capital
    innovation = make_innovation(school, teacher_leader)
    page = login(teacher_leader).get(reverse("innovations:detail", args=[innovation.pk])).text
    colours = re.findall(r'name="approach-change_colour" value="([^"]*)"', page)
    assert colours and "" not in colours
