"""`{{ url|web_address }}`: the address if it is http(s), else empty, so no other link is drawn."""

from django import template

from samverkan.directory.validators import is_web_address

register = template.Library()


@register.filter
def web_address(value) -> str:
    value = str(value or "")
    return value if is_web_address(value) else ""
