"""The wegwijzer's data per route: everything the browser needs, computed at build time.

One JSON payload holds the question tree, what each outcome step means for the reader
(what to do per role, who to talk to, the documents, the rules that forbid skipping), the
search index and the normalisation tables. The same payload feeds the Jinja templates of
the no-JavaScript version, so both versions always say the same.

The JSON goes inside a `<script type="application/json">` element; `safe_json` escapes
'<', '>' and '&' so route text such as '</script>' can never end that element early.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import LoadedRoute, Responsibility, RuleKind, Step
from ..pages.base import SiteContext
from ..pages.handbook import RESPONSIBILITY_WORDS, PageLinks
from . import index as ranking
from .index import build_index
from .synonyms import load_synonyms
from .text import NEGATION_SCOPE, NEGATORS, STOPWORDS

TALK_TO = (Responsibility.FINAL, Responsibility.RESPONSIBLE, Responsibility.DIRECTION, Responsibility.CONTACT)
"""Roles with these responsibilities are the people to talk to in a step."""


def safe_json(data: Any) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' characters left."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _order(loaded: LoadedRoute) -> dict[str, int]:
    return {s.id: i for i, s in enumerate(loaded.route.steps)}


def forbidden(loaded: LoadedRoute, outcome: str, current: str | None) -> list[str]:
    """Texts of never-skip rules that matter for someone going to `outcome` from `current`.

    A rule matters when its step lies after where the person is now and not after the
    advised step: that step must still be gone through. Without a current step, every
    never-skip step up to the advised one counts.
    """
    order = _order(loaded)
    texts = []
    for rule in loaded.route.rules:
        if rule.kind is not RuleKind.NEVER_SKIP or rule.step not in order:
            continue
        after_current = current is None or current not in order or order[current] < order[rule.step]
        if after_current and order[rule.step] <= order[outcome]:
            texts.append(rule.text)
    return texts


def outcome_data(loaded: LoadedRoute, step: Step, links: PageLinks) -> dict[str, Any]:
    """What the advice page says about one step."""
    roles = {r.id: r for r in loaded.route.roles}
    docs = {d.id: d for d in loaded.route.documents}
    order = list(Responsibility)
    parts = sorted(step.roles, key=lambda p: order.index(p.responsibility))
    return {
        "id": step.id,
        "order": _order(loaded)[step.id],
        "name": step.name,
        "url": links.step(step.id),
        "summary": step.summary,
        "roles": [
            {"name": roles[p.role].name,
             "responsibility": RESPONSIBILITY_WORDS[p.responsibility] + (f", alleen {p.condition}" if p.condition else ""),
             "tasks": list(p.tasks), "url": links.role(p.role)}
            for p in parts if p.role in roles
        ],
        "talk": [roles[p.role].name for p in parts if p.responsibility in TALK_TO and p.role in roles],
        "parents": step.parents.plain if step.parents and step.parents.plain else
        " ".join(i.text for i in step.parents.items) if step.parents else "",
        "documents": [
            {"name": docs[u.document].name, "action": u.action, "deadline": u.deadline or "",
             "url": links.document(u.document)}
            for u in step.documents if u.document in docs
        ],
    }


BROWSER_FIELDS = ("id", "order", "name", "url", "summary", "talk")
"""The outcome fields the script reads; the rest serves only the page without JavaScript."""


def browser_outcome(full: dict[str, Any]) -> dict[str, Any]:
    """An outcome for the JSON: only what wegwijzer.js reads, so the payload stays small."""
    return {key: full[key] for key in BROWSER_FIELDS}


def search_data(loaded: LoadedRoute) -> dict[str, Any]:
    """The index for the browser: weights per step, bigrams, successors, the signals to show,
    and every table and constant the browser's query analysis needs (one source: Python)."""
    synonyms = load_synonyms()
    index = build_index(loaded, synonyms)
    steps = []
    for step, entry, nxt, back in zip(loaded.route.steps, index, index.successor, index.fallback):
        steps.append({"id": step.id, "w": entry.weights, "b": sorted(entry.bigrams), "next": nxt, "back": back,
                      "signals": [*step.signals, *step.phrases]})
    return {
        "steps": steps,
        "bonus": ranking.BIGRAM_BONUS,
        "params": {"phrase": ranking.PHRASE_FACTOR, "part": ranking.PART_FACTOR, "typo": ranking.TYPO_FACTOR, "shift": ranking.SHIFT,
                   "shiftBack": ranking.SHIFT_BACK, "order": ranking.ORDER_PRIOR, "sameWord": ranking.SAME_WORD_GROUP, "backGroup": ranking.BACK_GROUP,
                   "compoundMin": ranking.COMPOUND_MIN, "typoMin": ranking.TYPO_MIN,
                   "negationScope": NEGATION_SCOPE, "shiftGroup": ranking.SHIFT_GROUP},
        "stopwords": sorted(STOPWORDS),
        "negators": sorted(NEGATORS),
        "synonyms": synonyms.to_json(),
    }


def payload(loaded: LoadedRoute, context: SiteContext, here: str,
            search: dict[str, Any] | None = None) -> dict[str, Any]:
    """The whole wegwijzer payload for the page `here` (links are relative to it).

    Only the links depend on the page; a caller rendering several pages of one route
    passes the route's `search_data` once, since building the index is the costly part.
    """
    links = PageLinks(route_dir=context.route_dir(loaded.slug), here=here)
    aid = loaded.route.wegwijzer
    order = _order(loaded)
    questions: dict[str, Any] = {}
    if aid is not None:
        for q in aid.questions:
            questions[q.id] = {
                "text": q.text,
                "hint": q.hint or "",
                "answers": [{"text": a.text, "next": a.next, "outcome": a.outcome, "current": a.current,
                             "reason": a.reason or ""} for a in q.answers],
            }
    return {
        "slug": loaded.slug,
        "name": loaded.route.organisation.display_name,
        "title": loaded.route.title,
        "start": aid.start if aid else None,
        "questions": questions,
        "outcomes": {s.id: browser_outcome(outcome_data(loaded, s, links)) for s in loaded.route.steps},
        "rules": [{"step": r.step, "order": order[r.step], "text": r.text} for r in loaded.route.rules
                  if r.kind is RuleKind.NEVER_SKIP and r.step in order],
        "search": search if search is not None else search_data(loaded),
    }
