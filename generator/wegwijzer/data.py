"""The wegwijzer's data per route: everything the browser needs, computed at build time.

One JSON payload holds the question tree, what each outcome step means for the reader
(what to do per role, who to talk to, the documents), the never-skip rules to name with each
advice (worked out here, once, by the route's lookup; the script only looks them up), the
search index and the normalisation tables. The same payload feeds the Jinja templates of
the no-JavaScript version, so both versions always say the same.

The JSON goes inside a `<script type="application/json">` element; `safe_json` escapes
'<', '>' and '&' so route text such as '</script>' can never end that element early.
"""

from __future__ import annotations

import json
from typing import Any

from ..context import SiteContext
from ..links import PageLinks
from ..model import LoadedRoute, Responsibility, Step
from ..route_index import lookup_for
from ..vocabulary import RESPONSIBILITY_WORDS, TALK_TO
from . import index as ranking
from .index import build_index
from .paths import enumerate_paths
from .synonyms import load_synonyms
from .text import NEGATION_SCOPE, NEGATORS, STOPWORDS

def safe_json(data: Any) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' characters left."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def forbidden(loaded: LoadedRoute, outcome: str, current: str | None) -> list[str]:
    """Texts of the never-skip rules to name with the advice `outcome` for someone at `current`
    (see `RouteLookup.rules_ahead`)."""
    return [rule.text for rule in lookup_for(loaded.route).rules_ahead(outcome, current)]


def rules_data(loaded: LoadedRoute) -> dict[str, Any]:
    """The never-skip rules for the script: their texts once, and per advised step and current
    step ('' when unknown) the indexes of the texts to name — only where there are any.

    The pairs are those the script can meet: every step without a current step (a confirmed
    suggestion), and the (advice, current step) of every path through the questions.
    """
    lookup = lookup_for(loaded.route)
    rules = list(lookup.never_skip_rules)
    pairs: list[tuple[str, str | None]] = [(s.id, None) for s in loaded.route.steps]
    if loaded.route.wegwijzer is not None:
        pairs += [(p.outcome, p.current) for p in enumerate_paths(loaded.route.wegwijzer)]
    ahead: dict[str, dict[str, list[int]]] = {}
    for outcome, current in pairs:
        found = [rules.index(r) for r in lookup.rules_ahead(outcome, current)]
        if found:
            ahead.setdefault(outcome, {})[current or ""] = found
    return {"texts": [r.text for r in rules], "ahead": ahead}


def outcome_data(loaded: LoadedRoute, step: Step, links: PageLinks) -> dict[str, Any]:
    """What the advice page says about one step."""
    lookup = lookup_for(loaded.route)
    roles, docs = lookup.roles, lookup.documents
    order = list(Responsibility)
    parts = sorted(step.roles, key=lambda p: order.index(p.responsibility))
    return {
        "id": step.id,
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


BROWSER_FIELDS = ("id", "name", "url", "summary", "talk")
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
    links = PageLinks(context.layout, loaded.slug, here)
    aid = loaded.route.wegwijzer
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
        "rules": rules_data(loaded),
        "search": search if search is not None else search_data(loaded),
    }
