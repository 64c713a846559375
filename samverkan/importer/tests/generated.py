"""Generated minutes as large as the importer accepts: hundreds of attendees, items,
decisions and assignments."""

import datetime

FIRST = "Anna Eva Lars Karin Per Maria Johan Sara Erik Lena Olof Ulla Sven Ingrid Nils Britt"
LAST = "Andersson Berg Holm Lind Nilsson Ek Dahl Ström Lund Sjö Falk Nord Wall Sand Alm Björk"


def _header(day: datetime.date, names: list[str]) -> list[str]:
    """DOT Nordost's header: the body, place, date, time and who were present, four a line."""
    return [
        "Kommunförbundet Skåne",
        "",
        "Delregional operativ tjänstemannaberedning (DOT)",
        "Skåne Nordost",
        "",
        "Plats: Östra kommunhuset Kristianstad",
        f"Datum: {day.isoformat()}",
        "Tid: klockan 09.00–12.00",
        "",
        "Närvarande:",
        "",
        ",\n".join(", ".join(names[i : i + 4]) for i in range(0, len(names), 4)),
        "",
    ]


def huge_minutes(*, people: int = 400, items: int = 250, seed: int = 0) -> bytes:
    """DOT Nordost minutes with `people` attendees and `items` agenda items, each with a
    decision and two assignments; `seed` gives another date and other names."""
    first, last = FIRST.split(), LAST.split()
    names = [
        f"{first[(i + seed) % 16]} {last[(i // 16) % 16]}{'son' * (i // 256)}"
        for i in range(people)
    ]
    day = datetime.date(2024, 1, 5) + datetime.timedelta(weeks=seed)
    lines = _header(day, names)
    for k in range(1, items + 1):
        lines += [
            f"Ärende {k} om samverkan kring område {k + seed}",
            "",
            f"Gruppen redovisar läget i ärende {k}. "
            f"Beslutas att arbetet med område {k + seed} ska fortsätta.",
            f"- {names[k % people]} återkommer med en rapport om område {k} till nästa möte.",
            "",
        ]
    lines += ["Nästa möte", "", (day + datetime.timedelta(weeks=5)).isoformat(), ""]
    return "\n".join(lines).encode()


def weekly_minutes(n: int) -> bytes:
    """The n-th of a weekly series of DOT Nordost minutes, each filling the meeting the one
    before planned: the same 18 attendees, 6 items, decisions, assignments, a next meeting."""
    first, last = FIRST.split(), LAST.split()
    names = [f"{first[i % 16]} {last[(i * 3) % 16]}" for i in range(18)]
    day = datetime.date(2015, 1, 5) + datetime.timedelta(weeks=n)
    following = (day + datetime.timedelta(weeks=1)).isoformat()
    p1, p2, p3 = (name.split()[0] for name in names[:3])
    lines = _header(day, names) + [
        "Godkännande av dagordning, övriga frågor",
        "",
        "Dagordningen godkänns.",
        "",
        "Föregående mötesanteckningar",
        "",
        "Inga synpunkter lämnas.",
        "",
        "Aktuellt från strategiska tjänstemannaberedningen",
        "",
        f"- {p1} och {p2} återkommer med mer information om avtalet efterhand.",
        "",
        "Utveckling av vårdsamverkan",
        "",
        "Fokusgrupperna redovisar sina arbeten.",
        f"- Vi måste ha fler representanter från sjukhuset i DOT. {p3} tar med sig frågan.",
        f"- Beslutas att utkast till kommunikationsplan ska presenteras av {p1} och {p2} "
        "vid nästa möte i DOT.",
        "- Beslutas att fokusgrupperna ska titta på styrning och ersättningsmöjligheter.",
        "",
        "Övriga frågor",
        "",
        f"- Nästa möte blir {following} klockan 9:00–11:00. Kallelse har gått ut.",
        "",
        "Nästa möte",
        "",
        following,
        "",
    ]
    return "\n".join(lines).encode()
