"""The refreshed catalogue and HS-avtal goals: names without the sources' remarks."""

from django.db import migrations

from samverkan.plans.catalogue import load_catalogue


def load(apps, schema_editor):
    load_catalogue(
        apps.get_model("plans", "CatalogueIndicator"), apps.get_model("plans", "AgreementGoal")
    )


class Migration(migrations.Migration):
    dependencies = [("plans", "0003_inventory_round_deadline")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
