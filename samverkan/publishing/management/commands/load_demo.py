"""`samverkan load-demo`: demo people, accounts, meetings, imported and published minutes
(demo only)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from samverkan.directory.services import load_demo, load_reference
from samverkan.followup.demo import load_demo_flow, load_demo_meetings
from samverkan.importer.services import import_seeds
from samverkan.publishing.demo import mail_demo, publish_demo


class Command(BaseCommand):
    help = "Läser in referensdata och demoinnehåll med demokonton (endast i en demodatabas)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demoinnehåll läses bara in när DEBUG=1 (en demodatabas).")
        load_reference()
        for what, n in load_demo().items():
            self.stdout.write(f"{what}: {n.created} nya")
        self.stdout.write(f"meetings: {load_demo_meetings()} nya")
        self.stdout.write(f"meetings between bodies: {load_demo_flow()} nya")
        for outcome in import_seeds():
            self.stdout.write(f"{outcome.name}: {outcome.status} {outcome.reason}".rstrip())
        self.stdout.write(f"published: {publish_demo()} nya")
        self.stdout.write(f"mail: {mail_demo()} möte med kallelse, ersättare och flytt")
