"""What happens to a meeting that others may want to tell people about (e-mail lives in publishing).

Sent inside the transaction that made the change, so whatever a receiver records is kept or
undone with it.
"""

from django.dispatch import Signal

# meeting=Meeting, moved_from=(date, start, end) as they were before
meeting_moved = Signal()
# meeting=Meeting (its cancel_reason says why)
meeting_cancelled = Signal()
# call=SubstituteCall: an ersättare is called in for a member who cannot come
substitute_called = Signal()
