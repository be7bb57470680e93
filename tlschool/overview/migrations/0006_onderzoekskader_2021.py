from django.db import migrations

FILE = "onderzoekskader-2021.json"


def load(apps, schema_editor):
    from tlschool.overview.evidence import FRAMEWORKS, load_framework, read_framework

    load_framework(read_framework(FRAMEWORKS / FILE), apps.get_model("overview", "QualityStandard"))


def unload(apps, schema_editor):
    apps.get_model("overview", "QualityStandard").objects.filter(version="2021").delete()


class Migration(migrations.Migration):
    dependencies = [("overview", "0005_quality_standard")]

    operations = [migrations.RunPython(load, unload)]
