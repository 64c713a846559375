"""Who was there: "Närvarande", "Kallade", "Ej närvarande" and their kin, as lists of people."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from samverkan.extraction.decisions import is_decision
from samverkan.extraction.model import HIGH, LOW, MEDIUM, Attendee, Source
from samverkan.extraction.people import PARENS, find_names, similar_label
from samverkan.extraction.text import Block

PRESENT = "present"
ABSENT = "absent"
INVITED = "invited"
# Label → which list it fills, and the role it gives (None: no role)
LABELS: dict[str, tuple[str, str | None]] = {
    "närvarande": (PRESENT, None),
    "närvarande ledamöter": (PRESENT, None),
    "deltagare": (PRESENT, None),
    "deltagande": (PRESENT, None),
    "mötesdeltagare": (PRESENT, None),
    "beslutande": (PRESENT, None),
    "ledamöter": (PRESENT, None),
    "styrelsemedlemmar": (PRESENT, None),
    "närvarande ersättare": (PRESENT, "ersättare"),
    "tjänstgörande ersättare": (PRESENT, "tjänstgörande ersättare"),
    "ersättare": (PRESENT, "ersättare"),
    "övriga deltagare": (PRESENT, None),
    "övriga deltagande": (PRESENT, None),
    "övriga närvarande": (PRESENT, None),
    "närvarande, ej tjg ers": (PRESENT, "ej tjg ers"),
    "adjungerade": (PRESENT, "adjungerad"),
    "tjänstemän": (PRESENT, None),
    "tjänstepersoner": (PRESENT, None),
    "politiker": (PRESENT, None),
    "dessutom närvarande": (PRESENT, None),
    "närvarande via länk": (PRESENT, None),
    "participants": (PRESENT, None),
    "attendees": (PRESENT, None),
    "närvarande ej tjänstgörande ersättare": (PRESENT, "ersättare"),
    "ej tjänstgörande ersättare": (PRESENT, "ersättare"),
    "absent": (ABSENT, None),
    "anmält frånvaro": (ABSENT, None),
    "ej närvarande": (ABSENT, None),
    "frånvarande": (ABSENT, None),
    "förhinder": (ABSENT, None),
    "anmält förhinder": (ABSENT, None),
    "anmäld frånvaro": (ABSENT, None),
    "avbud": (ABSENT, None),
    "kallade": (INVITED, None),
    "inbjudna": (INVITED, None),
}
LABEL_STARTS: dict[str, list[str]] = {}
for _label in LABELS:
    LABEL_STARTS.setdefault(_label[:3], []).append(_label)
# "Närvarande: Anna …", "Ej närvarande Maria …" (no colon in flattened text)
LABEL_AT_START = re.compile(r"^\s*([^\W\d_][\w ,]{2,40}?)\s*(?::|$)\s*(.*)$", re.S)
BARE_LABEL = re.compile(
    r"^\s*(" + "|".join(sorted(LABELS, key=len, reverse=True)) + r")\s+(?=[A-ZÅÄÖ])(.*)$",
    re.S | re.I,
)
# "X, Y och Z från region skåne"
FROM_ORG = re.compile(r"\bfrån\s+(.+?)\s*$", re.I)
# "Tomas Wikström (M) ersättare för Cecilia Näslund (M)"
SUBSTITUTE_FOR = re.compile(r"\b(?:ersättare|tjg ers\.?|ers\.)\s+för\s+(.+)$", re.I)
OTHER_LABEL = re.compile(r"^[^\W\d_][\w ]{2,30}:\s")
# "11 närvarande, varav samtliga har betalat: nsg, stellanl, kaj" (a roll call of handles)
ROLL_CALL = re.compile(r"(?i)\b\d+\s+närvarande\b[^:]{0,120}:\s*(.+)$", re.S)
# "Rasmus Kaj (kaj), Mötessekreterare" at the end: who signs was there
SIGNATURE = re.compile(
    r"^([A-ZÅÄÖ][\w-]+(?:\s+[A-ZÅÄÖ][\w-]+){1,2})\s*(?:\(([^)]{1,20})\))?\s*,\s*"
    r"((?:mötes)?(?:sekreterare|ordförande)|justerare|justeringsman|justerande|protokolljusterare)\s*$",
    re.I,
)
SPLIT = re.compile(r"\s*(?:,|;|\s\|\s|\boch\b|\bsamt\b)\s*")


@dataclass
class Attendance:
    present: list[Attendee] = field(default_factory=list)
    absent: list[Attendee] = field(default_factory=list)
    invited: list[Attendee] = field(default_factory=list)
    last_block: int = -1  # index of the last block read as attendance
    read: set[int] = field(default_factory=set)  # indexes of the blocks read as attendance

    def names(self) -> list[str]:
        return [a.name for a in self.present]


def label_of(block: Block) -> tuple[str, str | None, str] | None:
    """(list, role, rest of the text) when the block opens with an attendance label."""
    text = block.lines[0][1].strip()
    if text[:3].casefold()[:3] not in LABEL_STARTS:
        return None  # every label starts so: no need to match the patterns
    for pattern in (LABEL_AT_START, BARE_LABEL):
        m = pattern.match(text)
        if not m:
            continue
        label = m[1].strip().casefold()
        candidates = LABEL_STARTS.get(label[:3])
        if not candidates:
            continue
        if block.kind == "bullet" and not find_names(m[2]):
            return None  # "- Inbjudna: MSB och Sambruk" is a note, not a list of people
        if label in LABELS:
            return (*LABELS[label], m[2])
        typo = next((known for known in candidates if similar_label(label, known)), None)
        if typo and " " not in label:
            return (*LABELS[typo], m[2])
    return None


def _name_share(text: str) -> float:
    """How much of a line is names; a line that is nothing but a name counts whole."""
    words = len(PARENS.sub("", text).split()) or 1
    return sum(len(h.name.split()) for h in find_names(text, whole_segment=True)) / words


def _opens_with_name(text: str) -> bool:
    """ "Claes Tidanå, avdelningschef, närvarande via länk": a list line that opens with a name."""
    first = re.split(r"[,(]", text, maxsplit=1)[0].strip()
    hits = find_names(first, whole_segment=True)
    return bool(hits) and hits[0].start == 0 and len(hits[0].name.split()) >= len(first.split()) - 1


def read_attendance(blocks: list[Block]) -> Attendance:
    found = Attendance()
    i = 0
    while i < len(blocks):
        labelled = label_of(blocks[i])
        if labelled is None:
            i += 1
            continue
        which, role, rest = labelled
        lines = [(blocks[i].line, rest)] + blocks[i].lines[1:]
        j = i + 1
        while j < len(blocks) and label_of(blocks[j]) is None:
            nxt = blocks[j]
            if nxt.kind != "bullet" and OTHER_LABEL.match(nxt.text):
                break  # "Utses att justera: Peter Wretlund" is not one of the attendees
            short_bullet = nxt.kind == "bullet" and len(nxt.text.split()) <= 8
            plain = nxt.kind != "heading" or nxt.level == 8
            if is_decision(nxt.text):
                break  # "Till kassör valdes Eva Sund." names a person, but decides
            if short_bullet or (
                plain and (_name_share(nxt.text) >= 0.4 or _opens_with_name(nxt.text))
            ):
                lines += nxt.lines
                j += 1
            else:
                break
        people = [p for number, text in lines for p in _people_in_line(text, number, role)]
        target = {PRESENT: found.present, ABSENT: found.absent, INVITED: found.invited}[which]
        target.extend(people)
        found.read.update(range(i, j))
        found.last_block = max(found.last_block, j - 1)
        i = j
    found.present += _name_runs([b for k, b in enumerate(blocks) if k not in found.read])
    found.present += _roll_call(blocks)
    _add_signatures(found, blocks)
    if not found.present:
        found.present = _mentioned(blocks)
    _settle(found)
    return found


def _name_runs(blocks: list[Block]) -> list[Attendee]:
    """Unlabelled lists in the header: three or more name lines in a row, or a line of names."""
    head = blocks[: max(10, len(blocks) // 3)]
    people: list[Attendee] = []
    run: list[Block] = []
    for block in [*head, Block("para", [(0, "")])]:
        text = block.text
        short = len(text.split()) <= 8
        if short and find_names(text, whole_segment=True) and _name_share(text) >= 0.5:
            run.append(block)
            continue
        if len(run) >= 3:
            people += [
                p for b in run for p in _people_in_line(b.text, b.line, None, ("name-run", MEDIUM))
            ]
        run = []
        if text.count(",") >= 2 and len(find_names(text)) >= 4 and _name_share(text) >= 0.35:
            people += _people_in_line(text, block.line, None, ("name-line", MEDIUM))
    return people


def _roll_call(blocks: list[Block]) -> list[Attendee]:
    people = []
    for block in blocks:
        m = ROLL_CALL.search(block.text) if "närvarande" in block.text else None
        if m:
            handles = [h.strip(" .") for h in SPLIT.split(m[1])]
            people += [
                Attendee(h, source=Source(block.line), rule="roll-call", confidence=HIGH)
                for h in handles
                if h and len(h.split()) <= 3 and not h[:1].isdigit()
            ]
    return people


def _add_signatures(found: Attendance, blocks: list[Block]) -> None:
    """Signatories were present; "(kaj)" after a name tells who a handle in the list is."""
    for block in blocks[len(blocks) * 2 // 3 :]:
        m = SIGNATURE.match(block.text.strip())
        if not m:
            continue
        signer = Attendee(m[1], None, m[3].lower(), Source(block.line), "signature", HIGH)
        handle = (m[2] or "").casefold()
        same = [
            i for i, p in enumerate(found.present) if p.name.casefold() in {handle, m[1].casefold()}
        ]
        if same:
            found.present[same[0]] = signer
        else:
            found.present.append(signer)


def _mentioned(blocks: list[Block]) -> list[Attendee]:
    """Without any list of attendees, the people the minutes name in full."""
    return [
        Attendee(hit.name, source=Source(block.line), rule="mentioned", confidence=LOW)
        for block in blocks
        for hit in find_names(block.text)
    ]


# "ersättare för", "tjänstgör för", "ersätter", "i stället för", "(V) för": the next name stood in
# for, so that person was absent; "Samtliga förutom Vegard": Vegard was absent
SUBSTITUTE_MARK = re.compile(
    r"(?i)(\b(?:ersättare|tjg ers\.?|ers\.|tjänstgör|tjänstgjorde|tjg)\s+för|\bersätter|"
    r"\bi\s?stället\s+för|\)\s*för|\bförutom|\butom)\s*$"
)


def _people_in_line(
    text: str, number: int, role: str | None, why: tuple[str, str] = ("attendance-label", HIGH)
) -> list[Attendee]:
    org_match = FROM_ORG.search(text)
    line_org = org_match[1].strip(" .") if org_match else None
    if org_match:
        text = text[: org_match.start()]
    people: list[Attendee] = []
    for segment in SPLIT.split(text):
        hits = find_names(segment, whole_segment=True)
        if not hits:
            if people and segment[:1].islower() and people[-1].role is None:
                people[-1] = _with(people[-1], role=segment.strip(" ."))
            continue
        previous_end = 0
        for k, hit in enumerate(hits):
            before = segment[previous_end : hit.start]
            tail_end = hits[k + 1].start if k + 1 < len(hits) else len(segment)
            tail = segment[hit.end : tail_end].strip()
            previous_end = hit.end
            if SUBSTITUTE_MARK.search(before):
                people.append(
                    Attendee(hit.name, None, "frånvarande", Source(number), "substituted", HIGH)
                )
                continue
            mark = SUBSTITUTE_MARK.search(tail)
            person = _person(
                hit.name, tail[: mark.start()] if mark else tail, number, role, line_org
            )
            person = _with(person, rule=why[0], confidence=why[1])
            if mark and mark[1].casefold().startswith(("ersätt", "tjg", "tjänst")):
                person = _with(person, role=person.role or "ersättare")
            people.append(person)
    return people


def _person(name: str, tail: str, number: int, role: str | None, org: str | None) -> Attendee:
    marks = {m.strip().casefold() for m in PARENS.findall(tail)}
    tail_text = PARENS.sub("", tail).strip(" ,.:")
    own_role = tail_text if tail_text[:1].islower() and len(tail_text) < 80 else None
    presence = "nej" if "nej" in marks else None
    return Attendee(
        name=name,
        organization=org,
        role=own_role or role or (presence and "frånvarande"),
        source=Source(number),
    )


def _with(person: Attendee, **changes: str | None) -> Attendee:
    return dataclasses.replace(person, **changes)  # type: ignore[arg-type]


def _settle(found: Attendance) -> None:
    """Deduplicate; the invited who are not present, "(Nej)" and the substituted are absent."""
    present: dict[str, Attendee] = {}
    absent: dict[str, Attendee] = {a.name.casefold(): a for a in found.absent}
    for person in found.present:
        key = person.name.casefold()
        if person.role == "frånvarande":
            absent.setdefault(key, _with(person, role=None))
            continue
        present.setdefault(key, person)
    if present:
        for person in found.invited:
            if person.name.casefold() not in present:
                absent.setdefault(person.name.casefold(), person)
    elif found.invited:
        present = {p.name.casefold(): p for p in found.invited}
    for key in present:
        absent.pop(key, None)
    found.present = list(present.values())
    found.absent = list(absent.values())
