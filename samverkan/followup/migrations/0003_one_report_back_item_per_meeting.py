"""Coming meetings had one "Återrapportering: …" item per assignment; now one item holds them all.

Held meetings keep their items as they are: they are the record.
"""

from django.db import migrations
from django.utils import timezone

COMING = ["planerat", "kallelse skickad"]


def one_item_per_meeting(apps, schema_editor):
    AgendaItem = apps.get_model("meetings", "AgendaItem")
    Assignment = apps.get_model("followup", "Assignment")
    Note = apps.get_model("minutes", "Note")
    Decision = apps.get_model("minutes", "Decision")
    items = AgendaItem.objects.filter(
        kind="återrapportering",
        title__startswith="Återrapportering: ",
        meeting__state__in=COMING,
        meeting__date__gte=timezone.localdate(),
    ).order_by("meeting_id", "position", "pk")
    kept = {}
    for item in items:
        keep = kept.get(item.meeting_id)
        if keep is None:
            item.title, item.description = "Återrapportering", ""
            item.save(update_fields=["title", "description"])
            item.responsible.clear()
            kept[item.meeting_id] = item
            continue
        Assignment.objects.filter(report_item=item).update(report_item=keep)
        written = Note.objects.filter(item=item).exclude(text="").exists()
        if not written and not Decision.objects.filter(item=item).exists():
            item.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("followup", "0002_initial"),
        ("meetings", "0001_initial"),
        ("minutes", "0001_initial"),
    ]

    operations = [migrations.RunPython(one_item_per_meeting, migrations.RunPython.noop)]
