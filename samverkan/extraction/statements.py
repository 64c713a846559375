"""The walk through the minutes that collects decisions and actions with their agenda items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from samverkan.extraction.actions import (
    Context,
    due_of,
    is_action,
    main_clause_modal,
    owners_of,
    starts_with_actor,
    takes_on,
)
from samverkan.extraction.decisions import (
    AGREED_LIST,
    DECISION_HEADING,
    PROPOSAL_HEADING,
    is_decision,
    is_hedged,
    is_reported,
    with_proposal,
)
from samverkan.extraction.model import Action, Decision, Source
from samverkan.extraction.sections import is_heading
from samverkan.extraction.text import Block, sentences

ACTION_HEADING = re.compile(r"(?i)(action\s*points?|åtgärder|att göra|uppdrag|to ?do|actions?)\b")


@dataclass
class Walk:
    """What the walk has found, and the part of the document it is in."""

    ctx: Context
    decisions: list[Decision] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    item: str | None = None
    # "decision" under a Beslut heading, "proposal" under Förslag, "action" under
    # Actionpoints, "list" in the list after "… kom gruppen fram till:"
    mode: str = ""
    proposal: str = ""
    list_level: int = -1
    context_text: str = ""

    def decide(self, text: str, line: int) -> None:
        self.decisions.append(Decision(text, self.item, Source(line)))

    def assign(self, text: str, line: int, context_text: str = "") -> None:
        due = due_of(text, context_text, self.ctx)
        self.actions.append(Action(text, owners_of(text, self.ctx), due, Source(line)))


def decisions_and_actions(
    blocks: list[Block], skip: set[int], ctx: Context, headings: dict[int, str]
) -> tuple[list[Decision], list[Action]]:
    """Every block but the attendance lists, sentence by sentence, with its agenda item."""
    walk = Walk(ctx)
    for index, block in enumerate(blocks):
        if index in skip:
            continue
        walk.item = headings.get(index, walk.item)
        text = block.text.strip()
        if is_heading(block) or (
            block.kind == "para" and (DECISION_HEADING.match(text) or PROPOSAL_HEADING.match(text))
        ):
            _enter_section(walk, text)
        elif walk.mode:
            _in_section(walk, block, text, blocks[index + 1 : index + 2])
        else:
            _sentences(walk, block, text, blocks[index + 1 : index + 2])
    return walk.decisions, walk.actions


def _enter_section(walk: Walk, text: str) -> None:
    if DECISION_HEADING.match(text):
        walk.mode = "decision"
    elif PROPOSAL_HEADING.match(text):
        walk.mode, walk.proposal = "proposal", ""
    else:
        walk.mode = "action" if ACTION_HEADING.search(text) else ""
        walk.proposal = ""
    walk.context_text = text


def _in_section(walk: Walk, block: Block, text: str, following: list[Block]) -> None:
    if walk.mode == "proposal":
        walk.proposal = f"{walk.proposal} {text}".strip()
    elif walk.mode == "list" and block.kind == "bullet" and block.level > walk.list_level:
        if not is_hedged(text):
            first = sentences(text)[0]
            walk.decide(first, block.line)
            if starts_with_actor(first) or takes_on(first):
                walk.assign(first, block.line)
    elif walk.mode == "decision" and text.endswith(":"):
        walk.mode = ""  # "Beslutet expedieras till:" ends the decisions
    elif walk.mode == "decision":
        walk.decide(with_proposal(text, walk.proposal), block.line)
        if main_clause_modal(text):
            walk.assign(text, block.line)
    elif walk.mode == "action" and block.kind == "bullet":
        walk.assign(text, block.line, walk.context_text)
    else:
        if walk.mode == "list":
            walk.mode = ""
        _sentences(walk, block, text, following)


def _sentences(walk: Walk, block: Block, text: str, following: list[Block]) -> None:
    """Decisions sentence by sentence; consecutive action sentences make one action."""
    pending: list[str] = []
    reported = False  # after "… ägde rum i förra veckan." the paragraph tells of others
    for sentence in sentences(text):
        if sentence.endswith(":") and AGREED_LIST.search(sentence):
            walk.mode, walk.list_level = "list", block.level if block.kind == "bullet" else -1
        decided = not reported and is_decision(sentence)
        reported = reported or is_reported(sentence)
        if decided:
            full = sentence
            if sentence.endswith(":") and following:
                full = f"{sentence} {sentences(following[0].text)[0]}"
            walk.decide(full, block.line)
        if is_action(sentence, walk.ctx) or (decided and main_clause_modal(sentence)):
            pending.append(sentence)
        elif pending:
            walk.assign(" ".join(pending), block.line, walk.context_text)
            pending = []
    if pending:
        walk.assign(" ".join(pending), block.line, walk.context_text)
    if block.kind == "bullet" and len(text.split()) <= 12:
        walk.context_text = text
