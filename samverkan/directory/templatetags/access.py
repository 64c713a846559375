"""`{% if user|can_import %}`: the access rules the page frame asks about, from permissions."""

from django import template

from samverkan.directory import permissions

register = template.Library()


@register.filter
def can_import(user) -> bool:
    return permissions.can_import(user)
