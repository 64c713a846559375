"""Keeping the report-back rule whenever an assignment, a meeting or its bodies change.

The meetings app knows nothing of assignments; its changes reach `followup.report_backs.sync`
through these receivers, connected in `FollowupConfig.ready`.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from samverkan.followup import report_backs
from samverkan.followup.models import Assignment
from samverkan.meetings.models import Meeting


@receiver(pre_save, sender=Assignment, dispatch_uid="report_backs_assignment_before")
def assignment_before(sender, instance: Assignment, raw=False, **kwargs) -> None:
    if instance.pk and not raw:
        was = Assignment.objects.filter(pk=instance.pk).values_list("report_item", flat=True)
        instance._report_item_before = was.first()


@receiver(post_save, sender=Assignment, dispatch_uid="report_backs_assignment_saved")
def assignment_saved(sender, instance: Assignment, raw=False, **kwargs) -> None:
    if raw:
        return
    was = getattr(instance, "_report_item_before", None)
    # the instance learns where it now is, so a later save of it does not undo that
    instance.report_item_id = report_backs.place(instance, was=was)


@receiver(post_delete, sender=Assignment, dispatch_uid="report_backs_assignment_deleted")
def assignment_deleted(sender, instance: Assignment, **kwargs) -> None:
    report_backs.tidy({instance.report_item_id} if instance.report_item_id else set())


@receiver(pre_save, sender=Meeting, dispatch_uid="report_backs_meeting_before")
def meeting_before(sender, instance: Meeting, raw=False, **kwargs) -> None:
    if instance.pk and not raw:
        before = Meeting.objects.filter(pk=instance.pk).values_list("date", "state").first()
        instance._report_backs_before = before


@receiver(post_save, sender=Meeting, dispatch_uid="report_backs_meeting_saved")
def meeting_saved(sender, instance: Meeting, created=False, raw=False, **kwargs) -> None:
    """Planned, moved, cancelled or held: a new meeting has no bodies yet (see below).
    Invited, approved or published changes nothing the rule looks at."""
    before = getattr(instance, "_report_backs_before", None)
    if raw or created or _same_for_the_rule(before, instance):
        return
    report_backs.sync(*instance.bodies.values_list("pk", flat=True))


def _same_for_the_rule(before: tuple | None, meeting: Meeting) -> bool:
    if before is None:
        return False
    date, state = before
    return date == meeting.date and report_backs.phase(state) == report_backs.phase(meeting.state)


@receiver(m2m_changed, sender=Meeting.bodies.through, dispatch_uid="report_backs_bodies")
def bodies_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    if action == "pre_clear":
        bodies = [instance.pk] if reverse else instance.bodies.values_list("pk", flat=True)
        instance._bodies_before_clear = set(bodies)
    elif action == "post_clear":
        report_backs.sync(*getattr(instance, "_bodies_before_clear", set()))
    elif action in ("post_add", "post_remove"):
        if reverse:  # body.meetings.add(...): the one body changed
            report_backs.sync(instance.pk)
        else:
            report_backs.sync(*pk_set, *instance.bodies.values_list("pk", flat=True))
