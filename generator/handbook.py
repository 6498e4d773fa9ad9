"""Shared view data for the handbook pages (steps, Wie doet wat, Documenten, Voor ouders).

The templates need lookups (role by id, tier position, the steps a document appears in)
and the Dutch words for the model's enumerations (from generator/vocabulary.py). Computing those once here keeps the
templates free of logic and lets the print version reuse the same partials: it only has
to pass other links (generator/links.py: in-document anchors instead of page URLs).

Not a page renderer: the wegwijzer's data reads it too, so it sits beside the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import (
    Document,
    DocumentUse,
    Item,
    LoadedRoute,
    ParentItem,
    ParentPart,
    Role,
    Responsibility,
    RolePart,
    Rule,
    RuleKind,
    Step,
    SubItem,
    Transition,
)
from .route_index import lookup_for
from .vocabulary import (
    DECIDE_WORDS,
    LEADS_STEP,
    PARENT_CONTACT_PREFERENCE,
    PARENT_GROUPS,
    PARENT_GROUPS_YOU,
    PARENT_PART_WORDS,
    PARENTS_DECIDE,
    RESPONSIBILITY_SYMBOLS,
    RESPONSIBILITY_WORDS,
    TRANSITION_WORDS,
    either,
    role_kind,
    tier_class,
)

# ---------------------------------------------------------------------------
# The route, prepared for templates
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StepUse:
    """A document use together with the step it belongs to (a role's documents)."""

    step: Step
    use: DocumentUse


@dataclass(frozen=True)
class StepsUse:
    """A document use together with the steps it belongs to (for the Documenten page).

    Several steps share one entry when the source says exactly the same of the document in
    each ("Niet van toepassing" in five steps of De Kempen): one line with five step links
    reads better than five identical lines, and nothing is lost."""

    steps: tuple[Step, ...]
    use: DocumentUse


@dataclass(frozen=True)
class RoleStep:
    """What one role does in one step (for the per-role list on Wie doet wat)."""

    step: Step
    part: RolePart


class RouteView:
    """Lookups over one route that the handbook templates use; built once per route."""

    def __init__(self, loaded: LoadedRoute) -> None:
        self.loaded = loaded
        self.route = loaded.route
        self.slug = loaded.slug
        self.lookup = lookup_for(self.route)
        self.roles = self.lookup.roles
        self.documents = self.lookup.documents
        self.tiers = self.lookup.tiers
        self.steps = self.lookup.steps

    # words -------------------------------------------------------------
    responsibility_words = RESPONSIBILITY_WORDS
    responsibility_symbols = RESPONSIBILITY_SYMBOLS
    transition_words = TRANSITION_WORDS
    parent_part_words = PARENT_PART_WORDS
    lead_words = either(RESPONSIBILITY_WORDS[r] for r in LEADS_STEP)
    """'eindverantwoordelijk of regie': what the ★ next to a role means."""

    def tier_class(self, tier_id: str) -> str:
        """CSS class of a tier badge: 'rw-tier rw-tier--N', the colour the tier has in the flowchart."""
        return f"rw-tier {tier_class(self.lookup.tier_position.get(tier_id, 0))}"

    def is_lead(self, part: RolePart) -> bool:
        """Whether this role leads the step (vocabulary.LEADS_STEP: eindverantwoordelijk or regie)."""
        return part.responsibility in LEADS_STEP

    # steps -------------------------------------------------------------
    def neighbours(self, step: Step) -> tuple[Step | None, Step | None]:
        """Previous and next step in file order."""
        steps = self.route.steps
        index = steps.index(step)
        return (steps[index - 1] if index > 0 else None,
                steps[index + 1] if index + 1 < len(steps) else None)

    def incoming(self, step: Step) -> list[tuple[Step, Transition]]:
        """Transitions from other steps that lead to this step."""
        return self.lookup.incoming(step.id)

    def new_actions(self, step: Step) -> list[Item]:
        """Actions the step's description does not already say word for word.

        Route authors often list a source paragraph's sentences as actions too; printing
        them twice makes a page longer, not clearer. Nothing is lost: what is left out is
        on the page, in the description.
        """
        prose = _plain(" ".join(step.description))
        return [a for a in step.actions if not all(_plain(t) in prose for t in _item_texts(a))]

    def rules_for(self, step: Step) -> list[Rule]:
        """Route-wide rules that concern this step: aimed at it, or meant for every step."""
        return [r for r in self.route.rules if r.step == step.id or (r.step is None and r.kind == RuleKind.EVERY_STEP)]

    def parent_groups(self, step: Step, you: bool = False) -> list[tuple[str, str, list[object]]]:
        """The step's parents' items grouped as (key, heading, items); empty groups left out."""
        if step.parents is None:
            return []
        groups = []
        for key, heading, kinds in PARENT_GROUPS:
            items = [i for i in step.parents.items if i.kind in kinds]
            if items:
                groups.append((key, PARENT_GROUPS_YOU[key] if you else heading, items))
        return groups

    def roles_in(self, step: Step) -> list[RolePart]:
        """The step's roles, most responsible first (stable for equal responsibility)."""
        order = list(Responsibility)
        return sorted(step.roles, key=lambda p: order.index(p.responsibility))

    # roles -------------------------------------------------------------
    def cell(self, role_id: str, step: Step) -> RolePart | None:
        """The role's part in a step, if it has one (first listing wins)."""
        return next((p for p in step.roles if p.role == role_id), None)

    def role_steps(self, role_id: str) -> list[RoleStep]:
        """Every step a role appears in, in step order."""
        return [RoleStep(s, p) for s in self.route.steps for p in s.roles if p.role == role_id]

    def role_documents(self, role_id: str) -> list[StepUse]:
        """Every document use this role carries out."""
        return [StepUse(s, u) for s in self.route.steps for u in s.documents if role_id in u.by]

    def used_responsibilities(self) -> list[Responsibility]:
        """Responsibilities that occur in the route, in model order (for the matrix legend)."""
        used = {p.responsibility for s in self.route.steps for p in s.roles}
        return [r for r in Responsibility if r in used]

    # documents ---------------------------------------------------------
    def document_uses(self, document_id: str) -> list[StepsUse]:
        """What each step does with this document, in step order; identical uses (every field,
        source citation included) are one entry with all their steps."""
        groups: list[StepsUse] = []
        for step in self.route.steps:
            for use in step.documents:
                if use.document != document_id:
                    continue
                same = next((i for i, g in enumerate(groups) if g.use == use), None)
                if same is None:
                    groups.append(StepsUse((step,), use))
                elif step not in groups[same].steps:
                    groups[same] = StepsUse(groups[same].steps + (step,), use)
        return groups

    def once(self) -> Once:
        """An empty record of what a page shows (see `Once`)."""
        return Once()

    def checklist_steps(self) -> list[Step]:
        """Steps with something to tick: documents to handle or things to record."""
        return [s for s in self.route.steps if s.documents or s.records]


class Once:
    """What one page already shows, so a sentence the source repeats in several fields
    (description, signals, tasks, deadlines) is said once per page, where it first appears.

    Works per sentence: a paragraph or list item loses the sentences the page already said
    and is left out when nothing new is left. Nothing is lost: what is left out is on the
    page, higher up.
    """

    def __init__(self, texts: tuple[str, ...] = ()) -> None:
        self._seen: set[str] = set()
        for text in texts:
            self._seen.update(_sentence_keys(text))

    def _fresh(self, text: str) -> str:
        """The sentences of `text` not said yet (all of them remembered from now on)."""
        text = str(text)  # cited text reads as its text
        kept = [s for s in _sentences(text) if _key(s) not in self._seen]
        self._seen.update(_sentence_keys(text))
        return " ".join(kept)

    def prose(self, paragraphs: list[str]) -> list[str]:
        """Paragraphs without the sentences already on the page; empty ones left out."""
        return [p for p in (self._fresh(p) for p in paragraphs) if p]

    def new(self, items: list[Item]) -> list[Item]:
        """List items without what the page already says, in order; empty ones left out."""
        fresh: list[Item] = []
        for item in items:
            if isinstance(item, str):
                text = self._fresh(item)
                if text:
                    fresh.append(text)
                continue
            if not isinstance(item, SubItem):  # cited text: kept whole with its source, or left out
                if self._fresh(item.text):
                    fresh.append(item)
                continue
            subs = [t for t in (self._fresh(i) for i in item.items) if t]
            text = self._fresh(item.text)
            if subs:
                fresh.append(SubItem.model_construct(text=text or item.text, items=subs))
            elif text:
                fresh.append(SubItem.model_construct(text=text, items=[]))
        return fresh


    def new_parent_items(self, items: list[ParentItem]) -> list[ParentItem]:
        """Parents' items without what the page already says (for the told and asked groups)."""
        fresh = []
        for item in items:
            text = self._fresh(item.text)
            if text:
                fresh.append(ParentItem.model_construct(kind=item.kind, text=text))
        return fresh


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9“\"(])")


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(_plain(text)) if s]


