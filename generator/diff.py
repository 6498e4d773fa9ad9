"""What changed between two versions of a route, in Dutch, for the people who approve it.

A route is revised once per ondersteuningsplan period, and the board, the MR and the
schools want to know what is different without reading two YAML files side by side. So
the comparison is by meaning: steps are matched by id (or, when an id changed, by content),
responsibilities by role, documents by document, transitions by target step. Everything
else an author wrote is still compared, field by field, so no change goes unmentioned.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from typing import Any, Callable

from pydantic import BaseModel

from .model import DocumentUse, Question, RolePart, Route, Step, Transition
from .route_index import lookup_for
from .route_index import by_id

SECTIONS = ("Algemeen", "Niveaus", "Rollen", "Documenten", "Regels", "Stappen", "Wegwijzer", "Overig")
"""Order in which the summary lists its sections."""

RENAME_SIMILARITY = 0.75
"""How alike a removed and an added step must be to count as one step with a new id."""


@dataclass(frozen=True)
class Change:
    """One difference, as one readable Dutch line under a section heading."""

    section: str
    text: str


def _alias(model: type[BaseModel], name: str) -> str:
    """The Dutch key authors know a field by."""
    return model.model_fields[name].alias or name


def _q(text: object) -> str:
    return f"'{text}'"


def _dump(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(by_alias=True, mode="json", exclude_none=True)
    if isinstance(value, list):
        return [_dump(v) for v in value]
    return value


def _scalar(value: Any) -> str:
    if value is None or value == []:
        return "(leeg)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if hasattr(value, "value"):
        return str(value.value)
    return _q(value)


def _changed(old: Any, new: Any) -> bool:
    return _dump(old) != _dump(new)


def _list_change(label: str, old: list[Any], new: list[Any]) -> str | None:
    """'omschrijving: 1 toegevoegd, 2 gewijzigd' for lists of free text."""
    if not _changed(old, new):
        return None
    old_d = [json.dumps(_dump(v), ensure_ascii=False, sort_keys=True) for v in old]
    new_d = [json.dumps(_dump(v), ensure_ascii=False, sort_keys=True) for v in new]
    added = removed = changed = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old_d, b=new_d, autojunk=False).get_opcodes():
        if tag == "insert":
            added += j2 - j1
        elif tag == "delete":
            removed += i2 - i1
        elif tag == "replace":
            common = min(i2 - i1, j2 - j1)
            changed += common
            added += (j2 - j1) - common
            removed += (i2 - i1) - common
    parts = [f"{n} {word}" for n, word in ((added, "toegevoegd"), (removed, "verwijderd"), (changed, "gewijzigd")) if n]
    return f"{label}: {', '.join(parts) or 'volgorde gewijzigd'}"


# ---------------------------------------------------------------------------
# Route-wide parts
# ---------------------------------------------------------------------------


def _metadata(old: Route, new: Route) -> list[Change]:
    out: list[Change] = []
    for name in ("title", "kind", "version", "date", "plan_period", "appendix"):
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            out.append(Change("Algemeen", f"{_alias(Route, name)} {_scalar(a)} → {_scalar(b)}"))
    for part, model_name in (("organisation", "organisatie"), ("source", "bron")):
        a_part, b_part = getattr(old, part), getattr(new, part)
        for name in type(a_part).model_fields:
            a, b = getattr(a_part, name), getattr(b_part, name)
            if a != b:
                out.append(Change("Algemeen", f"{model_name} {_alias(type(a_part), name)} {_scalar(a)} → {_scalar(b)}"))
    pairs, removed = _pair_by(old.changelog, new.changelog, lambda c: c.version)
    for entry, before in pairs:
        if before is None:
            out.append(Change("Algemeen", f"nieuw in wijzigingen: versie {entry.version} ({entry.date}): {entry.text}"))
        elif before != entry:
            out.append(Change("Algemeen", f"wijzigingen bij versie {entry.version} aangepast"))
    for entry in removed:
        out.append(Change("Algemeen", f"uit wijzigingen verwijderd: versie {entry.version} ({entry.date})"))
    return out


def _by_id(section: str, kind: str, old: list[Any], new: list[Any], name_attr: str) -> list[Change]:
    """Added, removed and changed entries of a list of things with an id (niveaus, rollen, ...)."""
    out: list[Change] = []
    old_map, new_map = by_id(old), by_id(new)
    for item in new:
        if item.id not in old_map:
            out.append(Change(section, f"{kind} toegevoegd: {item.id} ({_q(getattr(item, name_attr))})"))
    for item in old:
        if item.id not in new_map:
            out.append(Change(section, f"{kind} verwijderd: {item.id} ({_q(getattr(item, name_attr))})"))
    for item in new:
        before = old_map.get(item.id)
        if before is None or before == item:
            continue
        for name in type(item).model_fields:
            a, b = getattr(before, name), getattr(item, name)
            if a == b:
                continue
            key = _alias(type(item), name)
            if isinstance(a, list) or isinstance(b, list):
                line = _list_change(f"{kind} {item.id}: {key}", a, b)
                if line:
                    out.append(Change(section, line))
            elif name in (name_attr, "kind", "step", "abbreviation"):
                out.append(Change(section, f"{kind} {item.id}: {key} {_scalar(a)} → {_scalar(b)}"))
            else:
                out.append(Change(section, f"{kind} {item.id}: {key} gewijzigd"))
    return out


def _other_route_fields(old: Route, new: Route) -> list[Change]:
    out: list[Change] = []
    for name in ("introduction", "blocks", "terms"):
        line = _list_change(_alias(Route, name), getattr(old, name), getattr(new, name))
        if line:
            out.append(Change("Overig", line))
    return out


# ---------------------------------------------------------------------------
# Steps
# ---------------------------------------------------------------------------


def _step_content(step: Step) -> str:
    data = _dump(step)
    for key in ("id", "label", "titel"):
        data.pop(key, None)
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def match_steps(old: Route, new: Route) -> dict[str, str]:
    """Old step id → new step id: same id, or a removed and an added step with mostly the same content."""
    new_ids = {s.id for s in new.steps}
    old_ids = {s.id for s in old.steps}
    pairs = {s.id: s.id for s in old.steps if s.id in new_ids}
    removed = [s for s in old.steps if s.id not in new_ids]
    added = [s for s in new.steps if s.id not in old_ids]
    candidates: list[tuple[float, str, str]] = []
    for a in removed:
        for b in added:
            ratio = difflib.SequenceMatcher(a=_step_content(a), b=_step_content(b), autojunk=False).ratio()
            if ratio >= RENAME_SIMILARITY:
                candidates.append((ratio, a.id, b.id))
    for _, a_id, b_id in sorted(candidates, key=lambda c: -c[0]):
        if a_id not in pairs and b_id not in pairs.values():
            pairs[a_id] = b_id
    return pairs


def _step_name(step: Step) -> str:
    return f"{step.label} ({step.id})"


def _role_name(route: Route, role_id: str) -> str:
    role = lookup_for(route).roles.get(role_id)
    return role.name if role else role_id


def _doc_name(route: Route, doc_id: str) -> str:
    doc = lookup_for(route).documents.get(doc_id)
    return doc.name if doc else doc_id


def _tier_name(route: Route, tier_id: str) -> str:
    tier = lookup_for(route).tiers.get(tier_id)
    return tier.name if tier else tier_id


def _pair_by(old: list[Any], new: list[Any], key: Callable[[Any], str]) -> tuple[list[tuple[Any, Any]], list[Any]]:
    """Pair new items with old ones of the same key, in order (a step may list a document twice).

    Returns (new item, old item or None) for every new item, and the old items left over.
    """
    waiting: dict[str, list[Any]] = {}
    for item in old:
        waiting.setdefault(key(item), []).append(item)
    pairs = [(item, waiting[key(item)].pop(0) if waiting.get(key(item)) else None) for item in new]
    return pairs, [item for items in waiting.values() for item in items]


def _roles(where: str, old: Route, new: Route, a: list[RolePart], b: list[RolePart]) -> list[Change]:
    out: list[Change] = []
    pairs, removed = _pair_by(a, b, lambda p: p.role)
    for part, before in pairs:
        name = _role_name(new, part.role)
        if before is None:
            out.append(Change("Stappen", f"{where}: rol {name} toegevoegd ({part.responsibility.value})"))
            continue
        if before.responsibility != part.responsibility:
            out.append(Change("Stappen", f"{where}: {name} van {before.responsibility.value} "
                                         f"naar {part.responsibility.value}"))
        line = _list_change(f"{where}: taken van {name}", before.tasks, part.tasks)
        if line:
            out.append(Change("Stappen", line))
    for part in removed:
        out.append(Change("Stappen", f"{where}: rol {_role_name(old, part.role)} verwijderd "
                                     f"(was {part.responsibility.value})"))
    return out


def _documents(where: str, old: Route, new: Route, a: list[DocumentUse], b: list[DocumentUse]) -> list[Change]:
    out: list[Change] = []
    pairs, removed = _pair_by(a, b, lambda u: u.document)
    for use, before in pairs:
        name = _doc_name(new, use.document)
        if before is None:
            extra = f", termijn {_q(use.deadline)}" if use.deadline else ""
            out.append(Change("Stappen", f"{where}: document {name} toegevoegd ({use.action}{extra})"))
            continue
        if before.deadline != use.deadline:
            out.append(Change("Stappen", f"{where}: termijn voor {name}: {_scalar(before.deadline)} → "
                                         f"{_scalar(use.deadline)}"))
        if before.action != use.action:
            out.append(Change("Stappen", f"{where}: handeling met {name}: {_q(before.action)} → {_q(use.action)}"))
        if before.by != use.by:
            who_a = ", ".join(_role_name(old, r) for r in before.by) or "(niemand)"
            who_b = ", ".join(_role_name(new, r) for r in use.by) or "(niemand)"
            out.append(Change("Stappen", f"{where}: wie bij {name}: {who_a} → {who_b}"))
        line = _list_change(f"{where}: inhoud van {name}", before.details, use.details)
        if line:
            out.append(Change("Stappen", line))
    for use in removed:
        out.append(Change("Stappen", f"{where}: document {_doc_name(old, use.document)} verwijderd"))
    return out


def _transitions(where: str, new: Route, ids: dict[str, str],
                 a: list[Transition], b: list[Transition]) -> list[Change]:
    """Transitions matched by (renamed) target step; several to one target are compared as a group."""
    out: list[Change] = []
    steps = lookup_for(new).steps

    def target(step_id: str) -> str:
        step = steps.get(step_id)
        return step.label if step else step_id

    old_groups: dict[str, list[Transition]] = {}
    for t in a:
        old_groups.setdefault(ids.get(t.to, t.to), []).append(t)
    new_groups: dict[str, list[Transition]] = {}
    for t in b:
        new_groups.setdefault(t.to, []).append(t)
    for to, group in new_groups.items():
        before = old_groups.get(to)
        if before is None:
            for t in group:
                out.append(Change("Stappen", f"{where}: overgang naar {target(to)} toegevoegd ({t.kind.value}): "
                                             f"{t.condition}"))
            continue
        if len(before) == 1 and len(group) == 1:
            x, y = before[0], group[0]
            if x.kind != y.kind:
                out.append(Change("Stappen", f"{where}: overgang naar {target(to)}: soort {x.kind.value} → "
                                             f"{y.kind.value}"))
            if x.condition != y.condition:
                out.append(Change("Stappen", f"{where}: overgang naar {target(to)}: voorwaarde "
                                             f"{_q(x.condition)} → {_q(y.condition)}"))
            if x.label != y.label:
                out.append(Change("Stappen", f"{where}: overgang naar {target(to)}: label {_scalar(x.label)} → "
                                             f"{_scalar(y.label)}"))
        elif _changed(before, group):
            out.append(Change("Stappen", f"{where}: overgangen naar {target(to)} gewijzigd"))
    for to, group in old_groups.items():
        if to not in new_groups:
            for t in group:
                out.append(Change("Stappen", f"{where}: overgang naar {target(to)} verwijderd ({t.kind.value})"))
    return out


_STEP_DETAILED = {"id", "label", "title", "tier", "roles", "documents", "transitions"}


def _step(old_route: Route, new_route: Route, ids: dict[str, str], a: Step, b: Step) -> list[Change]:
    where = b.label
    out: list[Change] = []
    if a.id != b.id:
        out.append(Change("Stappen", f"{where}: id {a.id} → {b.id} (herkend aan de inhoud)"))
    if a.label != b.label:
        out.append(Change("Stappen", f"{where}: label {_q(a.label)} → {_q(b.label)}"))
    if a.title != b.title:
        out.append(Change("Stappen", f"{where}: titel {_q(a.title)} → {_q(b.title)}"))
    if a.tier != b.tier:
        out.append(Change("Stappen", f"{where}: niveau {_tier_name(old_route, a.tier)} → "
                                     f"{_tier_name(new_route, b.tier)}"))
    out += _roles(where, old_route, new_route, a.roles, b.roles)
    out += _documents(where, old_route, new_route, a.documents, b.documents)
    out += _transitions(where, new_route, ids, a.transitions, b.transitions)
    for name in Step.model_fields:
        if name in _STEP_DETAILED:
            continue
        x, y = getattr(a, name), getattr(b, name)
        if _dump(x) == _dump(y):
            continue
        key = _alias(Step, name)
        if isinstance(x, list):
            line = _list_change(f"{where}: {key}", x, y)
            if line:
                out.append(Change("Stappen", line))
        elif isinstance(x, bool):
            out.append(Change("Stappen", f"{where}: {key} {_scalar(x)} → {_scalar(y)}"))
        else:
            out.append(Change("Stappen", f"{where}: {key} gewijzigd"))
    return out


def _steps(old: Route, new: Route) -> list[Change]:
    ids = match_steps(old, new)
    out: list[Change] = []
    old_steps, new_steps = lookup_for(old).steps, lookup_for(new).steps
    matched_new = set(ids.values())
    for step in new.steps:
        if step.id not in matched_new:
            out.append(Change("Stappen", f"stap toegevoegd: {_step_name(step)} {_q(step.title)}"))
    for step in old.steps:
        if step.id not in ids:
            out.append(Change("Stappen", f"stap verwijderd: {_step_name(step)} {_q(step.title)}"))
    old_order = [ids[s.id] for s in old.steps if s.id in ids]
    new_order = [s.id for s in new.steps if s.id in matched_new]
    if old_order != new_order:
        out.append(Change("Stappen", "volgorde van de stappen gewijzigd: " + ", ".join(new_steps[i].label
                                                                                      for i in new_order)))
    for old_id, new_id in ids.items():
        out += _step(old, new, ids, old_steps[old_id], new_steps[new_id])
    return out


# ---------------------------------------------------------------------------
# Wegwijzer
# ---------------------------------------------------------------------------


def _answers_summary(q_old: Question, q_new: Question) -> list[str]:
    old_map = {a.text: a for a in q_old.answers}
    new_map = {a.text: a for a in q_new.answers}
    notes: list[str] = []
    for answer in q_new.answers:
        before = old_map.get(answer.text)
        if before is None:
            notes.append(f"antwoord {_q(answer.text)} toegevoegd")
        elif before != answer:
            if before.outcome != answer.outcome:
                notes.append(f"advies bij {_q(answer.text)}: {before.outcome or '(geen)'} → {answer.outcome or '(geen)'}")
            if before.next != answer.next:
                notes.append(f"vervolgvraag bij {_q(answer.text)}: {before.next or '(geen)'} → {answer.next or '(geen)'}")
            if (before.current, before.reason) != (answer.current, answer.reason):
                notes.append(f"toelichting of huidige stap bij {_q(answer.text)} gewijzigd")
    for answer in q_old.answers:
        if answer.text not in new_map:
            notes.append(f"antwoord {_q(answer.text)} verwijderd")
    return notes


def _wegwijzer(old: Route, new: Route) -> list[Change]:
    a, b = old.wegwijzer, new.wegwijzer
    if a == b:
        return []
    if a is None:
        return [Change("Wegwijzer", f"wegwijzer toegevoegd ({len(b.questions)} vragen)")]  # type: ignore[union-attr]
    if b is None:
        return [Change("Wegwijzer", "wegwijzer verwijderd")]
    out: list[Change] = []
    if a.start != b.start:
        out.append(Change("Wegwijzer", f"eerste vraag: {a.start} → {b.start}"))
    old_q, new_q = lookup_for(old).questions, lookup_for(new).questions
    for q in b.questions:
        if q.id not in old_q:
            out.append(Change("Wegwijzer", f"vraag toegevoegd: {q.id} ({_q(q.text)})"))
    for q in a.questions:
        if q.id not in new_q:
            out.append(Change("Wegwijzer", f"vraag verwijderd: {q.id} ({_q(q.text)})"))
    for q in b.questions:
        before = old_q.get(q.id)
        if before is None or before == q:
            continue
        if before.text != q.text:
            out.append(Change("Wegwijzer", f"vraag {q.id}: tekst {_q(before.text)} → {_q(q.text)}"))
        if before.hint != q.hint:
            out.append(Change("Wegwijzer", f"vraag {q.id}: hint gewijzigd"))
        for note in _answers_summary(before, q):
            out.append(Change("Wegwijzer", f"vraag {q.id}: {note}"))
    line = _list_change("uitgesloten stappen", a.excluded, b.excluded)
    if line:
        out.append(Change("Wegwijzer", line))
    return out


# ---------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------


def _with_new_step_ids(route: Route, ids: dict[str, str]) -> Route:
    """The old route with references to renamed steps pointing at the new ids.

    A step whose id changed is reported once; rules, transitions and wegwijzer answers that
    follow it along are then not reported as changed.
    """
    if all(a == b for a, b in ids.items()):
        return route
    data = _dump(route)
    for rule in data.get("regels", []):
        if "stap" in rule:
            rule["stap"] = ids.get(rule["stap"], rule["stap"])
    for step in data["stappen"]:
        for transition in step.get("overgangen", []):
            transition["naar"] = ids.get(transition["naar"], transition["naar"])
    wegwijzer = data.get("wegwijzer")
    if wegwijzer:
        for question in wegwijzer["vragen"]:
            for answer in question["antwoorden"]:
                for key in ("advies", "huidige-stap"):
                    if key in answer:
                        answer[key] = ids.get(answer[key], answer[key])
        for exclusion in wegwijzer.get("uitgesloten", []):
            exclusion["stap"] = ids.get(exclusion["stap"], exclusion["stap"])
    return Route.model_validate(data)


def diff_routes(old: Route, new: Route) -> list[Change]:
    """Every difference between two versions of a route, grouped in the order of SECTIONS."""
    followed = _with_new_step_ids(old, match_steps(old, new))
    changes = (_metadata(old, new)
               + _by_id("Niveaus", "niveau", old.tiers, new.tiers, "name")
               + _by_id("Rollen", "rol", old.roles, new.roles, "name")
               + _by_id("Documenten", "document", old.documents, new.documents, "name")
               + _by_id("Regels", "regel", followed.rules, new.rules, "text")
               + _steps(old, new)
               + _wegwijzer(followed, new)
               + _other_route_fields(old, new))
    return sorted(changes, key=lambda c: SECTIONS.index(c.section))


def render_changes(changes: list[Change]) -> str:
    """The summary as plain text: a heading per section, one '- ' line per change."""
    if not changes:
        return "Geen verschillen.\n"
    lines: list[str] = []
    for section in SECTIONS:
        items = [c.text for c in changes if c.section == section]
        if not items:
            continue
        if lines:
            lines.append("")
        lines.append(f"{section}:")
        lines.extend(f"- {text}" for text in items)
    return "\n".join(lines) + "\n"
