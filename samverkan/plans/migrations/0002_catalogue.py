"""Loads the indicator catalogue and the HS-avtal's goals from the package's data files."""

from django.db import migrations

from samverkan.plans.catalogue import load_catalogue


def load(apps, schema_editor):
    load_catalogue(apps.get_model("plans", "CatalogueIndicator"),
                   apps.get_model("plans", "AgreementGoal"))


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
