"""Checks that need the whole route: references, the step graph, rules and the question tree.

Structural errors (missing fields, wrong types) are pydantic's job; here we check what a
reader of the handbook would trip over: an arrow that points nowhere, a step nobody can
reach, a route that stops halfway, a transition that skips a step the route says can never
be skipped, and a wegwijzer question tree with loops, dead ends or advice against the rules.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Route, RuleKind
from .problems import Problem
from .yamlsource import PathKey, SourceData, dotted


@dataclass
class _Reporter:
    source: SourceData
    problems: list[Problem]

    def add(self, path: PathKey, message: str) -> None:
        pos = self.source.position(path)
        self.problems.append(Problem(self.source.file, pos.line, pos.column, message, dotted(path)))


def _known(kind: str, value: str, known: Iterable[str]) -> str:
    options = sorted(known)
    guess = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    hint = f" Bedoelde je '{guess[0]}'?" if guess else ""
    return f"{hint} (bekende {kind}: {', '.join(options)})"


def _unique(report: _Reporter, section: str, ids: list[str], noun: str) -> None:
    seen: dict[str, int] = {}
    for index, value in enumerate(ids):
        if value in seen:
            report.add((section, index, "id"),
                       f"{noun} '{value}' bestaat al (eerder als nummer {seen[value] + 1}); elke id moet uniek zijn.")
        else:
            seen[value] = index


def reachable(route: Route) -> set[str]:
    """Ids of the steps one can reach from the start steps by following transitions."""
    targets = {s.id: [t.to for t in s.transitions] for s in route.steps}
    todo = [s.id for s in route.steps if s.start]
    seen: set[str] = set()
    while todo:
        current = todo.pop()
        if current in seen or current not in targets:
            continue
        seen.add(current)
        todo.extend(targets[current])
    return seen


def never_skip_steps(route: Route) -> list[str]:
    """Steps the route says may never be skipped."""
    return [r.step for r in route.rules if r.kind is RuleKind.NEVER_SKIP and r.step]


def skips(route: Route, origin: str, target: str) -> str | None:
    """The never-skip step jumped over when moving from `origin` to `target`, if any.

    Order is the order of the steps in the file: moving forward past a never-skip step
    without landing on it breaks the rule; moving back never does.
    """
    order = {s.id: i for i, s in enumerate(route.steps)}
    if origin not in order or target not in order:
        return None
    for guarded in never_skip_steps(route):
        if guarded in order and order[origin] < order[guarded] < order[target]:
            return guarded
    return None


def _check_references(route: Route, report: _Reporter) -> None:
    tiers = {t.id for t in route.tiers}
    roles = {r.id for r in route.roles}
    docs = {d.id for d in route.documents}
    steps = {s.id for s in route.steps}
    _unique(report, "niveaus", [t.id for t in route.tiers], "niveau")
    _unique(report, "rollen", [r.id for r in route.roles], "rol")
    _unique(report, "documenten", [d.id for d in route.documents], "document")
    _unique(report, "regels", [r.id for r in route.rules], "regel")
    _unique(report, "stappen", [s.id for s in route.steps], "stap")
    for i, step in enumerate(route.steps):
        base: PathKey = ("stappen", i)
        if step.tier not in tiers:
            report.add(base + ("niveau",), f"stap '{step.id}' hoort bij onbekend niveau '{step.tier}'."
                       + _known("niveaus", step.tier, tiers))
        for j, part in enumerate(step.roles):
            if part.role not in roles:
                report.add(base + ("rollen", j, "rol"), f"stap '{step.id}' noemt onbekende rol '{part.role}'."
                           + _known("rollen", part.role, roles))
        role_counts = Counter(p.role for p in step.roles)
        for j, part in enumerate(step.roles):
            if role_counts[part.role] > 1 and [p.role for p in step.roles].index(part.role) != j:
                report.add(base + ("rollen", j, "rol"),
                           f"rol '{part.role}' staat twee keer bij stap '{step.id}'; voeg de taken samen.")
        for j, use in enumerate(step.documents):
            if use.document not in docs:
                report.add(base + ("documenten", j, "document"),
                           f"stap '{step.id}' noemt onbekend document '{use.document}'."
                           + _known("documenten", use.document, docs))
            for k, who in enumerate(use.by):
                if who not in roles:
                    report.add(base + ("documenten", j, "wie", k),
                               f"onbekende rol '{who}' bij document '{use.document}'." + _known("rollen", who, roles))
        for j, move in enumerate(step.transitions):
            if move.to not in steps:
                report.add(base + ("overgangen", j, "naar"),
                           f"stap '{step.id}' verwijst naar onbekende stap '{move.to}'." + _known("stappen", move.to, steps))
    for i, rule in enumerate(route.rules):
        if rule.kind is RuleKind.NEVER_SKIP and not rule.step:
            report.add(("regels", i), f"regel '{rule.id}' is 'nooit-overslaan' maar noemt geen 'stap'.")
        if rule.step and rule.step not in steps:
            report.add(("regels", i, "stap"), f"regel '{rule.id}' noemt onbekende stap '{rule.step}'."
                       + _known("stappen", rule.step, steps))


def _check_graph(route: Route, report: _Reporter) -> None:
    steps = {s.id for s in route.steps}
    starts = [i for i, s in enumerate(route.steps) if s.start]
    if not starts:
        report.add(("stappen",), "geen enkele stap heeft 'start: true'; geef aan waar de route begint.")
        return
    seen = reachable(route)
    for i, step in enumerate(route.steps):
        if step.id not in seen:
            report.add(("stappen", i, "id"),
                       f"stap '{step.id}' is niet bereikbaar vanaf de start; voeg een overgang naar deze stap toe "
                       "of maak hem een startstap.")
        if not step.transitions and not step.end:
            report.add(("stappen", i, "id"),
                       f"stap '{step.id}' heeft geen 'overgangen' en is geen eindstap; voeg een overgang toe of "
                       "zet 'eind: true'.")
        for j, move in enumerate(step.transitions):
            if move.to not in steps:
                continue
            guarded = skips(route, step.id, move.to)
            if guarded:
                rule = next(r for r in route.rules if r.step == guarded)
                report.add(("stappen", i, "overgangen", j, "naar"),
                           f"de overgang van '{step.id}' naar '{move.to}' slaat stap '{guarded}' over, maar de route "
                           f"zegt: \"{rule.text}\".")


def _check_wegwijzer(route: Route, report: _Reporter) -> None:
    aid = route.wegwijzer
    if aid is None:
        return
    steps = {s.id for s in route.steps}
    questions = {q.id: q for q in aid.questions}
    seen_ids: dict[str, int] = {}
    for i, q in enumerate(aid.questions):
        if q.id in seen_ids:
            report.add(("wegwijzer", "vragen", i, "id"), f"vraag '{q.id}' bestaat al; elke vraag-id moet uniek zijn.")
        seen_ids.setdefault(q.id, i)
    if aid.start not in questions:
        report.add(("wegwijzer", "start"), f"de wegwijzer begint bij onbekende vraag '{aid.start}'."
                   + _known("vragen", aid.start, questions))
    outcomes: set[str] = set()
    for i, q in enumerate(aid.questions):
        for j, answer in enumerate(q.answers):
            at: PathKey = ("wegwijzer", "vragen", i, "antwoorden", j)
            if (answer.next is None) == (answer.outcome is None):
                report.add(at, f"antwoord '{answer.text}' moet óf 'volgende' (een vraag) óf 'advies' (een stap) hebben.")
            if answer.next is not None and answer.next not in questions:
                report.add(at + ("volgende",), f"antwoord '{answer.text}' gaat naar onbekende vraag '{answer.next}'."
                           + _known("vragen", answer.next, questions))
            if answer.outcome is not None:
                if answer.outcome not in steps:
                    report.add(at + ("advies",), f"antwoord '{answer.text}' adviseert onbekende stap '{answer.outcome}'."
                               + _known("stappen", answer.outcome, steps))
                outcomes.add(answer.outcome)
            if answer.current is not None and answer.current not in steps:
                report.add(at + ("huidige-stap",), f"onbekende stap '{answer.current}'." + _known("stappen", answer.current, steps))
    # Reachability and loops: depth-first over the question graph.
    reached: set[str] = set()
    def visit(qid: str, trail: tuple[str, ...], current: str | None) -> None:
        if qid not in questions:
            return
        index = [q.id for q in aid.questions].index(qid)
        if qid in trail:
            report.add(("wegwijzer", "vragen", index, "id"),
                       f"de vragen lopen in een kring ({' → '.join(trail + (qid,))}); elk pad moet eindigen in een advies.")
            return
        reached.add(qid)
        for j, answer in enumerate(questions[qid].answers):
            here = answer.current or current
            if answer.outcome in steps and here in steps:
                guarded = skips(route, here, answer.outcome)
                if guarded:
                    rule = next(r for r in route.rules if r.step == guarded)
                    report.add(("wegwijzer", "vragen", index, "antwoorden", j, "advies"),
                               f"dit advies ('{answer.outcome}' vanuit '{here}') slaat stap '{guarded}' over; de route zegt: "
                               f"\"{rule.text}\".")
            if answer.next:
                visit(answer.next, trail + (qid,), here)
    if aid.start in questions:
        visit(aid.start, (), None)
    for i, q in enumerate(aid.questions):
        if q.id not in reached and aid.start in questions:
            report.add(("wegwijzer", "vragen", i, "id"), f"vraag '{q.id}' is vanaf de start van de wegwijzer niet te bereiken.")
    excluded = {e.step for e in aid.excluded}
    for i, ex in enumerate(aid.excluded):
        if ex.step not in steps:
            report.add(("wegwijzer", "uitgesloten", i, "stap"), f"onbekende stap '{ex.step}'." + _known("stappen", ex.step, steps))
        elif ex.step in outcomes:
            report.add(("wegwijzer", "uitgesloten", i, "stap"),
                       f"stap '{ex.step}' staat bij 'uitgesloten' maar is ook een advies; kies één van beide.")
    for i, step in enumerate(route.steps):
        if step.id not in outcomes and step.id not in excluded:
            report.add(("wegwijzer",), f"stap '{step.id}' is nooit een advies van de wegwijzer; voeg een pad toe of zet "
                       "hem bij 'uitgesloten' met een reden.")


def check_route(route: Route, source: SourceData) -> list[Problem]:
    """All semantic problems of a structurally valid route."""
    report = _Reporter(source, [])
    _check_references(route, report)
    _check_graph(route, report)
    _check_wegwijzer(route, report)
    return report.problems
