"""Tables of tasks: "| Åtgärd | Ansvarig | Klart till |", one row a task with its owner and date."""

from __future__ import annotations

import re
from collections.abc import Iterator

from samverkan.extraction.actions import Context
from samverkan.extraction.dates import find_dates, resolve
from samverkan.extraction.model import HIGH, Action, Source
from samverkan.extraction.text import Block

# "Åtgärd", "Vad ska göras?", "Uppgift", "Aktivitet", "Vad gör vi åt det?", "Action": what to do
TASK_COLUMN = re.compile(
    r"(?i)^(åtgärd(er)?|uppgift(er)?|aktivitet(er)?|vad( ska göras| gör vi( åt det)?)?|"
    r"att göra|actions?|tasks?|action items?)\s*\??$"
)
# "Ansvarig", "Vem", "Vem ansvarar?", "Ansvar": who does it
OWNER_COLUMN = re.compile(r"(?i)^(ansvarig[a]?|ansvar|vem( ansvarar| gör)?|owner|ansvarar)\s*\??$")
# "Deadline", "Klart till", "När", "Senast", "Datum": by when
DUE_COLUMN = re.compile(r"(?i)^(deadline|klart\s+(till|senast)|när|senast|datum|klart)\s*\??$")
# "Klar", "Done": a row of work already done
DONE = frozenset({"klar", "klart", "klara", "avklarad", "avklarat", "done", "stängd", "utförd"})
# "[Åtgärd]", "[Namn]", "[Datum, tid]": a template's placeholder, not a value
PLACEHOLDER = re.compile(r"(?i)^\[(åtgärd|namn|datum|tid|risk|uppgift|beskrivning|x)\b[^\]]*\]$")


def _rows(blocks: list[Block]) -> Iterator[list[tuple[int, Block]]]:
    """The table rows in order: the cells of one row share a line number."""
    row: list[tuple[int, Block]] = []
    for index, block in enumerate(blocks):
        if block.table and row and block.line == row[0][1].line:
            row.append((index, block))
            continue
        if row:
            yield row
        row = [(index, block)] if block.table else []
    if row:
        yield row


def table_actions(blocks: list[Block], ctx: Context) -> dict[int, Action]:
    """The tasks of every table with a task column and an owner column, by the block they start."""
    out: dict[int, Action] = {}
    columns: dict[str, int] | None = None
    previous_line = -2
    for row in _rows(blocks):
        cells = [b.text.strip() for _, b in row]
        if row[0][1].line > previous_line + 2:
            columns = None  # a new table (a header's "|---|" rule line lies between rows)
        previous_line = row[0][1].line
        header = _header(cells)
        if header:
            columns = header
            continue
        if columns is None or len(cells) <= max(columns.values()):
            continue
        task = cells[columns["task"]]
        if not re.search(r"\w", task) or PLACEHOLDER.match(task):
            continue
        if any(c.casefold().strip("[] ") in DONE for c in cells):
            continue
        owner = _value(cells[columns["owner"]])
        due_cell = _value(cells[columns["due"]]) if "due" in columns else ""
        dates = find_dates(due_cell) if due_cell else []
        index = next(i for i, b in row if b.text.strip() == task)
        out[index] = Action(
            task,
            tuple(o for o in re.split(r"\s*(?:,|\boch\b|&|/)\s*", owner) if o),
            resolve(dates[0], ctx.meeting) if dates else None,
            Source(row[0][1].line),
            "task-table",
            HIGH,
        )
    return out


def _header(cells: list[str]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        for key, column in (("task", TASK_COLUMN), ("owner", OWNER_COLUMN), ("due", DUE_COLUMN)):
            if key not in found and column.match(cell):
                found[key] = i
                break
    return found if "task" in found and "owner" in found else None


def _value(cell: str) -> str:
    """ "[Ivana]" → "Ivana"; a placeholder → ""."""
    if PLACEHOLDER.match(cell):
        return ""
    return cell.strip().strip("[]").strip()
