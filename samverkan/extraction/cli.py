"""`samverkan extract FILE... [--format json|text]`: documents to Minutes JSON or a summary."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from samverkan.extraction.model import Minutes
from samverkan.extraction.pipeline import extract
from samverkan.extraction.plain import ReadError


def summary(name: str, m: Minutes) -> str:
    """A readable Swedish summary of one document."""
    meeting = m.meeting
    when = " ".join(
        x
        for x in (
            meeting.date,
            meeting.start and f"kl. {meeting.start}",
            meeting.end and f"– {meeting.end}",
        )
        if x
    )
    lines = [f"== {name}", f"Möte: {m.body or 'okänt organ'}{', ' + when if when else ''}"]
    if meeting.location:
        lines.append(f"Plats: {meeting.location}")
    lines.append("Närvarande: " + (", ".join(a.name for a in m.attendees) or "–"))
    if m.absent:
        lines.append("Frånvarande: " + ", ".join(a.name for a in m.absent))
    lines.append("Beslut:" if m.decisions else "Beslut: –")
    lines += [f"  - {d.text}" for d in m.decisions]
    lines.append("Uppdrag:" if m.actions else "Uppdrag: –")
    for a in m.actions:
        who = ", ".join(a.owners) or "ingen angiven"
        lines.append(f"  - {a.text}\n    vem: {who}; när: {a.due or 'ej angivet'}")
    nxt = [
        " ".join(x for x in (n.date, n.start and f"kl. {n.start}") if x) for n in m.next_meetings
    ]
    lines.append("Nästa möte: " + (", ".join(nxt) or "–"))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="samverkan extract",
        description="Läser mötesanteckningar och protokoll (txt, md, docx, pdf, odt, rtf, html).",
    )
    parser.add_argument("files", nargs="+", metavar="FIL")
    parser.add_argument("--format", choices=["json", "text"], default="json")
    args = parser.parse_args(argv)
    results: list[tuple[str, Minutes]] = []
    failed = False
    for name in args.files:
        try:
            results.append((name, extract(Path(name))))
        except ReadError as error:
            print(f"samverkan extract: {name}: {error}", file=sys.stderr)
            failed = True
        except Exception as error:  # never a traceback for a bad document
            print(
                f"samverkan extract: {name}: kunde inte läsas ({type(error).__name__})",
                file=sys.stderr,
            )
            failed = True
    if args.format == "text":
        print("\n\n".join(summary(name, m) for name, m in results))
    elif len(args.files) == 1:
        if results:
            print(results[0][1].to_json())
    else:
        print(json.dumps([m.to_dict() for _, m in results], ensure_ascii=False, indent=1))
    return 2 if failed else 0
