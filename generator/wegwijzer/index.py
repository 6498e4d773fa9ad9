"""The build-time search index: which words point to which step, and how strongly.

Everything a route says about a step is indexed, each text in a field with its own weight:
the recognition phrases and signals, title and summary, and also the long parts (per-actor
*Mogelijkheden*, rules, notes, legal frame, documents, the conditions of transitions *into*
the step, and of going back or down *from* it, since that is decided in it) and route-wide content (regulations, begrippen) attached to the step that speaks
of it. Term weights are BM25F: field-weighted term frequency, normalised for field length
and saturated, times IDF over the route's steps; so a word that happens to occur once in a
title can add at most its IDF, and cannot outweigh the words that say what the step is.

Abbreviations are expanded both ways on the step side (SBO ↔ speciaal basisonderwijs) from
the route's own roles, documents and begrippen, so the query needs no table for them.

The query side (`analyse`) runs identically in the browser (overrides/assets/wegwijzer-rank.js):
negation scope, separable verbs, compound splitting and one-typo matching against the
route's own vocabulary, synonym groups. `rank` adds transitions as evidence: a description
of a step's own activity plus "helpt niet" moves weight to the step after it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterator

from ..model import Item, LoadedRoute, Route, Step, TransitionKind, plain_text
from ..route_index import lookup_for
from .synonyms import LINKS, Synonyms, groups_in, groups_in_clause, load_synonyms, phrase_groups
from .text import FILLERS, PARTICLES, STOPWORDS, clauses, negated, stem, terms, words

FIELD_WEIGHTS: dict[str, float] = {
    "herkenning": 3.0,
    "signalen": 3.0,
    "titel": 3.0,
    "samenvatting": 2.0,
    "label": 1.5,
    "doel": 1.5,
    "overgang": 0.25,
    "uitgang": 1.0,
    "regels": 1.5,
    "acties": 1.0,
    "omschrijving": 1.0,
    "rollen": 1.0,
    "taken": 1.0,
    "ouders": 1.0,
    "documenten": 1.0,
    "per-betrokkene": 1.0,
    "opmerkingen": 1.0,
    "onderdelen": 0.8,
    "kader": 0.8,
    "route": 0.8,
    "niveau": 0.5,
}
"""Field weights: what says *when* someone is in a step (phrases, signals, title) counts most;
the descriptive text still counts, so words only the source uses are found at all."""
PAIR_FIELD_MIN = 1.5
"""Word pairs (bigrams) are kept from the fields of at least this weight only: those say what
a step is about in few words; pairs from the long texts would double the page's data."""
SHORT_FIELDS = frozenset({"titel", "label", "niveau"})
"""Fields without length normalisation (b = 0): a title is short by nature."""
B = 0.6
"""BM25 length normalisation for the other fields: a word in a long text says less."""
K1 = 0.8
"""BM25 saturation: the tenth mention of a word adds little to the first."""
SAME_WORD_GROUP = 0.5
"""A group's share in a step that also has the query's own word of that group (see `score`);
measured flat between 0.3 and 0.6 on the development sets."""
GROUP_FACTOR = 0.8
"""A synonym match is a little less certain than the same word."""
PHRASE_FACTOR = 2.0
"""A synonym group matched by a phrase of several words ("werkt niet", "extra hulp") is more
specific than one matched by a single word."""
PART_FACTOR = 0.7
"""A query word matched through a compound part or a separable verb."""
TYPO_FACTOR = 0.6
"""A query word matched with one typo."""
BIGRAM_BONUS = 0.5
"""Added for each pair of consecutive query terms that also stands together in the step."""
SHIFT = 0.6
"""With "helpt niet" in the query: the share of a step's score that moves to the step after it."""
ORDER_PRIOR = 0.05
"""Evidence that is nearly equal goes to the earlier step: step i of n keeps 1 - ORDER_PRIOR * i / n
of its score. A route starts with the lightest support, and the confirming question checks;
measured flat between 0.02 and 0.08 on the development sets, so it breaks near-ties only."""
COMPOUND_MIN = 7
"""Words of at least this many letters that the route does not know are tried as compounds."""
TYPO_MIN = 5
"""Stems of at least this many letters may match a route word with one typo."""
SHIFT_GROUP = "~werkt-niet"
"""What was tried did not help: the phrases of this group move weight to the next step."""
BACK_GROUP = "~niet-meer-nodig"
"""What was done is no longer needed: the phrases of this group move weight back, to the step
the route scales down to from the step described ("het arrangement is niet meer nodig").
Only the state, not the verbs of the 'afschalen' group: "we kunnen afschalen" is said in the
step where that is decided."""
SHIFT_BACK = 0.6
"""With "niet meer nodig" in the query: the share of a step's score that moves to its way back."""
CALM_GROUP = "~geen-zorg"
"""A description without worries ("er is niets aan de hand") belongs to the route's first step."""


