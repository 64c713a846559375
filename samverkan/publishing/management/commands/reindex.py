"""`samverkan reindex`: build the search index again from the approved minutes."""

from django.core.management.base import BaseCommand

from samverkan.publishing.search import rebuild


class Command(BaseCommand):
    help = "Bygger om sökindexet från alla justerade minnesanteckningar."

    def handle(self, *args, **options):
        self.stdout.write(f"{rebuild()} sökbara texter")
