"""The walk through the minutes that collects decisions and actions with their agenda items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from samverkan.extraction.action_tables import table_actions
from samverkan.extraction.actions import (
    STATE_AFTER_MODAL,
    Context,
    action_rule,
    due_of,
    is_imperative,
    is_past_report,
    main_clause_modal,
    owners_of,
    starts_with_actor,
    takes_on,
)
from samverkan.extraction.decisions import (
    AGREED_LIST,
    BACKGROUND_HEADING,
    BACKGROUND_HEADING_ENDS,
    DECISION_HEADING,
    DECISION_HEADING_ENDS,
    DECISION_OPENER,
    DISPATCH,
    PROPOSAL_HEADING,
    decision_rule,
    is_hedged,
    is_reported,
    with_proposal,
)
from samverkan.extraction.model import HIGH, LOW, MEDIUM, Action, Decision, Source
from samverkan.extraction.people import find_names, is_first_name
from samverkan.extraction.sections import is_heading
from samverkan.extraction.text import Block, sentences

# "Actionpoints", "Åtgärder", "Att göra", "Uppgifter", "Outcomes and assignments", "Nästa steg"
ACTION_HEADING = re.compile(
    r"(?i)(action\s*points?|åtgärder|åtgärdslista|att göra|uppdrag|uppgifter|to ?do|actions?|"
    r"assignments?|sprintplanering|sprint backlog)\b"
)
# "Uppgifter:", "Att göra till nästa möte", "## Åtgärder": a heading that is only the name of a
# task list — every item below is a task, however it is worded ("Sara sitter med hint")
TASK_LIST_HEADING = re.compile(
    r"(?i)^(action\s*points?|åtgärder|åtgärdslista|att göra|uppgifter|to ?do|actions?|"
    r"nästa steg)(\s+(till|inför|före)\s+(nästa|kommande)\s+(möte|gång|träff))?\s*:?$"
)
# "Emilie:", "Anna Berg:", "Alla:" alone on a line: the items below are that person's tasks
OWNER_LABEL = re.compile(r"^(alla|samtliga|[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]+){0,2})\s*:$")
NON_WORDS = re.compile(r"\W+")
# "Utses att justera", "Justerare:": the meeting's formal appointment of who checks the minutes
ADJUSTERS = re.compile(r"(?i)^(utses att justera|val av justerare|justerare)\s*:?\s*(.*)$")


@dataclass
class Walk:
    """What the walk has found, and the part of the document it is in."""

    ctx: Context
    formal: bool = False  # a protocol whose decisions stand under "… beslut" headings
    decisions: list[Decision] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    item: str | None = None
    # "decision" under a Beslut heading, "proposal" under Förslag, "background" under
    # Sammanfattning, "action" under Actionpoints, "list" in the list after "… beslutar att",
    # "owner" under "Emilie:"
    mode: str = ""
    proposal: str = ""
    list_level: int = -1
    owner: str = ""
    context_text: str = ""
    seen: set[tuple[str | None, str]] = field(default_factory=set)

    def decide(self, text: str, line: int, rule: str, confidence: str) -> None:
        label = ADJUSTERS.match(text.strip())
        if label and not label[2].strip(" :"):
            return  # "Utses att justera" alone is the label of the list below, not a decision
        key = (self.item, NON_WORDS.sub(" ", text).casefold().strip())
        if key in self.seen:
            return
        self.seen.add(key)
        self.decisions.append(Decision(text, self.item, Source(line), rule, confidence))

    def assign(
        self, text: str, line: int, rule: str, confidence: str, context_text: str = ""
    ) -> None:
        due = due_of(text, context_text, self.ctx)
        owners = (self.owner,) if self.mode == "owner" and self.owner else owners_of(text, self.ctx)
        self.actions.append(Action(text, owners, due, Source(line), rule, confidence))


def decisions_and_actions(
    blocks: list[Block], skip: set[int], ctx: Context, headings: dict[int, str]
) -> tuple[list[Decision], list[Action]]:
    """Every block but the attendance lists, sentence by sentence, with its agenda item."""
    section = [_section_heading(b) for b in blocks]  # once per block: each is read twice
    formal = (
        sum(
            1
            for b, heading in zip(blocks, section, strict=True)
            if heading and DECISION_HEADING.match(b.text) and not PROPOSAL_HEADING.match(b.text)
        )
        >= 2
    )
    walk = Walk(ctx, formal=formal)
    tabled = table_actions(blocks, ctx)
    for index, block in enumerate(blocks):
        if index in tabled:
            walk.actions.append(tabled[index])
            continue
        text = block.text.strip()
        adjusters = ADJUSTERS.match(text)
        if adjusters and text.casefold().startswith("utses"):
            names = adjusters[2] or (blocks[index + 1].text if index + 1 < len(blocks) else "")
            if find_names(names, whole_segment=True):
                said = text if adjusters[2] else f"{text.rstrip(': ')} {names.strip()}"
                walk.decide(said, block.line, "adjusters", HIGH)
        if index in skip or (block.kind == "heading" and not text):
            continue  # an empty "## " left by a converter ends no section
        walk.item = headings.get(index, walk.item)
        if section[index]:
            _enter_section(walk, text)
        elif _owner_label(text, ctx):
            walk.mode, walk.owner = "owner", text.rstrip(":").strip()
        elif block.kind == "bullet" and _owner_task(text, ctx):
            walk.actions.append(_owner_task(text, ctx))  # type: ignore[arg-type]
        elif walk.mode:
            _in_section(walk, block, text, blocks[index + 1 : index + 2])
        else:
            _sentences(walk, block, text, blocks[index + 1 : index + 2])
    return walk.decisions, walk.actions


# A paragraph longer than this is no section heading ("Förslag till beslut", "Nämndens beslut:")
HEADING_LENGTH = 160


def _section_heading(block: Block) -> bool:
    text = block.text.strip()
    return is_heading(block) or (
        block.kind == "para" and len(text) <= HEADING_LENGTH and _names_a_section(text)
    )


def _names_a_section(text: str) -> bool:
    if text.endswith("."):  # only these two may end a sentence
        return bool(PROPOSAL_HEADING.match(text) or DISPATCH.match(text))
    last = text.removesuffix(":").rstrip().casefold()
    return bool(
        (last.endswith(DECISION_HEADING_ENDS) and DECISION_HEADING.match(text))
        or PROPOSAL_HEADING.match(text)
        or (last.endswith(BACKGROUND_HEADING_ENDS) and BACKGROUND_HEADING.match(text))
        or DISPATCH.match(text)
        or TASK_LIST_HEADING.match(text)
    )


# "Kevin: Gör kompatibel med S3", "Lisa: boka lokalen": a bullet that names its owner first
OWNER_TASK = re.compile(
    r"^([A-ZÅÄÖ][\wåäöé-]+(?:\s+(?:och|&)\s+[A-ZÅÄÖ][\wåäöé-]+)?)\s*:\s+(\S.{3,})$"
)


def _owner_label(text: str, ctx: Context) -> bool:
    m = OWNER_LABEL.match(text) if text.endswith(":") else None
    return m is not None and _is_owner(m[1], ctx)


def _owner_task(text: str, ctx: Context) -> Action | None:
    m = OWNER_TASK.match(text)
    if m is None or not all(_is_owner(n, ctx) for n in re.split(r"\s+(?:och|&)\s+", m[1])):
        return None
    if is_reported(m[2]) or m[2].rstrip().endswith("?"):
        return None
    owners = tuple(re.split(r"\s+(?:och|&)\s+", m[1]))
    return Action(text, owners, due_of(text, "", ctx), None, "owner-first", MEDIUM)


def _is_owner(label: str, ctx: Context) -> bool:
    first = label.split()[0]
    return (
        label.casefold() in {"alla", "samtliga"} or first in ctx.first_names or is_first_name(first)
    )


def _enter_section(walk: Walk, text: str) -> None:
    walk.owner = ""
    if PROPOSAL_HEADING.match(text):
        walk.mode, walk.proposal = "proposal", ""
    elif DECISION_HEADING.match(text):
        walk.mode = "decision"
    elif BACKGROUND_HEADING.match(text) or DISPATCH.match(text):
        walk.mode = "background"
    elif TASK_LIST_HEADING.match(text):
        walk.mode = "tasks"
    else:
        walk.mode = "action" if ACTION_HEADING.search(text) else ""
        walk.proposal = ""
    walk.context_text = text


def _in_section(walk: Walk, block: Block, text: str, following: list[Block]) -> None:
    if walk.mode == "proposal":
        walk.proposal = f"{walk.proposal} {text}".strip()
    elif walk.mode == "background":
        return
    elif walk.mode == "owner" and block.kind == "bullet":
        if not (is_past_report(text) or is_reported(text)):
            walk.assign(text, block.line, "owner-label", HIGH, walk.context_text)
    elif walk.mode == "list" and block.kind == "bullet" and block.level > walk.list_level:
        if not is_hedged(text):
            first = sentences(text)[0] if sentences(text) else text
            walk.decide(first, block.line, "decision-list", HIGH)
            _commission(walk, first, block.line)
    elif walk.mode == "decision" and (text.endswith(":") and DISPATCH.match(text)):
        walk.mode = "background"  # "Beslutet expedieras till:" ends the decisions
    elif walk.mode == "decision" and DECISION_OPENER.search(text) and _bullets_follow(following):
        walk.mode, walk.list_level = "list", -1
    elif walk.mode == "decision" and text.endswith(":") and not DECISION_OPENER.search(text):
        walk.mode = ""
    elif walk.mode == "decision" and not re.search(r"\w", text):
        return  # "-", "–" left by a converter
    elif walk.mode == "decision":
        rule = decision_rule(text)
        walk.decide(
            with_proposal(text, walk.proposal), block.line, *(rule or ("decision-section", MEDIUM))
        )
        _commission(walk, text, block.line)
    elif walk.mode == "tasks" and block.kind == "bullet":
        if not (is_past_report(text) or text.rstrip().endswith("?") or is_reported(text)):
            walk.assign(text, block.line, *(action_rule(text, walk.ctx) or ("task-list", MEDIUM)))
    elif walk.mode == "action" and block.kind == "bullet":
        decided = decision_rule(text)
        if decided:
            walk.decide(text, block.line, *decided)
        rule = action_rule(text, walk.ctx)
        if rule is None and is_imperative(text):
            rule = ("action-section", MEDIUM)
        if rule is not None:
            walk.assign(text, block.line, *rule, walk.context_text)
    else:
        if walk.mode in {"list", "owner"}:
            walk.mode = ""
        _sentences(walk, block, text, following)


def _bullets_follow(following: list[Block]) -> bool:
    return bool(following) and following[0].kind == "bullet"


def _commission(walk: Walk, text: str, line: int) -> None:
    """A decision that hands out work is an action too: "… ges i uppdrag att …"."""
    rule = action_rule(text, walk.ctx)
    if rule and rule[0] in {"commission", "actor-takes-on", "responsible", "mention"}:
        walk.assign(text, line, *rule)
    elif (main_clause_modal(text) and not STATE_AFTER_MODAL.search(text)) or (
        starts_with_actor(text) and takes_on(text)
    ):
        walk.assign(text, line, "decision-hands-out-work", MEDIUM)


def _sentences(walk: Walk, block: Block, text: str, following: list[Block]) -> None:
    """Decisions sentence by sentence; consecutive action sentences make one action."""
    pending: list[str] = []
    pending_rule: tuple[str, str] = ("", LOW)
    pending_decided = False  # the pending task is a decision's
    reported = False  # after "… ägde rum i förra veckan." the paragraph tells of others
    for sentence in sentences(text):
        if sentence.endswith(":") and AGREED_LIST.search(sentence):
            walk.mode, walk.list_level = "list", block.level if block.kind == "bullet" else -1
        if (
            _bullets_follow(following)
            and DECISION_OPENER.search(sentence)
            and not walk.formal
            and sentence == sentences(text)[-1]
        ):
            walk.mode, walk.list_level = "list", block.level if block.kind == "bullet" else -1
            continue
        decided = None if reported else decision_rule(sentence)
        if decided and walk.formal and decided[1] != HIGH:
            decided = None  # a protocol decides under its "… beslut" headings
        reported = reported or is_reported(sentence)
        if decided:
            full = sentence
            if sentence.endswith(":") and following:
                following_sentences = sentences(following[0].text)
                if following_sentences:
                    full = f"{sentence} {following_sentences[0]}"
            walk.decide(full, block.line, *decided)
        acted = action_rule(sentence, walk.ctx)
        if acted is None and decided and main_clause_modal(sentence):
            acted = ("decision-hands-out-work", MEDIUM)
        if acted and pending and (decided or pending_decided):
            # "Det beslutades att vi skall föra … Elis ska ta fram denna lapp.": a decision is
            # one item, the task handed out after it another
            walk.assign(" ".join(pending), block.line, *pending_rule, walk.context_text)
            pending = []
        if acted:
            pending_decided = bool(decided) if not pending else pending_decided
            pending.append(sentence)
            pending_rule = acted if len(pending) == 1 else max(pending_rule, acted, key=_rank)
        elif pending:
            walk.assign(" ".join(pending), block.line, *pending_rule, walk.context_text)
            pending, pending_rule = [], ("", LOW)
    if pending:
        walk.assign(" ".join(pending), block.line, *pending_rule, walk.context_text)
    if block.kind == "bullet" and len(text.split()) <= 12:
        walk.context_text = text


def _rank(rule: tuple[str, str]) -> int:
    return {LOW: 0, MEDIUM: 1, HIGH: 2}[rule[1]]