def _items(items: list[Item]) -> list[str]:
    out: list[str] = []
    for item in items:
        if isinstance(item, str):
            out.append(item)
        else:
            out.append(item.text)
            out.extend(item.items)
    return out


def _without_brackets(text: str) -> str:
    return re.sub(r"\(.*?\)", " ", text)


def step_fields(loaded: LoadedRoute, step: Step) -> dict[str, list[str]]:
    """All texts of a step, per field (route-wide content is attached later, in build_index)."""
    route = loaded.route
    lookup = lookup_for(route)
    roles, docs = lookup.roles, lookup.documents
    incoming = [text for _, t in lookup.incoming(step.id) for text in (t.condition, t.label or "")]
    return {
        "herkenning": list(step.phrases),
        "signalen": list(step.signals),
        "titel": [step.title],
        "samenvatting": [step.summary],
        "label": [step.label],
        "doel": list(step.goal),
        "acties": _items(step.actions),
        "omschrijving": list(step.description),
        "rollen": [f"{roles[p.role].name} {roles[p.role].abbreviation or ''}" for p in step.roles if p.role in roles],
        "taken": [task for p in step.roles for task in p.tasks],
        "ouders": ([i.text for i in step.parents.items] + [step.parents.plain or ""]) if step.parents else [],
        "documenten": [text for u in step.documents if u.document in docs for text in
                       (f"{docs[u.document].name} {docs[u.document].abbreviation or ''}", u.action,
                        u.deadline or "", *_items(u.details))],
        "per-betrokkene": [text for a in step.actors for text in (*a.goals, a.means_intro or "", *_items(a.means))],
        "kader": [*_items(step.legal), *step.records, *(plain_text(d) for d in step.deadlines), *step.evaluation],
        "onderdelen": [text for b in step.blocks for text in (b.title, b.text or "", *_items(b.items), b.footer or "")],
        "opmerkingen": list(step.notes),
        "overgang": incoming,
        "uitgang": [text for t in step.transitions if t.kind in (TransitionKind.DOWN, TransitionKind.BACK,
                                                                  TransitionKind.REPEAT) for text in (t.condition, t.label or "")],
        "regels": [text for r in route.rules if r.step == step.id for text in (r.text, *r.items)],
        "niveau": [lookup.tiers[step.tier].name if step.tier in lookup.tiers else ""],
    }


_SPELLED_OUT = re.compile(r"(?:^|[;.]\s*)([A-Z][A-Za-z]{0,4}[A-Z]\+?):\s*([^;:.()]+)")
"""'BAO: basisonderwijs (gewone basisschool); PO: primair onderwijs': abbreviations a begrip spells out."""
_LIST = re.compile(r"\s*,\s*|\s+en\s+")


def _spelled_out(term_name: str, meaning: str) -> list[tuple[str, str]]:
    """(full form, abbreviation) that a begrip's explanation gives for the abbreviations it names.

    Either each one spelled out ("SBO: speciaal basisonderwijs; SO: speciaal onderwijs"), or
    a list of abbreviations as the begrip ("TL, BL, RE, SP en SEO") explained by a list of as
    many full forms in the same order ("... technisch lezen, begrijpend lezen, ..., spelling en
    sociaal-emotionele ontwikkeling").
    """
    found = [(full, short) for short, full in _SPELLED_OUT.findall(meaning)]
    shorts = _LIST.split(term_name.strip())
    if not found and len(shorts) > 1 and all(x.isupper() for x in shorts):
        tail = meaning.rsplit(":", 1)[-1].strip().rstrip(".")
        fulls = _LIST.split(tail)
        if len(fulls) == len(shorts):
            found = list(zip(fulls, shorts))
    return found


