"""Changes to a body's distribution lists are recorded and shown to its editors."""

from django.urls import reverse

from samverkan.publishing.models import DistributionList


def test_distribution_list_changes_are_shown_on_the_lists_page(cast, login):
    client = login("alice")
    url = reverse("publishing:lists", args=[cast.public_body.pk])
    client.post(url, {"name": "Registratorer", "addresses": "reg@sjobo.se"})
    distribution_list = DistributionList.objects.get()
    client.post(
        reverse("publishing:list_edit", args=[distribution_list.pk]),
        {"name": "Registratorer", "addresses": "reg@sjobo.se\nreg@ystad.se"},
    )
    page = client.get(url).content.decode()
    assert "E-postadresser: reg@sjobo.se → reg@sjobo.se\nreg@ystad.se" in page
    assert "Sändlista Registratorer" in page and "Alice Andersson" in page
