"""Checks that need the whole route: references, the step graph, rules and the question tree.

Structural errors (missing fields, wrong types) are pydantic's job; here we check what a
reader of the handbook would trip over: an arrow that points nowhere, a step nobody can
reach, a route that stops halfway, a transition that skips a step the route says can never
be skipped, and a wegwijzer question tree with loops, dead ends or advice against the rules.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .limits import MAX_PATHS, MAX_STEPS, MAX_TRANSITIONS
from .model import Answer, Block, Route, RuleKind, TransitionKind, Wegwijzer
from .route_index import lookup_for
from .modelpaths import FieldPath, salvage, source_path
from .problems import Problem
from .wegwijzer.paths import count_paths
from .yamlsource import SourceData, dotted


@dataclass
class _Reporter:
    """Collects problems; a check names the field (a path through the typed model) and the
    reporter finds its place in the file, by the model's own keys (modelpaths.source_path)."""

    source: SourceData
    problems: list[Problem]

    def add(self, path: FieldPath, message: str) -> None:
        where = source_path(path)
        pos = self.source.position(where)
        self.problems.append(Problem(self.source.file, pos.line, pos.column, message, dotted(where)))


def _known(kind: str, value: str, known: Iterable[str]) -> str:
    options = sorted(known)
    guess = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    hint = f" Bedoelde je '{guess[0]}'?" if guess else ""
    return f"{hint} (bekende {kind}: {', '.join(options)})"


def _unique(report: _Reporter, section: str, ids: list[str | None], noun: str) -> None:
    seen: dict[str, int] = {}
    for index, value in enumerate(ids):
        if value is None:
            continue
        if value in seen:
            report.add((section, index, "id"),
                       f"{noun} '{value}' bestaat al (eerder als nummer {seen[value] + 1}); elke id moet uniek zijn.")
        else:
            seen[value] = index


def reachable(route: Route) -> set[str]:
    """Ids of the steps one can reach from the start steps by following transitions."""
    targets = {s.id: [t.to for t in s.transitions] for s in route.steps}
    todo = [s.id for s in lookup_for(route).start_steps()]
    seen: set[str] = set()
    while todo:
        current = todo.pop()
        if current in seen or current not in targets:
            continue
        seen.add(current)
        todo.extend(targets[current])
    return seen


# ---------------------------------------------------------------------------
# References: on the typed route, or on what `salvage` kept of a route pydantic refused,
# where any attribute may be None (hence the `or []` and the checks for None below)
# ---------------------------------------------------------------------------


def _name(ident: str | None, index: int) -> str:
    """How a message names an item: its id in quotes, or its number when it has no usable id."""
    return f"'{ident}'" if ident else f"nummer {index + 1}"


def _declared(items: Sequence[Any] | None) -> tuple[list[str | None], bool]:
    """The ids in a section, and whether they are complete enough to call a reference unknown.

    When an item has no usable id (a structural error pydantic reports), an unknown reference
    may just be that item, so reference checks for that kind stay quiet instead of piling on.
    A required section that is missing is None, and so is a section that is not a list.
    """
    if items is None:
        return [], False
    ids = [item.id if item is not None else None for item in items]
    return ids, all(ids)


