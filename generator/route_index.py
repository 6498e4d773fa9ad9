"""One index over a route: every id → object lookup, and the never-skip rules worked out once.

Renderers, the validator, the wegwijzer and `routewijzer diff` all ask the same questions
of a route — which step has this id, where does it stand, which tier is it in, which
never-skip rule guards it — and used to answer them with their own dictionaries. They now
read `lookup_for(route)` (a cached `RouteLookup`), built the first time it is asked for.

The lookups keep the last item of a repeated id, as a dictionary comprehension does; a
route with a repeated id does not pass `routewijzer check`, so renderers never see one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from .model import Document, Question, Role, Route, Rule, RuleKind, Step, Tier, Transition, TransitionKind


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)


def by_id(items: Iterable[T]) -> dict[str, T]:
    """Items by their id (the last one wins for a repeated id)."""
    return {item.id: item for item in items}


FORWARD_KINDS = frozenset({TransitionKind.UP, TransitionKind.NEXT, TransitionKind.BRANCH})
"""Transitions that move a pupil further along the route; 'afschalen', 'terug' and
'herhalen' move back or stay, so they never put a step 'after' another one."""


def _after(route: Route, guarded: str) -> frozenset[str]:
    """Steps reachable from `guarded` by forward transitions only (never `guarded` itself)."""
    forward = {s.id: [t.to for t in s.transitions if t.kind in FORWARD_KINDS] for s in route.steps}
    seen: set[str] = set()
    todo = list(forward.get(guarded, []))
    while todo:
        current = todo.pop()
        if current in seen or current == guarded or current not in forward:
            continue
        seen.add(current)
        todo.extend(forward[current])
    return frozenset(seen)


class RouteLookup:
    """Lookups over one route, computed once (see the module docstring)."""

    def __init__(self, route: Route) -> None:
        self.route = route
        self.steps: dict[str, Step] = by_id(route.steps)
        self.roles: dict[str, Role] = by_id(route.roles)
        self.documents: dict[str, Document] = by_id(route.documents)
        self.tiers: dict[str, Tier] = by_id(route.tiers)
        self.questions: dict[str, Question] = by_id(route.wegwijzer.questions) if route.wegwijzer else {}
        self.position: dict[str, int] = {s.id: i for i, s in enumerate(route.steps)}
        """Step id → 0-based place in the file (the route's reading order)."""
        self.tier_position: dict[str, int] = {t.id: i for i, t in enumerate(route.tiers)}
        """Tier id → 0-based place in the file's list of tiers (its colour, see vocabulary.tier_class)."""
        self.never_skip_rules: tuple[Rule, ...] = tuple(
            r for r in route.rules if r.kind is RuleKind.NEVER_SKIP and r.step)
        """The 'nooit-overslaan' rules that name a step, in file order."""
        self.never_skip: dict[str, Rule] = {}
        """Guarded step id → the first never-skip rule that names it (the one messages quote)."""
        for rule in self.never_skip_rules:
            self.never_skip.setdefault(rule.step or "", rule)
        self.after: dict[str, frozenset[str]] = {g: _after(route, g) for g in self.never_skip}
        """Guarded step id → the steps after it: reachable from it by forward transitions.

        The never-skip rule is about the graph, not the order of the file: a step is 'after'
        the guarded step when the route leads there from it (opschalen, vervolg, keuze)."""

    # steps -------------------------------------------------------------
    def start_steps(self) -> list[Step]:
        """The steps marked 'start: true', in file order."""
        return [s for s in self.route.steps if s.start]

    def incoming(self, step_id: str) -> list[tuple[Step, Transition]]:
        """Transitions from steps (this one included) that lead to `step_id`, in file order."""
        return [(s, t) for s in self.route.steps for t in s.transitions if t.to == step_id]

    def is_backwards(self, source: str, target: str) -> bool:
        """Whether an arrow goes up the file (to the same or an earlier step)."""
        return self.position[target] <= self.position[source]

    def outcomes(self) -> frozenset[str]:
        """Ids of the steps a wegwijzer answer advises."""
        aid = self.route.wegwijzer
        return frozenset(a.outcome for q in aid.questions for a in q.answers if a.outcome) if aid else frozenset()

    # never-skip rules -----------------------------------------------------
    def skipped(self, origin: str | None, target: str) -> str | None:
        """The never-skip step jumped over when moving from `origin` to `target`, if any.

        This is what the validator refuses. Moving to a step after the guarded step skips it
        unless one is already there or past it. `origin` None means someone whose current step
        is unknown, so at the start of the route: a move past the guarded step then skips it too.
        """
        for guarded, after in self.after.items():
            if target in after and origin != guarded and (origin is None or origin not in after):
                return guarded
        return None

    def rules_ahead(self, outcome: str, current: str | None) -> list[Rule]:
        """The never-skip rules to name with the advice `outcome` for someone now at `current`.

        This is what the wegwijzer shows, not what it refuses (that is `skipped`): a reminder of
        every never-skip step between where the person is and the advised step, the advised
        step included, in the file's reading order. Without a known current step, every
        never-skip step up to the advised one counts.
        """
        order = self.position
        here = order[current] if current is not None and current in order else -1
        return [r for r in self.never_skip_rules
                if r.step in order and here < order[r.step] <= order[outcome]]


def lookup_for(route: Route) -> RouteLookup:
    """The index of `route`, built on first use and kept beside its fields.

    Kept in the model's `__dict__` (not a field: not dumped, not compared). It remembers
    which route it indexes, so a `model_copy(update=...)`, which copies what is kept there,
    builds its own instead of reading the original's. A function here rather than a
    property of `Route`, so the model does not import the index that builds on it.
    """
    found = route.__dict__.get("_lookup")
    if found is None or found.route is not route:
        found = RouteLookup(route)
        route.__dict__["_lookup"] = found
    return found
