"""People in imported minutes matched to the directory: exact, close spelling, first name."""

from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from samverkan.directory.models import Person

CLOSE_SPELLING = 90  # rapidfuzz ratio; "Birgitta Ender" ~ "Birgita Ender"


@dataclass
class Match:
    """A name as written, the person it is, or the people it could be."""

    name: str
    person: Person | None = None
    choices: list[Person] = field(default_factory=list)

    @property
    def is_ambiguous(self) -> bool:
        return self.person is None and len(self.choices) > 1


def match_name(name: str, people: list[Person], members: list[Person]) -> Match:
    """Exact name, then close spelling, then first name among the body's members.

    A first name shared by several candidates is offered as a choice, never guessed.
    """
    wanted = name.casefold().strip()
    exact = [p for p in people if p.name.casefold() == wanted]
    if len(exact) == 1:
        return Match(name, exact[0])
    if " " in wanted:
        best = process.extractOne(
            wanted,
            {p.pk: p.name.casefold() for p in people},
            scorer=fuzz.ratio,
            score_cutoff=CLOSE_SPELLING,
        )
        if best:
            return Match(name, next(p for p in people if p.pk == best[2]))
        return Match(name)
    same_first = [p for p in members if p.first_name.casefold() == wanted]
    if len(same_first) == 1:
        return Match(name, same_first[0])
    return Match(name, None, same_first)