def _check_references(route: Route, report: _Reporter) -> None:
    """References between parts of the route: ids that exist, and each id once."""
    tier_ids, tiers_ok = _declared(route.tiers)
    role_ids, roles_ok = _declared(route.roles)
    doc_ids, docs_ok = _declared(route.documents)
    rule_ids, _ = _declared(route.rules)
    step_ids, steps_ok = _declared(route.steps)
    tiers = {t for t in tier_ids if t}
    roles = {r for r in role_ids if r}
    docs = {d for d in doc_ids if d}
    steps = {s for s in step_ids if s}
    for section, ids, noun in (("tiers", tier_ids, "niveau"), ("roles", role_ids, "rol"),
                               ("documents", doc_ids, "document"), ("rules", rule_ids, "regel"),
                               ("steps", step_ids, "stap")):
        _unique(report, section, ids, noun)
    _unique_blocks(route, report)
    for i, step in enumerate(route.steps or []):
        if step is None:
            continue
        name = _name(step.id, i)
        if tiers_ok and step.tier and step.tier not in tiers:
            report.add(("steps", i, "tier"),
                       f"stap {name} hoort bij onbekend niveau '{step.tier}'." + _known("niveaus", step.tier, tiers))
        parts = [part.role if part is not None else None for part in step.roles or []]
        for j, role in enumerate(parts):
            if role is None:
                continue
            if roles_ok and role not in roles:
                report.add(("steps", i, "roles", j, "role"),
                           f"stap {name} noemt onbekende rol '{role}'." + _known("rollen", role, roles))
            if parts.index(role) != j:
                report.add(("steps", i, "roles", j, "role"),
                           f"rol '{role}' staat twee keer bij stap {name}; voeg de taken samen.")
        for j, use in enumerate(step.documents or []):
            if use is None:
                continue
            doc = use.document
            if docs_ok and doc and doc not in docs:
                report.add(("steps", i, "documents", j, "document"),
                           f"stap {name} noemt onbekend document '{doc}'." + _known("documenten", doc, docs))
            for k, who in enumerate(use.by or []):
                if roles_ok and who and who not in roles:
                    report.add(("steps", i, "documents", j, "by", k),
                               f"onbekende rol '{who}' bij document '{doc}'." + _known("rollen", who, roles))
        for j, move in enumerate(step.transitions or []):
            target = move.to if move is not None else None
            if steps_ok and target and target not in steps:
                report.add(("steps", i, "transitions", j, "to"),
                           f"stap {name} verwijst naar onbekende stap '{target}'." + _known("stappen", target, steps))
    for i, rule in enumerate(route.rules or []):
        if rule is None:
            continue
        name = _name(rule.id, i)
        if rule.kind is RuleKind.NEVER_SKIP and not rule.step:
            report.add(("rules", i), f"regel {name} is 'nooit-overslaan' maar noemt geen 'stap'.")
        if steps_ok and rule.step and rule.step not in steps:
            report.add(("rules", i, "step"),
                       f"regel {name} noemt onbekende stap '{rule.step}'." + _known("stappen", rule.step, steps))
    _check_wegwijzer_references(route.wegwijzer, steps if steps_ok else None, report)


def _unique_blocks(route: Route, report: _Reporter) -> None:
    """Ids of 'onderdelen' are anchors, and the print page shows all of a route's onderdelen
    on one page, so an id must be unique in the whole route (route-wide and in every step)."""
    seen: dict[str, FieldPath] = {}
    places: list[tuple[FieldPath, Sequence[Block | None] | None]] = [(("blocks",), route.blocks)]
    places += [(("steps", i, "blocks"), step.blocks if step is not None else None)
               for i, step in enumerate(route.steps or [])]
    for place, blocks in places:
        for j, block in enumerate(blocks or []):
            ident = block.id if block is not None else None
            if not ident:
                continue
            path = place + (j, "id")
            if ident in seen:
                first = report.source.position(source_path(seen[ident]))
                report.add(path, f"onderdeel '{ident}' bestaat al (eerder op regel {first.line}); elke id van een "
                           "onderdeel moet uniek zijn in de hele route, want het is een anker op de afdrukpagina.")
            else:
                seen[ident] = path


