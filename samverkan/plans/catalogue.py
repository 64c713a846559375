"""The indicator catalogue and the HS-avtal's goals, loaded from the package's data files.

Each file's `note` column says what a source did not fully confirm; it is kept for whoever
maintains the data and never loaded as a name or a text.
"""

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
            _drop_remark(catalogue_model.objects, "name", row["name_sv"][:300])
            catalogue_model.objects.get_or_create(
                name=row["name_sv"][:300],
                defaults={
                    "definition": row["definition_sv"],
                    "source_url": row["source_url"][:500],
                },
            )
    with (DATA / "hs_goals.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            _drop_remark(goal_model.objects.filter(text=row["goal_sv"]), "area", row["area"][:300])
            goal_model.objects.get_or_create(
                area=row["area"][:300],
                text=row["goal_sv"],
                defaults={"period": row["period"][:100], "source_url": row["source_url"][:500]},
            )


def _drop_remark(rows, field: str, name: str) -> None:
    """Earlier files kept a source's doubt in the name ("Fast vårdkontakt (text avkortad i
    källan)"); the doubt is in the `note` column now, which is never shown as a name."""
    if not rows.filter(**{field: name}).exists():
        rows.filter(**{f"{field}__startswith": f"{name} ("}).update(**{field: name})
