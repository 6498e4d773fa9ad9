"""The wegwijzer's outcome as an action card, worded for the person who asked.

The questions end in a step of the route. What that step means differs per reader: a
teacher wants her own tasks, the one person to turn to (never herself) and what she must
record; a parent wants what is asked of them, what they decide or sign, and their contact.
This module picks those parts from the route, at build time, for three readers:
'leerkracht', 'ouder' and 'school' (someone else at school: IB, directeur, ...).

The route has no field that says which role is the teacher or the parents, so they are
recognised by id or name ('leerkracht', 'ouders'); a route without such a role simply gets
the general wording. All texts stay plain strings (data), never markup.
"""

from __future__ import annotations

import re
from typing import Any

from ..links import PageLinks
from ..model import DocumentUse, Item, LoadedRoute, Role, Step
from ..route_index import lookup_for
from ..vocabulary import CONTACT_PREFERENCE, PARENTS_DECIDE, role_kind
from .text import normalise

READERS: tuple[tuple[str, str], ...] = (
    ("leerkracht", "leerkracht"),
    ("ouder", "ouder"),
    ("school", "iemand anders van school"),
)
"""The readers the wegwijzer asks for first: (id in the URL hash, words after 'Ik ben')."""

_NUMBERS = {"1": "een", "2": "twee", "3": "drie", "4": "vier", "5": "vijf", "6": "zes", "7": "zeven",
            "8": "acht", "9": "negen", "10": "tien", "12": "twaalf"}


def role_kinds(loaded: LoadedRoute) -> dict[str, str]:
    """Role id → 'leerkracht' / 'ouder' / 'leerling' / '' for every role of the route."""
    return {r.id: role_kind(r.id, r.name) for r in loaded.route.roles}


def _words(text: str) -> set[str]:
    """Normalised words, with digits written as Dutch number words ('6' and 'zes' are equal)."""
    return {_NUMBERS.get(w, w) for w in re.findall(r"[a-z0-9]+", normalise(text))}


def _item_text(item: Item) -> str:
    if isinstance(item, str):
        return item
    return item.text + (": " + "; ".join(item.items) if item.items else "")


def document_line(use: DocumentUse, name: str, abbreviation: str | None) -> str:
    """What happens with a document, said once: no repeated deadline, no dangling colon.

    The source texts are kept, but two glitches of a plain "action (deadline)" join are
    avoided: an action that already names its deadline ("Na plaatsing (binnen 6 weken) OPP"
    with "na plaatsing binnen zes weken") gets it once, and an action that ends in a colon
    ("verzenden naar/ ter beoordeling van:") is followed by what the source lists there.
    """
    action = use.action.strip()
    deadline = (use.deadline or "").strip()
    if action.endswith(":"):
        details = "; ".join(_item_text(d).strip() for d in use.details if _item_text(d).strip())
        action = f"{action} {details}" if details else action.rstrip(":").rstrip()
    if deadline:
        said = _words(action)
        own = _words(deadline)
        rest = said - own - _words(name) - (_words(abbreviation) if abbreviation else set())
        if not rest:
            action = deadline[:1].upper() + deadline[1:]
        elif not own <= said:
            action = f"{action} (termijn: {deadline})"
    return action


def _contact(step: Step, kinds: dict[str, str], roles: dict[str, Role], links: PageLinks,
             reader: str) -> dict[str, str] | None:
    """The one role to turn to: never the reader's own role, never the pupil."""
    skip = {"leerling", reader}
    candidates = [p for p in step.roles if p.role in roles and kinds.get(p.role, "") not in skip]
    for responsibility in CONTACT_PREFERENCE:
        for part in candidates:
            if part.responsibility is responsibility:
                return {"name": roles[part.role].name, "url": links.role(part.role),
                        "about": roles[part.role].description}
    return None


def _own_tasks(step: Step, kinds: dict[str, str], reader: str) -> list[str]:
    return [task for p in step.roles if kinds.get(p.role) == reader for task in p.tasks]


def _do(step: Step, kinds: dict[str, str], roles: dict[str, Role], reader: str) -> list[str]:
    """'Wat u nu doet' for the reader, in the route's own words."""
    if reader == "ouder":
        if step.parents and step.parents.plain:
            return [step.parents.plain]
        texts = [i.text for i in step.parents.items] if step.parents else []
        return texts or _own_tasks(step, kinds, "ouder")
    if reader == "leerkracht":
        return _own_tasks(step, kinds, "leerkracht")
    return [f"{roles[p.role].name}: {' '.join(p.tasks)}" for p in step.roles
            if p.role in roles and p.tasks and kinds.get(p.role) not in ("leerkracht", "ouder", "leerling")]


def _record(loaded: LoadedRoute, step: Step, kinds: dict[str, str], reader: str,
            links: PageLinks) -> list[dict[str, str]]:
    """'Wat u vastlegt of ondertekent': documents the reader handles (or the step's, when no one is named)."""
    docs = lookup_for(loaded.route).documents
    found: list[dict[str, str]] = []
    if reader == "ouder" and step.parents:
        found += [{"text": i.text, "name": "", "url": ""} for i in step.parents.items if i.kind in PARENTS_DECIDE]
    for use in step.documents:
        doc = docs.get(use.document)
        if doc is None:
            continue
        by = {kinds.get(r, "") for r in use.by}
        if reader == "ouder":
            mine = "ouder" in by
        elif reader == "leerkracht":
            mine = not use.by or "leerkracht" in by
        else:
            mine = not use.by or bool(by - {"leerkracht", "ouder", "leerling"})
        if mine:
            found.append({"name": doc.name, "url": links.document(doc.id),
                          "text": document_line(use, doc.name, doc.abbreviation)})
    if reader != "ouder":
        found += [{"text": r, "name": "", "url": ""} for r in step.records]
    return _without_repeats(found)


def _same(a: set[str], b: set[str]) -> bool:
    """Two texts say the same when most words of the shorter one occur in the other."""
    small = min(len(a), len(b))
    return small > 0 and len(a & b) >= 0.6 * small


def _without_repeats(entries: list[dict[str, str]]) -> list[dict[str, str]]:
    """Drop an entry that repeats an earlier one (a record that restates a document's action)."""
    kept: list[dict[str, str]] = []
    for entry in entries:
        words = _words(f"{entry['name']} {entry['text']}")
        if not any(_same(words, _words(f"{k['name']} {k['text']}")) for k in kept):
            kept.append(entry)
    return kept


def _next(loaded: LoadedRoute, step: Step, links: PageLinks) -> list[dict[str, str]]:
    """'Wat hierna komt': the step's transitions with their conditions."""
    steps = lookup_for(loaded.route).steps
    return [{"name": steps[t.to].name, "url": links.step(t.to), "when": t.condition}
            for t in step.transitions if t.to in steps]


def action_card(loaded: LoadedRoute, step: Step, links: PageLinks) -> dict[str, Any]:
    """The card of one outcome step: per reader what to do, the contact and what to record; what comes next."""
    kinds = role_kinds(loaded)
    roles = lookup_for(loaded.route).roles
    readers = {}
    for reader, _label in READERS:
        readers[reader] = {
            "do": _do(step, kinds, roles, reader),
            "contact": _contact(step, kinds, roles, links, reader),
            "record": _record(loaded, step, kinds, reader, links),
        }
    return {"readers": readers, "next": _next(loaded, step, links), "end": step.end}
