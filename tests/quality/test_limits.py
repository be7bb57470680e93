"""Every free text has a length the pages, exports and PDF can carry, and the forms say so."""

import importlib
import inspect

from django import forms
from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils import timezone

from innovations import services as innovation_services
from innovations.models import MonitoringEntry
from tests.conftest import visible_text
from tests.factories import make_innovation
from tlschool.overview.exports import year_report_pdf
from tlschool.overview.report import REPORT_ENTRIES_PER_INNOVATION, year_report
from tlschool.schools.models import LONG_TEXT
from tlschool.schools.schooljaar import Schooljaar

OUR_APPS = {"accounts", "schools", "overview", "leaders", "plg", "innovations"}
# Written by the product itself, never typed by a person.
SYSTEM_TEXT = {("innovations", "InnovationEvent", "summary")}
FORM_MODULES = [
    "leaders.forms",
    "plg.forms",
    "innovations.forms",
    "tlschool.schools.forms",
    "tlschool.accounts.forms",
]


def test_every_text_field_of_every_model_has_a_bounded_length():
    unbounded = []
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS:
            continue
        for field in model._meta.get_fields():
            if not isinstance(field, models.CharField | models.TextField):
                continue
            if (model._meta.app_label, model.__name__, field.name) in SYSTEM_TEXT:
                continue
            if not field.max_length or field.max_length > LONG_TEXT:
                unbounded.append(f"{model.__name__}.{field.name}")
    assert not unbounded, f"text without a length limit: {unbounded}"


def form_classes():
    """Every form class the project defines."""
    for module_name in FORM_MODULES:
        module = importlib.import_module(module_name)
        for name, form_class in inspect.getmembers(module, inspect.isclass):
            if issubclass(form_class, forms.BaseForm) and form_class.__module__ == module_name:
                yield name, form_class


def test_every_text_field_of_every_form_has_a_bounded_length():
    unbounded = []
    for name, form_class in form_classes():
        for field_name, field in form_class.base_fields.items():
            if isinstance(field.widget, forms.PasswordInput):
                continue  # hashed, never shown or exported
            if type(field) is forms.CharField and not field.max_length:
                unbounded.append(f"{name}.{field_name}")
    assert not unbounded, f"form text without a length limit: {unbounded}"


def test_a_finding_over_the_limit_is_refused_in_the_form(login, school, teacher_leader):
    innovation = make_innovation(school, teacher_leader)
    response = login(teacher_leader).post(
        reverse("innovations:monitoring_add", args=[innovation.pk]),
        {
            "observed_on": timezone.localdate().isoformat(),
            "method": "observation",
            "findings": "x" * (LONG_TEXT + 1),
        },
    )
    assert response.status_code == 422
    assert f"niet meer dan {LONG_TEXT} tekens bevat (het zijn er nu {LONG_TEXT + 1})" in (
        visible_text(response)
    )
    assert not MonitoringEntry.objects.exists()


def test_the_year_report_summarises_long_and_many_entries(school, teacher_leader):
    """Thirty entries of the longest text, written without spaces (the PDF's slowest case):
    the report keeps the newest entries, shortened, and says where the rest is."""
    innovation = make_innovation(school, teacher_leader)
    for _number in range(30):
        innovation_services.monitoring_add(
            innovation=innovation,
            by=teacher_leader,
            values={},
            observed_on=timezone.localdate(),
            method="observation",
            findings="x" * LONG_TEXT,
        )
    report = year_report(school=school, year=Schooljaar.current())
    lines = report["innovations"][0]["lines"]
    assert len([line for line in lines if "xxxx" in line]) == REPORT_ENTRIES_PER_INNOVATION
    assert "22 eerdere monitoringsmomenten staan op de pagina van de innovatie." in lines
    assert max(len(line) for line in lines) < 600
    assert year_report_pdf(report).startswith(b"%PDF")


def test_every_date_field_has_the_range_a_school_would_use():
    from tlschool.schools.models import SchoolDateRange

    unbounded = []
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS:
            continue
        for field in model._meta.get_fields():
            is_date = isinstance(field, models.DateField) and not isinstance(
                field, models.DateTimeField
            )
            if is_date and not any(isinstance(v, SchoolDateRange) for v in field.validators):
                unbounded.append(f"{model.__name__}.{field.name}")
    for name, form_class in form_classes():
        model = getattr(getattr(form_class, "_meta", None), "model", None)
        for field_name, field in form_class.base_fields.items():
            if not isinstance(field, forms.DateField):
                continue
            checks = list(field.validators)
            if model is not None and field_name in {f.name for f in model._meta.fields}:
                checks += model._meta.get_field(field_name).validators  # model validation
            if not any(isinstance(v, SchoolDateRange) for v in checks):
                unbounded.append(f"{name}.{field_name}")
    assert not unbounded, f"dates without a range: {unbounded}"


def test_a_date_far_off_is_refused_with_the_range_in_words(login, school, teacher_leader):
    from tests.factories import make_role

    role = make_role(school, teacher_leader)
    response = login(teacher_leader).post(
        reverse("leaders:dialogue_add", args=[role.pk]),
        {"dialogue-held_on": "9999-12-31", "dialogue-text": "Goed gesprek"},
    )
    assert response.status_code == 422
    assert "Kies een datum tussen" in visible_text(response)


def test_a_team_list_with_a_giant_cell_is_reported_not_a_500(login, schoolleider):
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = 'Lotte;lotte@school.nl\n"' + "x" * 140_000 + '";x@school.nl\n'
    response = login(schoolleider).post(
        reverse("team_import"),
        {"file": SimpleUploadedFile("team.csv", text.encode(), content_type="text/csv")},
    )
    assert response.status_code == 422
    assert "te groot" in visible_text(response) or "niet te lezen" in visible_text(response)
