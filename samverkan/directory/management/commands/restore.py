"""`samverkan restore PATH`: put back a backup; the archive is verified before anything changes."""

from django.core.management.base import BaseCommand, CommandError

from samverkan.directory.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Återställer databasen och uppladdade filer från en säkerhetskopia. Allt som finns nu "
        "ersätts. Stoppa webbservern och arbetaren först."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="arkivet från samverkan backup")
        parser.add_argument("--yes", action="store_true", help="fråga inte först")

    def handle(self, *args, path, yes, **options):
        if not yes and input("Allt i databasen och alla filer ersätts. Skriv ja: ") != "ja":
            raise CommandError("Avbrutet; inget har ändrats.")
        try:
            manifest = restore(path)
        except BackupError as error:
            raise CommandError(f"{error} Inget har ändrats.") from error
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            f"Återställt från {path} (skapad {manifest['created']}): {rows} rader, "
            f"{len(manifest['files']) - 1} filer."
        )
