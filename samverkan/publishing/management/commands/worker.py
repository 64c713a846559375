"""`samverkan worker`: the background worker; it first resumes mail a stopped worker left."""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from samverkan.publishing import reminders
from samverkan.publishing.mailing import resume_interrupted


class Command(DatabaseWorker):
    help = (
        "Kör köade uppgifter (e-post) i bakgrunden och skickar påminnelser varje timme. "
        "Utskick som en stoppad arbetare lämnade halvfärdiga återupptas först."
    )

    def handle(self, *args, **options):
        resume_interrupted()
        reminders.schedule()
        return super().handle(*args, **options)
