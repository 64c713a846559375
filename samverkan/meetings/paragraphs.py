"""§ numbering: a body that numbers its paragraphs keeps one series per year.

Each item's number is stored when the minutes are justerade (`assign`), so "§ 12" stays the
same in every document and after corrections; until then the numbers shown are the ones the
items would get. Items of a body that does not number are counted 1., 2., 3. per meeting.
"""

from django.db.models import Max

from samverkan.directory.models import Body


def series_body(meeting) -> Body | None:
    """The body whose series the meeting's paragraphs belong to (the first that numbers)."""
    return next((b for b in meeting.bodies.all() if b.numbers_paragraphs), None)


def _last_in_series(body: Body, year: int) -> int:
    from samverkan.meetings.models import AgendaItem

    found = AgendaItem.objects.filter(meeting__bodies=body, meeting__date__year=year).aggregate(
        last=Max("paragraph")
    )
    return found["last"] or 0


def numbers(meeting, items) -> dict[int, int | None]:
    """Item pk → its paragraph number (stored, or the next free ones); None when not numbered."""
    body = series_body(meeting)
    if body is None and not any(i.paragraph for i in items):
        return {i.pk: None for i in items}
    following = _last_in_series(body, meeting.date.year) if body else 0
    found = {}
    for item in items:
        if item.paragraph is None and body is not None:
            following += 1
        found[item.pk] = item.paragraph or (following if body is not None else None)
    return found


def labels(meeting, items) -> dict[int, str]:
    """Item pk → "§ 12" for numbered paragraphs, "3." by position otherwise."""
    found = numbers(meeting, items)
    return {
        item.pk: f"§ {found[item.pk]}" if found[item.pk] else f"{position}."
        for position, item in enumerate(items, start=1)
    }


def assign(meeting) -> None:
    """At justering: the meeting's unnumbered items take the next numbers of the series."""
    from samverkan.meetings.models import AgendaItem

    body = series_body(meeting)
    if body is None:
        return
    Body.objects.select_for_update().filter(pk=body.pk).first()  # one numbering at a time
    items = list(meeting.items.all())
    for pk, number in numbers(meeting, items).items():
        AgendaItem.objects.filter(pk=pk, paragraph=None).update(paragraph=number)
