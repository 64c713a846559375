"""`samverkan worker`: the background worker; it first resumes the mail and the uploads a
stopped worker left."""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from samverkan.importer import uploads
from samverkan.publishing import reminders
from samverkan.publishing.mailing import resume_interrupted


class Command(DatabaseWorker):
    help = (
        "Kör köade uppgifter (e-post, inläsning av uppladdade filer) i bakgrunden och skickar "
        "påminnelser varje timme. Utskick och uppladdningar som en stoppad arbetare lämnade "
        "halvfärdiga återupptas först."
    )

    def handle(self, *args, **options):
        resume_interrupted()
        uploads.resume_interrupted()
        reminders.schedule()
        return super().handle(*args, **options)
