"""`samverkan sync-access`: accounts follow memberships (run nightly, beside sync-report-backs)."""

from django.core.management.base import BaseCommand

from samverkan.directory import access


class Command(BaseCommand):
    help = (
        "Stänger av konton vars sista ledamotskap slutade för mer än ACCESS_GRACE_DAYS dagar "
        "sedan och listar konton som inte använts på ACCOUNT_REVIEW_MONTHS månader."
    )

    def handle(self, *args, **options):
        for lapse in access.sync():
            self.stdout.write(f"avstängt: {lapse.user.get_username()} (slutade {lapse.last_end})")
        for user in access.for_review():
            used = user.last_login.date() if user.last_login else "aldrig"
            self.stdout.write(f"granska: {user.get_username()} (senast inloggad {used})")