def _sentence_keys(text: str) -> set[str]:
    return {_key(s) for s in _sentences(text)}


def _key(text: str) -> str:
    return _plain(text).casefold().rstrip(".")


def _item_texts(item: Item) -> list[str]:
    return [item] if isinstance(item, str) else [item.text, *getattr(item, "items", [])]


def _plain(text: str) -> str:
    """Text compared as a reader sees it: line breaks and runs of spaces don't count."""
    return " ".join(text.split())


# ---------------------------------------------------------------------------
# Answers first: what a reader of a step needs before the full source text
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class RecordItem:
    """One thing to record or sign in a step: a document use or a 'vastleggen' line."""

    key: str
    """Stable id within the step for the tick list (same as on the Documenten page)."""
    text: str
    document: Document | None = None
    where: str | None = None
    deadline: str | None = None
    first_use: bool = True
    """False when the same document came earlier in the step (link to it once)."""


@dataclass(frozen=True)
class NextStep:
    """Where the route goes from a step, and when."""

    transition: Transition
    step: Step


@dataclass(frozen=True)
class ParentDecision:
    """Something parents decide or sign, with the step it belongs to."""

    step: Step
    kind: ParentPart
    text: str


def _is_teacher(role: Role) -> bool:
    """The reader of a step page: never named as 'with whom' (vocabulary.role_kind)."""
    return role_kind(role.id, role.name) == "leerkracht"


