"""The Skåne reference data and the demo content load, and loading twice adds nothing."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from samverkan.directory.models import Body, Membership, Organisation, Person
from samverkan.directory.services import load_demo, load_reference

pytestmark = pytest.mark.django_db


def test_reference_holds_the_region_the_33_municipalities_and_the_federation():
    load_reference()
    assert Organisation.objects.filter(kind="kommun").count() == 33
    assert Organisation.objects.get(name="Region Skåne").kind == "region"
    assert Organisation.objects.get(name="Skånes Kommuner").kind == "förbund"
    assert Organisation.objects.get(short_name="CSK").parent.name == "Region Skåne"


def test_reference_bodies_form_a_tree_under_the_central_body():
    load_reference()
    dot = Body.objects.get(short_name="DOT Nordost")
    assert [b.short_name for b in dot.ancestors()] == ["CS", "DS Nordost", "DST Nordost"]
    assert Body.objects.filter(parent=None).get().short_name == "CS"


def test_loading_twice_adds_nothing():
    first = load_reference()
    second = load_reference()
    load_demo()
    counts = (
        Organisation.objects.count(),
        Body.objects.count(),
        Person.objects.count(),
        Membership.objects.count(),
    )
    load_demo()
    assert second["organisations"].created == 0 and second["bodies"].created == 0
    assert first["organisations"].created == Organisation.objects.count()
    assert counts == (
        Organisation.objects.count(),
        Body.objects.count(),
        Person.objects.count(),
        Membership.objects.count(),
    )


@override_settings(DEBUG=False)
def test_demo_content_refuses_a_production_database():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="DEBUG=1"):
        call_command("load_demo")
    assert not Person.objects.exists()


def test_names_are_free_of_the_sources_remarks_and_reloading_renames_old_ones():
    Organisation.objects.create(name="Skånes Kommuner (Kommunförbundet Skåne)", kind="förbund")
    load_reference()
    names = set(Organisation.objects.values_list("name", flat=True))
    assert "Skånes Kommuner" in names and "Skånes Kommuner (Kommunförbundet Skåne)" not in names
    assert "Simrishamns sjukhus" in names
    assert not any("osäker" in n or "källa" in n for n in names)