def _optional_part(name: str, abbr: str) -> list[tuple[str, str]]:
    """'Speciaal (basis)onderwijs' = 'SO, SBO': a bracketed part of a word is optional, and the
    shorter abbreviation stands for the shorter form."""
    shorts = [x.strip() for x in abbr.split(",")]
    if len(shorts) != 2 or not re.search(r"\w\(|\)\w", name):
        return []
    forms = [re.sub(r"\((.*?)\)", "", name), re.sub(r"\((.*?)\)", r"\1", name)]
    return list(zip(sorted(forms, key=len), sorted(shorts, key=len)))


def abbreviations(route: Route) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """(full form, abbreviation) as term sequences, from the route's roles, documents and begrippen."""
    pairs: list[tuple[str, str]] = []
    for term in route.terms:
        pairs.extend(_spelled_out(term.term, term.meaning))
    for name, abbr in ([(r.name, r.abbreviation) for r in route.roles] + [(d.name, d.abbreviation) for d in route.documents]
                       + [(t.term, t.abbreviation) for t in route.terms]):
        if not abbr or "," in name:
            continue
        names, shorts = _without_brackets(name).split("/"), abbr.split("/")
        optional = _optional_part(name, abbr)
        if optional:
            pairs.extend(optional)
        elif len(names) == len(shorts) > 1:  # "Speciaal basisonderwijs / speciaal onderwijs" = "SBO/SO"
            pairs.extend(zip(names, shorts))
        else:
            pairs.extend((_without_brackets(name), short) for short in abbr.split(","))
    found: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for full, short in pairs:
        long_terms, short_terms = tuple(terms(full)), tuple(terms(short))
        if long_terms and short_terms and long_terms != short_terms and (long_terms, short_terms) not in found:
            found.append((long_terms, short_terms))
    return found


def _contains(seq: list[str], part: tuple[str, ...]) -> bool:
    n = len(part)
    return any(tuple(seq[i:i + n]) == part for i in range(len(seq) - n + 1))


