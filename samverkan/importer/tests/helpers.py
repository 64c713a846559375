"""What a reviewer's browser sends: the review form as shown, with the given changes."""

import datetime

from samverkan.importer import services
from samverkan.importer.forms import ReviewForm
from samverkan.importer.views import _importable


def review_post(document, user, **changes) -> dict:
    form = ReviewForm(
        minutes=services.corrected(document),
        plan=services.review_plan(document),
        bodies=_importable(user),
        duplicate=document.duplicate_of,
        initial={"body": document.body, "kind": "ordinarie"},
    )
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if hasattr(value, "pk"):
            value = value.pk
        elif isinstance(value, datetime.date | datetime.time):
            value = value.isoformat()[:5] if isinstance(value, datetime.time) else value.isoformat()
        data[name] = "" if value is None else value
    data.update(changes)
    return data
