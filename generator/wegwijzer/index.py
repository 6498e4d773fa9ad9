"""The build-time search index: which words point to which step, and how strongly.

Each step gets weighted terms from its own fields: the route's recognition phrases
(`herkenning`) and signals count most, the title and summary next, the long descriptive
text least. Rare terms (in one step only) weigh more than terms every step shares (IDF).
Synonym groups are added as '~group' terms so a parent's words find the document's words.
The browser only adds up numbers from this index; ranking is identical in Python and JS.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Item, LoadedRoute, Step
from .synonyms import Synonyms, groups_in, load_synonyms
from .text import terms

FIELD_WEIGHTS: dict[str, float] = {
    "herkenning": 4.0,
    "signalen": 3.0,
    "titel": 3.0,
    "samenvatting": 2.0,
    "label": 1.0,
    "doel": 1.0,
    "acties": 1.0,
    "omschrijving": 1.0,
    "rollen": 1.0,
    "documenten": 1.0,
    "niveau": 1.0,
}
GROUP_FACTOR = 0.8
"""A synonym match is a little less certain than the same word."""
BIGRAM_BONUS = 1.0
"""Added for each pair of consecutive query terms that also stands together in the step."""


def _items(items: list[Item]) -> list[str]:
    out: list[str] = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        else:
            out.append(item.text)
            out.extend(item.items)
    return out


def step_fields(loaded: LoadedRoute, step: Step) -> dict[str, list[str]]:
    """The texts of a step that describe when someone is in it, per field."""
    route = loaded.route
    roles = {r.id: r for r in route.roles}
    docs = {d.id: d for d in route.documents}
    tiers = {t.id: t.name for t in route.tiers}
    role_texts = [f"{roles[p.role].name} {roles[p.role].abbreviation or ''}" for p in step.roles if p.role in roles]
    doc_texts = [f"{docs[u.document].name} {docs[u.document].abbreviation or ''}" for u in step.documents
                 if u.document in docs]
    return {
        "herkenning": list(step.phrases),
        "signalen": list(step.signals),
        "titel": [step.title],
        "samenvatting": [step.summary],
        "label": [step.label],
        "doel": list(step.goal),
        "acties": _items(step.actions),
        "omschrijving": list(step.description),
        "rollen": role_texts,
        "documenten": doc_texts,
        "niveau": [tiers.get(step.tier, "")],
    }


def text_terms(text: str, synonyms: Synonyms) -> list[str]:
    """Stems plus synonym groups of one text; the query goes through exactly this."""
    return terms(text) + groups_in(text, synonyms)


def bigrams(text: str) -> list[str]:
    """Consecutive term pairs, 'a b'."""
    seq = terms(text)
    return [f"{a} {b}" for a, b in zip(seq, seq[1:])]


@dataclass(frozen=True)
class StepIndex:
    """Weighted terms and bigrams of one step."""

    step: str
    weights: dict[str, float]
    bigrams: frozenset[str]


def build_index(loaded: LoadedRoute, synonyms: Synonyms | None = None) -> list[StepIndex]:
    """One StepIndex per step, in route order."""
    syn = synonyms or load_synonyms()
    raw: list[tuple[str, dict[str, float], set[str]]] = []
    for step in loaded.route.steps:
        best: dict[str, float] = {}
        pairs: set[str] = set()
        for name, texts in step_fields(loaded, step).items():
            weight = FIELD_WEIGHTS[name]
            for text in texts:
                for term in terms(text):
                    best[term] = max(best.get(term, 0.0), weight)
                for group in groups_in(text, syn):
                    best[group] = max(best.get(group, 0.0), weight * GROUP_FACTOR)
                pairs.update(bigrams(text))
        raw.append((step.id, best, pairs))
    count = len(raw)
    df: dict[str, int] = {}
    for _, best, _ in raw:
        for term in best:
            df[term] = df.get(term, 0) + 1
    return [
        StepIndex(step_id, {t: round(w * math.log(1 + count / df[t]), 3) for t, w in sorted(best.items())},
                  frozenset(pairs))
        for step_id, best, pairs in raw
    ]


def query_terms(text: str, synonyms: Synonyms | None = None) -> list[str]:
    """Unique query terms in a stable (sorted) order, so sums are the same in Python and JS."""
    return sorted(set(text_terms(text, synonyms or load_synonyms())))


def score(entry: StepIndex, query: list[str], query_pairs: list[str]) -> float:
    """Sum of matched term weights plus a bonus per matched bigram.

    Not rounded: the browser adds the same numbers in the same (sorted) order, so both
    sides get bit-identical floats and therefore the same ranking, ties included.
    """
    total = 0.0
    for term in query:
        total += entry.weights.get(term, 0.0)
    for pair in query_pairs:
        if pair in entry.bigrams:
            total += BIGRAM_BONUS
    return total


def rank(index: list[StepIndex], text: str, synonyms: Synonyms | None = None) -> list[tuple[str, float]]:
    """Steps with a positive score, best first; ties keep route order."""
    query = query_terms(text, synonyms)
    pairs = sorted(set(bigrams(text)))
    scored = [(entry.step, score(entry, query, pairs), i) for i, entry in enumerate(index)]
    scored = [s for s in scored if s[1] > 0]
    scored.sort(key=lambda s: (-s[1], s[2]))
    return [(step, value) for step, value, _ in scored]
