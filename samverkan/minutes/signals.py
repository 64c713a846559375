"""What the minutes app announces; other apps listen (dependencies point one way)."""

from django.dispatch import Signal

# sent with `version` inside the approving transaction, once the minutes are locked;
# the documents store what the approved PDF and public page show in `version.content`
version_approved = Signal()
