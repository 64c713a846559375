"""Loads the indicator catalogue and the HS-avtal's goals from the package's data files."""

import csv
from importlib import resources

from django.db import migrations


def load(apps, schema_editor):
    data = resources.files("samverkan.plans") / "data"
    catalogue = apps.get_model("plans", "CatalogueIndicator")
    goals = apps.get_model("plans", "AgreementGoal")
    with (data / "indicators.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            catalogue.objects.get_or_create(
                name=row["name_sv"][:300],
                defaults={"definition": row["definition_sv"], "source_url": row["source_url"][:500]},
            )
    with (data / "hs_goals.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            goals.objects.get_or_create(
                area=row["area"][:300], text=row["goal_sv"],
                defaults={"period": row["period"][:100], "source_url": row["source_url"][:500]},
            )


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
