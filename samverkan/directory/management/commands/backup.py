"""`samverkan backup PATH`: the database and uploaded files in one archive."""

from django.core.management.base import BaseCommand, CommandError

from samverkan.directory.backup import BackupError, backup


class Command(BaseCommand):
    help = "Sparar databasen och uppladdade filer i ett arkiv (tar.gz) med manifest."

    def add_arguments(self, parser):
        parser.add_argument("path", help="arkivet som skrivs, t.ex. samverkan-2025-01-31.tar.gz")

    def handle(self, *args, path, **options):
        try:
            manifest = backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["rows"].values())
        files = len(manifest["files"]) - 1
        self.stdout.write(f"Säkerhetskopia sparad i {path}: {rows} rader, {files} filer.")