def expanded_terms(text: str, table: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> list[str]:
    """The text's terms, plus the other form of each abbreviation or full form it contains."""
    return terms(text) + [t for form in _other_forms(text, table) for t in form]


def _other_forms(text: str, table: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> list[tuple[str, ...]]:
    seq = terms(text)
    extra: list[tuple[str, ...]] = []
    for full, short in table:
        if _contains(seq, full):
            extra.append(short)
        if _contains(seq, short):
            extra.append(full)
    return extra


def pair(a: str, b: str) -> str:
    """Two neighbouring terms as one key, in alphabetical order: Dutch says "TLV-aanvraag" and
    "aanvraag van de TLV", "extra hulp" and "hulp extra" ("hulp, extra in de klas")."""
    return f"{a} {b}" if a <= b else f"{b} {a}"


def bigrams(text: str) -> list[str]:
    """Consecutive term pairs (see `pair`)."""
    seq = terms(text)
    return [pair(a, b) for a, b in zip(seq, seq[1:])]


@dataclass(frozen=True)
class StepIndex:
    """Weighted terms and bigrams of one step."""

    step: str
    weights: dict[str, float]
    bigrams: frozenset[str]


@dataclass(frozen=True)
class RouteIndex:
    """The steps' indexes in route order, the route's vocabulary and each step's successor."""

    steps: tuple[StepIndex, ...]
    successor: tuple[int, ...]
    """Index of the step a step escalates to (its first 'opschalen'/'vervolg' transition), or -1."""
    vocab: frozenset[str] = field(default_factory=frozenset)
    fallback: tuple[int, ...] = ()
    """Index of the step a step scales down or goes back to (its first 'afschalen'/'terug'), or -1."""

    def __iter__(self) -> Iterator[StepIndex]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def __getitem__(self, i: int) -> StepIndex:
        return self.steps[i]


def successors(route: Route) -> tuple[int, ...]:
    """Per step, the step after it when what is tried there does not help."""
    order = lookup_for(route).position
    found = []
    for i, step in enumerate(route.steps):
        nxt = next((order[t.to] for t in step.transitions
                    if t.kind in (TransitionKind.UP, TransitionKind.NEXT) and t.to in order and order[t.to] != i), -1)
        if nxt < 0 and not step.transitions and i + 1 < len(route.steps):
            nxt = i + 1
        found.append(nxt)
    return tuple(found)


def fallbacks(route: Route) -> tuple[int, ...]:
    """Per step, the step the route goes back or down to from it when the help is no longer needed."""
    order = {s.id: i for i, s in enumerate(route.steps)}
    return tuple(next((order[t.to] for t in step.transitions if t.kind in (TransitionKind.DOWN, TransitionKind.BACK)
                       and t.to in order and order[t.to] != i), -1) for i, step in enumerate(route.steps))


def _route_items(route: Route) -> list[tuple[str, list[str]]]:
    """Route-wide content that belongs to some step: (key phrase, texts)."""
    items: list[tuple[str, list[str]]] = []
    for block in route.blocks:
        items.append((block.title, [block.title, block.text or "", *_items(block.items), block.footer or ""]))
    for rule in route.rules:
        if rule.step is None:
            items.append(("", [rule.text, *rule.items]))
    for term in route.terms:
        items.append((term.term, [term.term, term.abbreviation or "", term.meaning]))
    return items


def _weigh(fields_per_step: list[dict[str, list[str]]], table: list[tuple[tuple[str, ...], tuple[str, ...]]],
           syn: Synonyms, start: int) -> tuple[list[dict[str, float]], list[set[str]], frozenset[str]]:
    """BM25F weights per step from its fields."""
    counted: list[dict[str, Counter[str]]] = []
    pairs: list[set[str]] = []
    for fields in fields_per_step:
        per_field: dict[str, Counter[str]] = {}
        own: set[str] = set()
        for name, texts in fields.items():
            counts: Counter[str] = Counter()
            for text in texts:
                if text:
                    counts.update(expanded_terms(text, table))
                    if FIELD_WEIGHTS[name] >= PAIR_FIELD_MIN:
                        own.update(bigrams(text))
                    own.update(pair(a, b) for form in _other_forms(text, table) for a, b in zip(form, form[1:]))
            per_field[name] = counts
        counted.append(per_field)
        pairs.append(own)
    vocab = frozenset(t for per_field in counted for counts in per_field.values() for t in counts)
    for fields, per_field in zip(fields_per_step, counted):
        for name, texts in fields.items():
            for text in texts:
                if text:
                    per_field[name].update({g: GROUP_FACTOR for g in groups_in(text, syn, vocab)})
                    per_field[name].update({v: PART_FACTOR for w in words(text) for v in participle_base(w, vocab)})
                    per_field[name].update({v: PART_FACTOR for v in separable_verbs(text, vocab)})
    per_field_len: dict[str, list[float]] = {}
    for per_field in counted:
        for name, counts in per_field.items():
            if counts:
                per_field_len.setdefault(name, []).append(sum(counts.values()))
    average = {name: sum(v) / len(v) for name, v in per_field_len.items()}
    mixed: list[dict[str, float]] = []
    for i, per_field in enumerate(counted):
        tf: dict[str, float] = {}
        for name, counts in per_field.items():
            if not counts:
                continue
            b = 0.0 if name in SHORT_FIELDS else B
            norm = 1 - b + b * sum(counts.values()) / average[name]
            for term, n in counts.items():
                tf[term] = tf.get(term, 0.0) + FIELD_WEIGHTS[name] * n / norm
        if i == start:
            tf[CALM_GROUP] = tf.get(CALM_GROUP, 0.0) + FIELD_WEIGHTS["titel"]
        mixed.append(tf)
    count = len(mixed)
    df: Counter[str] = Counter(t for tf in mixed for t in tf)
    weights = []
    for tf in mixed:
        weights.append({t: round(math.log(1 + (count - df[t] + 0.5) / (df[t] + 0.5)) * v * (K1 + 1) / (K1 + v), 2)
                        for t, v in sorted(tf.items())})
    return weights, pairs, vocab


def build_index(loaded: LoadedRoute, synonyms: Synonyms | None = None) -> RouteIndex:
    """One StepIndex per step, in route order, with route-wide content attached where it belongs.

    A regulation, a rule without a step or a begrip goes to every step whose text names it
    (space-insensitive: "Zes maanden regeling" is named by "zesmaandenregeling"); when no step
    names it, to the step the ranking itself finds for its text.
    """
    syn = synonyms or load_synonyms()
    route = loaded.route
    table = abbreviations(route)
    start = next((i for i, s in enumerate(route.steps) if s.start), 0)
    fields = [step_fields(loaded, s) for s in route.steps]
    next_steps = successors(route)
    back_steps = fallbacks(route)
    joined = ["".join(words(" ".join(t for texts in f.values() for t in texts))) for f in fields]
    items = []
    for key, texts in _route_items(route):
        name = "".join(words(key))
        items.append((texts, [i for i, text in enumerate(joined) if len(name) >= 4 and name in text]))
    first: RouteIndex | None = None  # the steps' own index, made only when an item needs ranking
    if any(not named for _, named in items):
        weights, pairs, vocab = _weigh(fields, table, syn, start)
        first = RouteIndex(tuple(StepIndex(s.id, w, frozenset(p)) for s, w, p in zip(route.steps, weights, pairs)),
                           next_steps, vocab, back_steps)
    for texts, named in items:
        if not named and first is not None:
            ranked = rank(first, " ".join(texts), syn)
            named = [next(i for i, s in enumerate(route.steps) if s.id == ranked[0][0])] if ranked else []
        for i in named:
            fields[i].setdefault("route", []).extend(texts)
    weights, pairs, vocab = _weigh(fields, table, syn, start)
    return RouteIndex(tuple(StepIndex(s.id, w, frozenset(p)) for s, w, p in zip(route.steps, weights, pairs)),
                      next_steps, vocab, back_steps)


def _distance_one(a: str, b: str) -> bool:
    """True when b is a with one letter changed, added, dropped, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                   and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]


def agent_base(word: str, vocab: frozenset[str]) -> list[str]:
    """'werker' → ['werk'], 'begeleider' → ['begeleid']: the person who does what the route names."""
    if len(word) >= 6 and word.endswith("er") and stem(word[:-2]) in vocab:
        return [stem(word[:-2])]
    return []


def separable_verbs(text: str, vocab: frozenset[str]) -> list[str]:
    """'De leerkracht stemt de aanpak af' → ['afstem']: a verb and its particle at the end of
    the clause are one word, when the route uses that word ("afstemmen") somewhere.

    The query side does the same (in `_clause_terms`); here it is the route's own text, so
    that "stemt ... af" in one step and "afstemmen" in another are one term.
    """
    found: list[str] = []
    for clause in clauses(text):
        for i, particle in enumerate(clause):
            if i and particle_ends(clause, i):
                found.extend(joined for word in clause[:i] if (joined := stem(particle + word)) in vocab)
    return found


def particle_ends(clause: list[str], i: int) -> bool:
    """Is clause[i] a separable verb's particle? It closes the clause, or only a phrase that
    starts with a preposition follows ("stemt de aanpak af op ..."): "vraagt een TLV aan" is
    'aanvragen', but "vraagt advies aan een collega" and "een school voor haar" are not."""
    return clause[i] in PARTICLES and (i == len(clause) - 1 or clause[i + 1] in PARTICLES)


_SORTED_PARTICLES = tuple(sorted(PARTICLES))


def participle_base(word: str, vocab: frozenset[str]) -> list[str]:
    """'geevalueerd' → ['evaluer'], 'aangepast' → ['aanpas'], 'afgeschaald' → ['afschal']:
    the verb a (regular) past participle is made of, when the route uses that verb.

    Parents and teachers tell what has happened ("is aangepast", "heeft meegekeken"); routes
    say what to do ("aanpassen", "meekijken"). The prefix ge- (after a particle: aan-ge-past)
    and a final -d or -t are taken off; irregular forms (besproken, gedacht) stay unknown.
    What is left is a verb stem, matched as written too: 'toegekend' → 'toeken' (toekenning),
    which stemming once more would cut to 'toek'.
    """
    if "ge" not in word:  # the cheap answer for most words (called for every word of a route)
        return []
    base = ""
    if word.startswith("ge") and len(word) >= 6:
        base = word[2:]
    else:
        for particle in _SORTED_PARTICLES:
            if word.startswith(particle + "ge") and len(word) >= len(particle) + 5:
                base = particle + word[len(particle) + 2:]
                break
    if not base:
        return []
    options = [base] + ([base[:-1]] if base[-1] in "dt" else [])
    # what is left is a verb stem ('toeken' of toegekend): as written, or stemmed once more
    return [s for s in dict.fromkeys(x for o in options for x in (stem(o), o)) if s in vocab][:1]


def compound_parts(word: str, vocab: frozenset[str], known_words: frozenset[str] = frozenset()) -> list[str]:
    """The route's stems in a compound it does not know: 'taalspecialist' → ['taal', 'specialis'].

    The longest head (last part) that the route knows wins, provided the modifier is a word
    too (of the route or of a synonym group), with or without a linking s/en/e: so
    'begeleiding' is not 'bege' + 'leiding'. The modifier counts as written or stemmed:
    'rekenspecialist' is reken + specialist although stem('reken') is 'rek'.
    """
    for i in range(3, len(word) - 3):
        head = stem(word[i:])
        if head not in vocab or word[i:] in STOPWORDS:
            continue
        mod = word[:i]
        options = [mod] + [mod[:-len(link)] for link in LINKS if mod.endswith(link) and len(mod) - len(link) >= 3]
        # a modifier is written as a stem already ("reken-" of rekenen): stemming it again
        # would take off a real ending ('reken' → 'rek'), so it counts as written too
        known = [s for s in dict.fromkeys(x for m in options for x in (stem(m), m)) if s in vocab or s in known_words]
        if known:
            return [head] + [s for s in known if s in vocab][:1]
    return []


@dataclass(frozen=True)
class Query:
    """What the ranking reads from a description.

    `terms` are (term, factor) sorted by term; `before` the same for the words up to and
    including the clause that says something did not help (empty when nothing says so):
    those describe what was tried, the words after it what the person wants next. When no
    clause says it did not help but one says the help is no longer needed, `before` holds
    the words up to that clause and `down` is True.
    """

    terms: tuple[tuple[str, float], ...]
    pairs: tuple[str, ...]
    before: tuple[tuple[str, float], ...] = ()
    down: bool = False


def _clause_terms(clause: list[str], vocab: frozenset[str], syn: Synonyms) -> tuple[list[tuple[str, float]], list[str]]:
    """(term, factor) of one clause, and its stems in order (for bigrams; an unknown word
    stands there as the route word it was matched to)."""
    found: list[tuple[str, float]] = []
    content: list[str] = []
    flags = negated(clause)
    for word, neg in zip(clause, flags):
        if neg or word in STOPWORDS or len(word) <= 1:
            continue
        s = stem(word)
        found.append((s, 1.0))
        verb = participle_base(word, vocab)
        found.extend((v, PART_FACTOR) for v in verb)
        if s in vocab or s in syn.single or not word.isalpha():
            content.append(s)
            continue
        parts = (verb or agent_base(word, vocab)
                 or (compound_parts(word, vocab, syn.known) if len(word) >= COMPOUND_MIN else []))
        found.extend((part, PART_FACTOR) for part in parts)
        typos = [k for k in sorted(vocab) if k[0] == s[0] and _distance_one(s, k)] if not parts and len(s) >= TYPO_MIN else []
        found.extend((known, TYPO_FACTOR) for known in typos)
        content.append((parts or typos or [s])[0])
    for i, particle in enumerate(clause):
        if i and particle_ends(clause, i):
            for word in clause[:i]:
                joined = stem(particle + word)
                if joined in vocab:
                    found.append((joined, PART_FACTOR))
    kept = [(stem(w), neg) for w, neg in zip(clause, flags) if w not in FILLERS]
    seq, neg = [k for k, _ in kept], [n for _, n in kept]
    phrased = phrase_groups(seq, neg, syn)
    found.extend((g, PHRASE_FACTOR if g in phrased else 1.0) for g in groups_in_clause(seq, neg, syn, vocab))
    return found, content


def _best(pairs: list[tuple[str, float]]) -> tuple[tuple[str, float], ...]:
    """Each term once, with its highest factor, sorted by term."""
    best: dict[str, float] = {}
    for term, factor in pairs:
        if factor > best.get(term, 0.0):
            best[term] = factor
    return tuple(sorted(best.items()))


def analyse(text: str, vocab: frozenset[str], synonyms: Synonyms | None = None) -> Query:
    """The weighted query terms of a description; the browser's `analyse` is the exact twin."""
    syn = synonyms or load_synonyms()
    per_clause = [_clause_terms(clause, vocab, syn) for clause in clauses(text)]
    everything = [t for found, _ in per_clause for t in found]
    content = [s for _, stems in per_clause for s in stems]
    failed = next((i for i, (found, _) in enumerate(per_clause) if any(t == SHIFT_GROUP for t, _ in found)), -1)
    settled = next((i for i, (found, _) in enumerate(per_clause) if any(t == BACK_GROUP for t, _ in found)), -1)
    last = failed if failed >= 0 else settled
    before = [t for found, _ in per_clause[:last + 1] for t in found] if last >= 0 else []
    pairs = sorted({pair(a, b) for a, b in zip(content, content[1:])})
    return Query(_best(everything), tuple(pairs), _best(before), failed < 0 <= settled)


def score(entry: StepIndex, query: Query, synonyms: Synonyms | None = None) -> float:
    """Sum of matched term weights times their factor, plus a bonus per matched bigram.

    A synonym group counts SAME_WORD_GROUP of its weight in a step that also has a query word
    of that group itself ("groep" and '~klas'): one meaning, found twice, is not two signs.
    Not rounded: the browser adds the same numbers in the same (sorted) order, so both
    sides get bit-identical floats and therefore the same ranking, ties included.
    """
    total = _weighted(entry, query.terms, synonyms or load_synonyms())
    for pair in query.pairs:
        if pair in entry.bigrams:
            total += BIGRAM_BONUS
    return total


def tried(entry: StepIndex, query: Query, synonyms: Synonyms | None = None) -> float:
    """How well the words before "helpt niet" describe this step's own activity."""
    return _weighted(entry, query.before, synonyms or load_synonyms())


def _weighted(entry: StepIndex, found: tuple[tuple[str, float], ...], syn: Synonyms) -> float:
    """Sum of factor × weight, a group at SAME_WORD_GROUP where its own word matched too."""
    twice = {"~" + g for term, _ in found if term in entry.weights for g in syn.single.get(term, ())}
    total = 0.0
    for term, factor in found:
        weight = entry.weights.get(term, 0.0)
        total += factor * (weight * SAME_WORD_GROUP if term in twice else weight)
    return total


def rank(index: RouteIndex, text: str, synonyms: Synonyms | None = None) -> list[tuple[str, float]]:
    """Steps with a positive score, best first; near-ties go to the earlier step (ORDER_PRIOR).

    When the description says that something did not help, SHIFT of the score of what was
    tried (the words up to that clause) moves from each step to its successor: the person
    is one step further than the activity they describe.
    """
    query = analyse(text, index.vocab, synonyms)
    final = [score(entry, query, synonyms) for entry in index]
    if query.before:
        done = [tried(entry, query, synonyms) for entry in index]
        share, targets = (SHIFT_BACK, index.fallback) if query.down else (SHIFT, index.successor)
        for i, nxt in enumerate(targets):
            if nxt >= 0:
                final[nxt] += share * done[i]
                final[i] -= share * done[i]
    final = [value * (1 - ORDER_PRIOR * i / len(final)) for i, value in enumerate(final)]
    scored = [(entry.step, final[i], i) for i, entry in enumerate(index) if final[i] > 0]
    scored.sort(key=lambda s: (-s[1], s[2]))
    return [(step, value) for step, value, _ in scored]
