"""The indicator catalogue and the HS-avtal's goals, loaded from the package's data files."""

import csv
from importlib import resources

DATA = resources.files("samverkan.plans") / "data"


def load_catalogue(catalogue_model=None, goal_model=None) -> None:
    """Safe to run again; the migration passes its historical models."""
    if catalogue_model is None or goal_model is None:
        from samverkan.plans.models import AgreementGoal, CatalogueIndicator

        catalogue_model, goal_model = CatalogueIndicator, AgreementGoal
    with (DATA / "indicators.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            catalogue_model.objects.get_or_create(
                name=row["name_sv"][:300],
                defaults={
                    "definition": row["definition_sv"],
                    "source_url": row["source_url"][:500],
                },
            )
    with (DATA / "hs_goals.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            goal_model.objects.get_or_create(
                area=row["area"][:300],
                text=row["goal_sv"],
                defaults={"period": row["period"][:100], "source_url": row["source_url"][:500]},
            )
