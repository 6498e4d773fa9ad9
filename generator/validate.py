"""Checks that need the whole route: references, the step graph, rules and the question tree.

Structural errors (missing fields, wrong types) are pydantic's job; here we check what a
reader of the handbook would trip over: an arrow that points nowhere, a step nobody can
reach, a route that stops halfway, a transition that skips a step the route says can never
be skipped, and a wegwijzer question tree with loops, dead ends or advice against the rules.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .limits import MAX_PATHS, MAX_STEPS, MAX_TRANSITIONS
from .model import Answer, Route, RuleKind, TransitionKind
from .problems import Problem
from .wegwijzer.paths import count_paths
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


FORWARD_KINDS = frozenset({TransitionKind.UP, TransitionKind.NEXT, TransitionKind.BRANCH})
"""Transitions that move a pupil further along the route; 'afschalen', 'terug' and
'herhalen' move back or stay, so they never put a step 'after' another one."""


def after_steps(route: Route, guarded: str) -> set[str]:
    """Steps that come after `guarded`: reachable from it by forward transitions only.

    The never-skip rule is about the graph, not the order of the file: a step is 'after'
    the guarded step when the route leads there from it (opschalen, vervolg, keuze).
    """
    forward = {s.id: [t.to for t in s.transitions if t.kind in FORWARD_KINDS] for s in route.steps}
    seen: set[str] = set()
    todo = list(forward.get(guarded, []))
    while todo:
        current = todo.pop()
        if current in seen or current == guarded or current not in forward:
            continue
        seen.add(current)
        todo.extend(forward[current])
    return seen


def _afters(route: Route) -> dict[str, set[str]]:
    """`after_steps` of every never-skip step, computed once per check."""
    return {g: after_steps(route, g) for g in never_skip_steps(route)}


def skips(route: Route, origin: str | None, target: str, afters: dict[str, set[str]] | None = None) -> str | None:
    """The never-skip step jumped over when moving from `origin` to `target`, if any.

    Moving to a step after the guarded step skips it unless one is already there or past
    it. `origin` None means someone whose current step is unknown, so at the start of the
    route: an advice past the guarded step then skips it too.
    """
    afters = _afters(route) if afters is None else afters
    for guarded, after in afters.items():
        if target in after and origin != guarded and (origin is None or origin not in after):
            return guarded
    return None


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _id(value: object) -> str | None:
    """A reference as the model would read it (Slug strips spaces); None if it is not text."""
    return value.strip() if isinstance(value, str) else None


def _name(value: object, index: int) -> str:
    """How a message names an item: its id in quotes, or its number when it has no usable id."""
    ident = _id(value)
    return f"'{ident}'" if ident else f"nummer {index + 1}"


def _declared(data: dict[str, Any], section: str, required: bool) -> tuple[list[str | None], bool]:
    """The ids in a section, and whether they are complete enough to call a reference unknown.

    When an item has no usable id (a structural error pydantic reports), an unknown reference
    may just be that item, so reference checks for that kind stay quiet instead of piling on.
    """
    if section not in data:
        return [], not required
    items = data[section]
    ids = [_id(_dict(item).get("id")) for item in _list(items)]
    return ids, isinstance(items, list) and all(ids)


def _check_references(data: dict[str, Any], report: _Reporter) -> None:
    """References between parts of the file, checked on the raw data.

    Working on the data rather than the model means these checks also run when pydantic
    found structural errors elsewhere, so `routewijzer check` shows every problem at once.
    """
    tier_ids, tiers_ok = _declared(data, "niveaus", required=True)
    role_ids, roles_ok = _declared(data, "rollen", required=True)
    doc_ids, docs_ok = _declared(data, "documenten", required=False)
    rule_ids, _ = _declared(data, "regels", required=False)
    step_ids, steps_ok = _declared(data, "stappen", required=True)
    tiers = {t for t in tier_ids if t}
    roles = {r for r in role_ids if r}
    docs = {d for d in doc_ids if d}
    steps = {s for s in step_ids if s}
    for section, ids, noun in (("niveaus", tier_ids, "niveau"), ("rollen", role_ids, "rol"),
                               ("documenten", doc_ids, "document"), ("regels", rule_ids, "regel"),
                               ("stappen", step_ids, "stap")):
        _unique(report, section, ids, noun)
    _unique_blocks(data, report)
    for i, step in enumerate(_list(data.get("stappen"))):
        step = _dict(step)
        base: PathKey = ("stappen", i)
        name = _name(step.get("id"), i)
        tier = _id(step.get("niveau"))
        if tiers_ok and tier and tier not in tiers:
            report.add(base + ("niveau",), f"stap {name} hoort bij onbekend niveau '{tier}'." + _known("niveaus", tier, tiers))
        parts = [_id(_dict(part).get("rol")) for part in _list(step.get("rollen"))]
        for j, role in enumerate(parts):
            if role is None:
                continue
            if roles_ok and role not in roles:
                report.add(base + ("rollen", j, "rol"), f"stap {name} noemt onbekende rol '{role}'." + _known("rollen", role, roles))
            if parts.index(role) != j:
                report.add(base + ("rollen", j, "rol"), f"rol '{role}' staat twee keer bij stap {name}; voeg de taken samen.")
        for j, use in enumerate(_list(step.get("documenten"))):
            use = _dict(use)
            doc = _id(use.get("document"))
            if docs_ok and doc and doc not in docs:
                report.add(base + ("documenten", j, "document"),
                           f"stap {name} noemt onbekend document '{doc}'." + _known("documenten", doc, docs))
            for k, who in enumerate(_list(use.get("wie"))):
                who = _id(who)
                if roles_ok and who and who not in roles:
                    report.add(base + ("documenten", j, "wie", k),
                               f"onbekende rol '{who}' bij document '{doc}'." + _known("rollen", who, roles))
        for j, move in enumerate(_list(step.get("overgangen"))):
            target = _id(_dict(move).get("naar"))
            if steps_ok and target and target not in steps:
                report.add(base + ("overgangen", j, "naar"),
                           f"stap {name} verwijst naar onbekende stap '{target}'." + _known("stappen", target, steps))
    for i, rule in enumerate(_list(data.get("regels"))):
        rule = _dict(rule)
        name = _name(rule.get("id"), i)
        target = _id(rule.get("stap"))
        if rule.get("soort") == RuleKind.NEVER_SKIP.value and not target:
            report.add(("regels", i), f"regel {name} is 'nooit-overslaan' maar noemt geen 'stap'.")
        if steps_ok and target and target not in steps:
            report.add(("regels", i, "stap"), f"regel {name} noemt onbekende stap '{target}'." + _known("stappen", target, steps))
    _check_wegwijzer_references(_dict(data.get("wegwijzer")), steps if steps_ok else None, report)


def _unique_blocks(data: dict[str, Any], report: _Reporter) -> None:
    """Ids of 'onderdelen' are anchors, and the print page shows all of a route's onderdelen
    on one page, so an id must be unique in the whole route (route-wide and in every step)."""
    seen: dict[str, PathKey] = {}
    places: list[PathKey] = [("onderdelen",)] + [("stappen", i, "onderdelen")
                                                  for i, _ in enumerate(_list(data.get("stappen")))]
    for place in places:
        holder: Any = data
        for part in place:
            holder = _dict(holder).get(part) if isinstance(part, str) else _list(holder)[part]
        for j, block in enumerate(_list(holder)):
            ident = _id(_dict(block).get("id"))
            if not ident:
                continue
            path = place + (j, "id")
            if ident in seen:
                first = report.source.position(seen[ident])
                report.add(path, f"onderdeel '{ident}' bestaat al (eerder op regel {first.line}); elke id van een "
                           "onderdeel moet uniek zijn in de hele route, want het is een anker op de afdrukpagina.")
            else:
                seen[ident] = path


def _check_wegwijzer_references(aid: dict[str, Any], steps: set[str] | None, report: _Reporter) -> None:
    """Question ids, answers that lead somewhere, and steps the wegwijzer names (raw data)."""
    if not aid:
        return
    question_ids, questions_ok = _declared(aid, "vragen", required=True)
    questions = {q for q in question_ids if q}
    seen_ids: set[str] = set()
    for i, qid in enumerate(question_ids):
        if qid and qid in seen_ids:
            report.add(("wegwijzer", "vragen", i, "id"), f"vraag '{qid}' bestaat al; elke vraag-id moet uniek zijn.")
        if qid:
            seen_ids.add(qid)
    start = _id(aid.get("start"))
    if questions_ok and start and start not in questions:
        report.add(("wegwijzer", "start"), f"de wegwijzer begint bij onbekende vraag '{start}'."
                   + _known("vragen", start, questions))
    for i, question in enumerate(_list(aid.get("vragen"))):
        for j, answer in enumerate(_list(_dict(question).get("antwoorden"))):
            if not isinstance(answer, dict):
                continue
            at: PathKey = ("wegwijzer", "vragen", i, "antwoorden", j)
            text = answer.get("tekst")
            label = f"'{text.strip()}'" if isinstance(text, str) and text.strip() else f"nummer {j + 1}"
            nxt, outcome, current = (answer.get(k) for k in ("volgende", "advies", "huidige-stap"))
            if (nxt is None) == (outcome is None):
                report.add(at, f"antwoord {label} moet óf 'volgende' (een vraag) óf 'advies' (een stap) hebben.")
            nxt, outcome, current = _id(nxt), _id(outcome), _id(current)
            if questions_ok and nxt and nxt not in questions:
                report.add(at + ("volgende",), f"antwoord {label} gaat naar onbekende vraag '{nxt}'."
                           + _known("vragen", nxt, questions))
            if steps is not None and outcome and outcome not in steps:
                report.add(at + ("advies",), f"antwoord {label} adviseert onbekende stap '{outcome}'."
                           + _known("stappen", outcome, steps))
            if steps is not None and current and current not in steps:
                report.add(at + ("huidige-stap",), f"onbekende stap '{current}'." + _known("stappen", current, steps))
    for i, ex in enumerate(_list(aid.get("uitgesloten"))):
        step = _id(_dict(ex).get("stap"))
        if steps is not None and step and step not in steps:
            report.add(("wegwijzer", "uitgesloten", i, "stap"), f"onbekende stap '{step}'." + _known("stappen", step, steps))


def _check_size(route: Route, report: _Reporter) -> bool:
    """The limits the build needs (flowchart layout); False when the route is too large to check further."""
    ok = True
    if len(route.steps) > MAX_STEPS:
        report.add(("stappen",), f"de route heeft {len(route.steps)} stappen; maximaal {MAX_STEPS}. Zo'n groot "
                   "stroomschema is niet te tekenen en niet te lezen; verdeel de route over meer bestanden of voeg "
                   "stappen samen.")
        ok = False
    count = sum(len(s.transitions) for s in route.steps)
    if count > MAX_TRANSITIONS:
        report.add(("stappen",), f"de route heeft {count} overgangen; maximaal {MAX_TRANSITIONS}. Zo'n stroomschema "
                   "is niet te tekenen en niet te lezen; laat overgangen weg die niemand gebruikt.")
        ok = False
    return ok


def _check_graph(route: Route, report: _Reporter) -> None:
    steps = {s.id for s in route.steps}
    starts = [i for i, s in enumerate(route.steps) if s.start]
    if not starts:
        report.add(("stappen",), "geen enkele stap heeft 'start: true'; geef aan waar de route begint.")
        return
    if not any(s.end for s in route.steps):
        report.add(("stappen",), "geen enkele stap heeft 'eind: true'; geef aan bij welke stap(pen) de route kan "
                   "eindigen.")
    seen = reachable(route)
    afters = _afters(route)
    rules = {r.step: r for r in route.rules if r.kind is RuleKind.NEVER_SKIP and r.step}
    for i, step in enumerate(route.steps):
        if step.id not in seen:
            report.add(("stappen", i, "id"),
                       f"stap '{step.id}' is niet bereikbaar vanaf de start; voeg een overgang naar deze stap toe "
                       "of maak hem een startstap.")
        if not step.transitions and not step.end:
            report.add(("stappen", i, "id"),
                       f"stap '{step.id}' heeft geen 'overgangen' en is geen eindstap; voeg een overgang toe of "
                       "zet 'eind: true'.")
        if step.start:
            guarded = next((g for g, after in afters.items() if step.id in after), None)
            if guarded:
                report.add(("stappen", i, "start"),
                           f"stap '{step.id}' is een startstap, maar komt na stap '{guarded}': wie hier begint, slaat "
                           f"'{guarded}' over, terwijl de route zegt: \"{rules[guarded].text}\".")
        for j, move in enumerate(step.transitions):
            if move.to not in steps:
                continue
            if move.to == step.id and move.kind is not TransitionKind.REPEAT:
                report.add(("stappen", i, "overgangen", j, "naar"),
                           f"stap '{step.id}' heeft een overgang naar zichzelf; dat kan alleen met 'soort: herhalen' "
                           "(de stap wordt opnieuw doorlopen).")
            guarded = skips(route, step.id, move.to, afters)
            if guarded:
                report.add(("stappen", i, "overgangen", j, "naar"),
                           f"de overgang van '{step.id}' naar '{move.to}' slaat stap '{guarded}' over, maar de route "
                           f"zegt: \"{rules[guarded].text}\".")


def _check_wegwijzer(route: Route, report: _Reporter) -> None:
    """The question tree as a whole: reachable, free of loops, and advice that keeps the rules.

    References inside the wegwijzer are checked on the raw data (`_check_wegwijzer_references`).
    """
    aid = route.wegwijzer
    if aid is None:
        return
    steps = {s.id for s in route.steps}
    questions = {q.id: q for q in aid.questions}
    ids = [q.id for q in aid.questions]
    outcomes = {a.outcome for q in aid.questions for a in q.answers if a.outcome is not None}
    afters = _afters(route)
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
            report.add(("wegwijzer", "vragen", ids.index(qid), "id"),
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
            guarded = skips(route, here, answer.outcome, afters)
            if guarded:
                rule = next(r for r in route.rules if r.step == guarded)
                origin = (f"vanuit '{here}'" if here else
                          "zonder 'huidige-stap' op het pad, dus vanaf de start")
                report.add(("wegwijzer", "vragen", ids.index(qid), "antwoorden", j, "advies"),
                           f"dit advies ('{answer.outcome}' {origin}) slaat stap '{guarded}' over; de route zegt: "
                           f"\"{rule.text}\".")
        if answer.next:
            enter(answer.next, here)
    for i, q in enumerate(aid.questions):
        if q.id not in reached and aid.start in questions:
            report.add(("wegwijzer", "vragen", i, "id"), f"vraag '{q.id}' is vanaf de start van de wegwijzer niet te bereiken.")
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
            report.add(("wegwijzer", "uitgesloten", i, "stap"),
                       f"stap '{ex.step}' staat bij 'uitgesloten' maar is ook een advies; kies één van beide.")
    for i, step in enumerate(route.steps):
        if step.id not in outcomes and step.id not in excluded:
            report.add(("wegwijzer",), f"stap '{step.id}' is nooit een advies van de wegwijzer; voeg een pad toe of zet "
                       "hem bij 'uitgesloten' met een reden.")


def check_references(source: SourceData) -> list[Problem]:
    """Reference problems of any route file, even one that is structurally invalid."""
    report = _Reporter(source, [])
    _check_references(_dict(source.data), report)
    return report.problems


def check_route(route: Route, source: SourceData) -> list[Problem]:
    """All semantic problems of a structurally valid route."""
    report = _Reporter(source, [])
    _check_references(_dict(source.data), report)
    if _check_size(route, report):
        _check_graph(route, report)
    _check_wegwijzer(route, report)
    return report.problems
