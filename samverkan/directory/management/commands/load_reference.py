"""`samverkan load-reference`: Skåne's organisations and Vårdsamverkan Skåne's bodies."""

from django.core.management.base import BaseCommand

from samverkan.directory.services import load_reference


class Command(BaseCommand):
    help = "Läser in Region Skåne, kommunerna, Skånes Kommuner och Vårdsamverkan Skånes organ."

    def handle(self, *args, **options):
        for what, n in load_reference().items():
            self.stdout.write(f"{what}: {n.created} nya, {n.updated} uppdaterade")
