"""`{% agenda_changes meeting as changes %}`: what changed since the kallelse, for the meeting page."""

from django import template

from samverkan.publishing.notices import agenda_changes as changes_since_kallelse

register = template.Library()


@register.simple_tag
def agenda_changes(meeting) -> list[str]:
    return changes_since_kallelse(meeting) if meeting.can_be_answered else []
