"""Swedish minutes documents → structured minutes (the Minutes JSON of the spec).

The pipeline, each step a module:

1. `readers`: the document's text (txt/md with UTF-8 or cp1252, docx, pdf, odt, rtf, html).
2. `text`: blocks — headings, bullets and paragraphs — each keeping its source line; Word
   and Markdown noise ("[bookmark: _GoBack]", "#" numbering, emphasis, tables) is removed.
3. `attendance`: "Närvarande", "Kallade", "Ej närvarande" … lists → attendees and absent.
4. `sections`: the header (body, date, time, place) and the agenda headings.
5. `statements`: decisions, actions (owners, due dates) and next meetings, sentence by
   sentence, using `dates` for Swedish dates and times and `people` for names.

Public API: `extract(path_or_text) -> Minutes`, `Minutes.to_dict()`, `Minutes.to_json()`.
This package never imports Django.
"""

from samverkan.extraction.model import (
    Action,
    AgendaItem,
    Attendee,
    Decision,
    MeetingTime,
    Minutes,
    Source,
)
from samverkan.extraction.pipeline import extract, extract_text
from samverkan.extraction.plain import ReadError

__all__ = [
    "Action",
    "AgendaItem",
    "Attendee",
    "Decision",
    "MeetingTime",
    "Minutes",
    "ReadError",
    "Source",
    "extract",
    "extract_text",
]
