"""`samverkan import PATH...`: files, folders and zips of minutes into the system."""

import sys
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from samverkan.directory.models import Body
from samverkan.importer.services import FAILED, Outcome, ingest
from samverkan.importer.sources import SourceError, documents


class Command(BaseCommand):
    help = "Importerar mötesanteckningar (filer, mappar, zip) och visar vad som behöver granskas."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, metavar="SÖKVÄG")
        parser.add_argument("--body", help="organets kortnamn, t.ex. ”DOT Nordost”")

    def handle(self, *args, **options):
        body = None
        if options["body"]:
            body = Body.objects.filter(short_name=options["body"]).first()
            if body is None:
                raise CommandError(f"Inget organ har kortnamnet ”{options['body']}”.")
        counts: Counter[str] = Counter()
        failures: list[Outcome] = []
        for number, (name, data) in enumerate(
            documents(options["paths"], settings.IMPORT_MAX_BYTES), start=1
        ):
            if isinstance(data, SourceError):
                outcome = Outcome(name, FAILED, str(data))
            else:
                outcome = ingest(name, data, body=body, confirm_when_clear=True)
            counts[outcome.status] += 1
            if outcome.status == FAILED:
                failures.append(outcome)
            self.stderr.write(
                f"\r{number} dokument: {outcome.status:<12} {Path(name).name[:50]}", ending=""
            )
        self.stderr.write("")
        summary = (
            ", ".join(f"{n} {status}" for status, n in counts.most_common()) or "inga dokument"
        )
        self.stdout.write(f"Klart: {summary}.")
        for outcome in failures:
            self.stdout.write(f"  {outcome.name}: {outcome.reason}")
        if failures:
            sys.exit(2)