def _is_family(role: Role) -> bool:
    """The parents' side: never someone parents are told to contact."""
    return role_kind(role.id, role.name) in ("ouder", "leerling")


class StepAnswers:
    """The answers a step page and the parents' page give first, computed from one route.

    Kept apart from `RouteView`'s lookups because these are choices (who counts as the
    reader, which one role is a parent's contact) that the templates must not make.
    """

    def __init__(self, view: RouteView) -> None:
        self.view = view

    def teacher_tasks(self, step: Step) -> list[str]:
        """What the teacher does in this step, in the route's words (empty if not named)."""
        return [t for p in step.roles if p.role in self.view.roles and _is_teacher(self.view.roles[p.role])
                for t in p.tasks]

    def partners(self, step: Step) -> list[RolePart]:
        """Who the teacher works with in this step: every role but the teacher, most responsible first."""
        return [p for p in self.view.roles_in(step) if not _is_teacher(self.view.roles[p.role])]

    def lead(self, step: Step) -> Role | None:
        """Who leads the step (eindverantwoordelijk or regie), if the route says so."""
        part = next((p for p in self.view.roles_in(step) if self.view.is_lead(p)), None)
        return self.view.roles[part.role] if part else None

    def parent_contact(self, step: Step) -> Role | None:
        """Parents' one contact in a step: the named contactpersoon, else who leads, else who is responsible."""
        candidates = [p for p in self.view.roles_in(step) if not _is_family(self.view.roles[p.role])]
        for wanted in PARENT_CONTACT_PREFERENCE:
            found = next((p for p in candidates if p.responsibility in wanted), None)
            if found is not None:
                return self.view.roles[found.role]
        return self.view.roles[candidates[0].role] if candidates else None

    def records(self, step: Step) -> list[RecordItem]:
        """Documents to handle and things to record, with where they are kept."""
        items = []
        seen: set[str] = set()
        for index, use in enumerate(step.documents, start=1):
            doc = self.view.documents[use.document]
            items.append(RecordItem(key=f"doc-{index}-{use.document}", text=use.action, document=doc,
                                    where=doc.where, deadline=use.deadline, first_use=doc.id not in seen))
            seen.add(doc.id)
        for index, record in enumerate(step.records, start=1):
            items.append(RecordItem(key=f"vastleggen-{index}", text=record))
        return items

    def next_steps(self, step: Step) -> list[NextStep]:
        """The step's transitions with their target steps."""
        return [NextStep(t, self.view.steps[t.to]) for t in step.transitions]

    def position(self, step: Step) -> str:
        """'Fase 2 van 6' when the label is the step's number, else 'Stap 7 van 9' — unless the
        route numbers its steps otherwise (De Kempen: 'Beginsituatie', then 'Stap 1'), where
        'Stap 7 van 8' on the page of 'Stap 6' would contradict the label: 'Onderdeel 7 van 8'."""
        steps = self.view.route.steps
        number = steps.index(step) + 1
        parts = step.label.split()
        if len(parts) == 2 and parts[1] == str(number):
            return f"{step.label} van {len(steps)}"
        own_numbers = any(any(w.isdigit() and w != str(i) for w in s.label.split())
                          for i, s in enumerate(steps, start=1))
        return f"{'Onderdeel' if own_numbers else 'Stap'} {number} van {len(steps)}"

    def parent_decisions(self, step: Step | None = None) -> list[ParentDecision]:
        """What parents decide or sign: in one step, or in the whole route (step order)."""
        steps = [step] if step is not None else self.view.route.steps
        return [ParentDecision(s, i.kind, i.text) for s in steps if s.parents
                for i in s.parents.items if i.kind in PARENTS_DECIDE]

    def decisions_by_step(self) -> list[tuple[Step, list[str]]]:
        """Per step with something to decide: the kinds, in words ('instemming', 'handtekening')."""
        grouped: list[tuple[Step, list[str]]] = []
        for step in self.view.route.steps:
            kinds = [k for k in DECIDE_WORDS if any(d.kind == k for d in self.parent_decisions(step))]
            if kinds:
                grouped.append((step, [DECIDE_WORDS[k].lower() for k in kinds]))
        return grouped

    def parent_heading(self, step: Step) -> str:
        """A step's heading for parents: the plain title the author gave, else the step's name."""
        title = step.parents.title if step.parents and step.parents.title else None
        return f"{step.label}: {title}" if title else step.name

    def start_step(self) -> Step:
        """Where the route begins: the step marked start, else the first."""
        return next(iter(self.view.lookup.start_steps()), self.view.route.steps[0])

    def once(self, step: Step) -> Once:
        """A fresh record of what a step page shows, primed with the answers block's texts."""
        texts = [step.summary, *self.teacher_tasks(step), *(r.text for r in self.records(step))]
        texts += [d for use in step.documents for i in use.details for d in _item_texts(i)]
        texts += [t.condition for t in step.transitions]
        texts += [r.text for r in self.view.rules_for(step)]
        return Once(tuple(texts))
