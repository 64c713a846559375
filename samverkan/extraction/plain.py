"""The plain text every reader writes, and the error a reader gives for a document it cannot read."""

from __future__ import annotations

BOLD_HEADING_WORDS = 12  # a bold paragraph this short, standing alone, is a heading


class ReadError(Exception):
    """A document that cannot be read; the message is for people, in Swedish."""


class Lines:
    """The text being written: one line per paragraph, blank lines never doubled."""

    def __init__(self) -> None:
        self.out: list[str] = []

    def blank(self) -> None:
        if self.out and self.out[-1] != "":
            self.out.append("")

    def heading(self, text: str, level: int) -> None:
        text = " ".join(text.split())
        if not text:
            return
        self.out.append("#" * max(1, min(level, 6)) + " " + text)

    def line(self, text: str) -> None:
        self.out.extend(text.split("\n"))

    def row(self, cells: list[str]) -> None:
        """One line per table row, "| cell | cell |", as the text rules read a Markdown table."""
        cells = [" ".join(c.split()) for c in cells if c.strip()]
        if cells:
            self.out.append("| " + " | ".join(cells) + " |")

    def text(self) -> str:
        return "\n".join(self.out).strip("\n") + "\n"


def short_line(text: str) -> bool:
    return "\n" not in text.strip() and len(text.split()) <= BOLD_HEADING_WORDS
