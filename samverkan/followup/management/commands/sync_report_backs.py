"""`samverkan sync-report-backs`: the report-back rule for every body (run nightly)."""

from django.core.management.base import BaseCommand

from samverkan.followup.report_backs import sync_all


class Command(BaseCommand):
    help = (
        "Lägger varje öppet uppdrag under Återrapportering på det möte där det ska redovisas, "
        "också när ett mötes dag har passerat."
    )

    def handle(self, *args, **options):
        sync_all()
