"""`samverkan load-demo`: demo people, accounts, meetings, imported and published minutes,
an action plan and an inventory round (demo only)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from samverkan.directory.models import Body
from samverkan.directory.services import load_demo, load_reference
from samverkan.followup.demo import load_demo_flow, load_demo_meetings
from samverkan.importer.services import import_seeds
from samverkan.plans.demo import load_demo_plans
from samverkan.publishing.demo import mail_demo, publish_demo

# the delregional bodies asked in the demo's inventory round; DOT Nordost has answered
DEMO_ROUND_BODIES = ["DOT Nordost", "TB Sydost", "TB Nordväst"]


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
        bodies = Body.objects.filter(short_name__in=DEMO_ROUND_BODIES).order_by("name")
        plan, round_ = load_demo_plans(Body.objects.get(short_name="DOT Nordost"), bodies=bodies)
        self.stdout.write(f"plans: {plan.title}, {round_.title}")