def _check_wegwijzer_references(aid: Wegwijzer | None, steps: set[str] | None, report: _Reporter) -> None:
    """Question ids, answers that lead somewhere, and steps the wegwijzer names."""
    if aid is None:
        return
    question_ids, questions_ok = _declared(aid.questions)
    questions = {q for q in question_ids if q}
    seen_ids: set[str] = set()
    for i, qid in enumerate(question_ids):
        if qid and qid in seen_ids:
            report.add(("wegwijzer", "questions", i, "id"), f"vraag '{qid}' bestaat al; elke vraag-id moet uniek zijn.")
        if qid:
            seen_ids.add(qid)
    start = aid.start
    if questions_ok and start and start not in questions:
        report.add(("wegwijzer", "start"), f"de wegwijzer begint bij onbekende vraag '{start}'."
                   + _known("vragen", start, questions))
    for i, question in enumerate(aid.questions or []):
        for j, answer in enumerate((question.answers if question is not None else None) or []):
            if answer is None:
                continue
            at: FieldPath = ("wegwijzer", "questions", i, "answers", j)
            label = f"'{answer.text}'" if answer.text else f"nummer {j + 1}"
            nxt, outcome, current = answer.next, answer.outcome, answer.current
            if (nxt is None) == (outcome is None):
                report.add(at, f"antwoord {label} moet óf 'volgende' (een vraag) óf 'advies' (een stap) hebben.")
            if questions_ok and nxt and nxt not in questions:
                report.add(at + ("next",), f"antwoord {label} gaat naar onbekende vraag '{nxt}'."
                           + _known("vragen", nxt, questions))
            if steps is not None and outcome and outcome not in steps:
                report.add(at + ("outcome",), f"antwoord {label} adviseert onbekende stap '{outcome}'."
                           + _known("stappen", outcome, steps))
            if steps is not None and current and current not in steps:
                report.add(at + ("current",), f"onbekende stap '{current}'." + _known("stappen", current, steps))
    for i, ex in enumerate(aid.excluded or []):
        step = ex.step if ex is not None else None
        if steps is not None and step and step not in steps:
            report.add(("wegwijzer", "excluded", i, "step"), f"onbekende stap '{step}'." + _known("stappen", step, steps))


def _check_size(route: Route, report: _Reporter) -> bool:
    """The limits the build needs (flowchart layout); False when the route is too large to check further."""
    ok = True
    if len(route.steps) > MAX_STEPS:
        report.add(("steps",), f"de route heeft {len(route.steps)} stappen; maximaal {MAX_STEPS}. Zo'n groot "
                   "stroomschema is niet te tekenen en niet te lezen; verdeel de route over meer bestanden of voeg "
                   "stappen samen.")
        ok = False
    count = sum(len(s.transitions) for s in route.steps)
    if count > MAX_TRANSITIONS:
        report.add(("steps",), f"de route heeft {count} overgangen; maximaal {MAX_TRANSITIONS}. Zo'n stroomschema "
                   "is niet te tekenen en niet te lezen; laat overgangen weg die niemand gebruikt.")
        ok = False
    return ok


def _check_graph(route: Route, report: _Reporter) -> None:
    lookup = lookup_for(route)
    steps = set(lookup.steps)
    if not lookup.start_steps():
        report.add(("steps",), "geen enkele stap heeft 'start: true'; geef aan waar de route begint.")
        return
    if not any(s.end for s in route.steps):
        report.add(("steps",), "geen enkele stap heeft 'eind: true'; geef aan bij welke stap(pen) de route kan "
                   "eindigen.")
    seen = reachable(route)
    rules = lookup.never_skip
    for i, step in enumerate(route.steps):
        if step.id not in seen:
            report.add(("steps", i, "id"),
                       f"stap '{step.id}' is niet bereikbaar vanaf de start; voeg een overgang naar deze stap toe "
                       "of maak hem een startstap.")
        if not step.transitions and not step.end:
            report.add(("steps", i, "id"),
                       f"stap '{step.id}' heeft geen 'overgangen' en is geen eindstap; voeg een overgang toe of "
                       "zet 'eind: true'.")
        if step.start:
            guarded = next((g for g, after in lookup.after.items() if step.id in after), None)
            if guarded:
                report.add(("steps", i, "start"),
                           f"stap '{step.id}' is een startstap, maar komt na stap '{guarded}': wie hier begint, slaat "
                           f"'{guarded}' over, terwijl de route zegt: \"{rules[guarded].text}\".")
        for j, move in enumerate(step.transitions):
            if move.to not in steps:
                continue
            if move.to == step.id and move.kind is not TransitionKind.REPEAT:
                report.add(("steps", i, "transitions", j, "to"),
                           f"stap '{step.id}' heeft een overgang naar zichzelf; dat kan alleen met 'soort: herhalen' "
                           "(de stap wordt opnieuw doorlopen).")
            guarded = lookup.skipped(step.id, move.to)
            if guarded:
                report.add(("steps", i, "transitions", j, "to"),
                           f"de overgang van '{step.id}' naar '{move.to}' slaat stap '{guarded}' over, maar de route "
                           f"zegt: \"{rules[guarded].text}\".")


