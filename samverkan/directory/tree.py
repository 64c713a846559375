"""The body hierarchy as a nested list: central → delregional → local, focus and working groups."""

from dataclasses import dataclass, field

from samverkan.directory.models import Body

LEVEL_ORDER = {level: i for i, level in enumerate(Body.Level.values)}


@dataclass
class Node:
    body: Body
    children: list["Node"] = field(default_factory=list)


def body_tree(bodies) -> list[Node]:
    """Roots are bodies whose parent is not among `bodies` (hidden parents lift children up)."""
    nodes = {b.pk: Node(b) for b in bodies}
    roots = []
    for node in nodes.values():
        parent = nodes.get(node.body.parent_id)
        (parent.children if parent else roots).append(node)
    for node in [*nodes.values()]:
        node.children.sort(key=_order)
    return sorted(roots, key=_order)


def _order(node: Node) -> tuple[int, str]:
    return LEVEL_ORDER[node.body.level], node.body.name