def _check_wegwijzer(route: Route, report: _Reporter) -> None:
    """The question tree as a whole: reachable, free of loops, and advice that keeps the rules.

    References inside the wegwijzer are checked with the others (`_check_wegwijzer_references`).
    """
    aid = route.wegwijzer
    if aid is None:
        return
    lookup = lookup_for(route)
    steps = set(lookup.steps)
    questions = lookup.questions
    ids = [q.id for q in aid.questions]
    outcomes = lookup.outcomes()
    # Depth-first over (question, current step) states, iteratively: a long question chain
    # must not hit Python's recursion limit, and diamonds must not be walked once per path.
    reached: set[str] = set()
    explored: set[tuple[str, str | None]] = set()
    trail: list[str] = []
    frames: list[tuple[str, str | None, Iterator[tuple[int, Answer]]]] = []

    def enter(qid: str, current: str | None) -> None:
        if qid not in questions:
            return
        if qid in trail:
            report.add(("wegwijzer", "questions", ids.index(qid), "id"),
                       f"de vragen lopen in een kring ({' → '.join(trail + [qid])}); elk pad moet eindigen in een advies.")
            return
        if (qid, current) in explored:
            return
        explored.add((qid, current))
        reached.add(qid)
        trail.append(qid)
        frames.append((qid, current, iter(enumerate(questions[qid].answers))))

    if aid.start in questions:
        enter(aid.start, None)
    while frames:
        qid, current, answers = frames[-1]
        step = next(answers, None)
        if step is None:
            frames.pop()
            trail.pop()
            continue
        j, answer = step
        here = answer.current or current
        if answer.outcome in steps and (here is None or here in steps):
            guarded = lookup.skipped(here, answer.outcome)
            if guarded:
                rule = lookup.never_skip[guarded]
                origin = (f"vanuit '{here}'" if here else
                          "zonder 'huidige-stap' op het pad, dus vanaf de start")
                report.add(("wegwijzer", "questions", ids.index(qid), "answers", j, "outcome"),
                           f"dit advies ('{answer.outcome}' {origin}) slaat stap '{guarded}' over; de route zegt: "
                           f"\"{rule.text}\".")
        if answer.next:
            enter(answer.next, here)
    for i, q in enumerate(aid.questions):
        if q.id not in reached and aid.start in questions:
            report.add(("wegwijzer", "questions", i, "id"), f"vraag '{q.id}' is vanaf de start van de wegwijzer niet te bereiken.")
    if aid.start in questions:
        total = count_paths(aid)
        if total > MAX_PATHS:
            report.add(("wegwijzer", "start"),
                       f"de vragen van de wegwijzer geven {total} verschillende paden; maximaal {MAX_PATHS}. De pagina "
                       "'Alle paden' toont elk pad, en elke vraag met twee vervolgvragen verdubbelt hun aantal. Laat "
                       "meer antwoorden direct in een advies eindigen, of voeg vragen samen.")
    excluded = {e.step for e in aid.excluded}
    for i, ex in enumerate(aid.excluded):
        if ex.step in steps and ex.step in outcomes:
            report.add(("wegwijzer", "excluded", i, "step"),
                       f"stap '{ex.step}' staat bij 'uitgesloten' maar is ook een advies; kies één van beide.")
    for i, step in enumerate(route.steps):
        if step.id not in outcomes and step.id not in excluded:
            report.add(("wegwijzer",), f"stap '{step.id}' is nooit een advies van de wegwijzer; voeg een pad toe of zet "
                       "hem bij 'uitgesloten' met een reden.")


def check_references(source: SourceData) -> list[Problem]:
    """Reference problems of a route file pydantic refused: checked on what `salvage` keeps of it,
    so one typo in a key does not hide a broken reference elsewhere."""
    report = _Reporter(source, [])
    rescued = salvage(Route, source.data)
    if rescued is not None:
        _check_references(rescued, report)
    return report.problems


def check_route(route: Route, source: SourceData) -> list[Problem]:
    """All semantic problems of a structurally valid route."""
    report = _Reporter(source, [])
    _check_references(route, report)
    if _check_size(route, report):
        _check_graph(route, report)
    _check_wegwijzer(route, report)
    return report.problems
