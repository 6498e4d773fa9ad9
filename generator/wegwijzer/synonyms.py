"""Synonym groups: everyday words of parents and teachers mapped to one meaning.

The groups live in `generator/data/synoniemen.yaml` (Dutch, editable by non-programmers).
A group is matched on the stems of *all* words (stopwords kept), so negations such as
"helpt niet" and phrases such as "van buiten" survive. A matched group becomes a term
'~<group>' next to the ordinary stems, on both the step side and the query side.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from .text import FILLERS, STOPWORDS, stem, words

DATA = Path(__file__).resolve().parent.parent / "data" / "synoniemen.yaml"
LINKS = ("s", "en", "e")
"""Linking letters between the parts of a compound."""
AFFIX_MIN = 5
"""A one-word synonym of at least this many letters also matches inside compounds
('gedragsspecialist' contains 'gedrag' and 'specialis')."""

GAP_MAX = 2
"""A phrase still matches with up to this many stopwords between its words: "helpt nog steeds
niet", "weten we niet meer" and "niet echt genoeg" hold "helpt niet", "weten niet meer" and
"niet genoeg" (Dutch puts adverbs and, after inversion, the subject inside such phrases)."""
GAP_KEEP = ("geen", "niet", "niets", "nooit", "wel", "zonder")
"""Stopwords that turn a phrase around, so never stand in a gap."""
GAPS = frozenset(stem(w) for w in STOPWORDS) - {stem(w) for w in GAP_KEEP}
"""What may stand in such a gap: the stems of the stopwords but GAP_KEEP (the browser derives
the same set from the stopwords it gets)."""


def phrase_span(seq: list[str], i: int, phrase: tuple[str, ...]) -> list[int]:
    """The positions of `phrase`'s words when it starts at seq[i], allowing GAP_MAX stopwords
    in between them; empty when it does not."""
    j = i
    skipped = 0
    span: list[int] = []
    for k, part in enumerate(phrase):
        while k and j < len(seq) and seq[j] != part and seq[j] in GAPS and skipped < GAP_MAX:
            j += 1
            skipped += 1
        if j >= len(seq) or seq[j] != part:
            return []
        span.append(j)
        j += 1
    return span


def phrase_at(seq: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    """Does `phrase` start at seq[i] (see phrase_span)?"""
    return bool(phrase_span(seq, i, phrase))


@dataclass(frozen=True)
class Synonyms:
    """Compiled groups: single stems, affix stems (compounds) and multi-word phrases."""

    single: dict[str, tuple[str, ...]]
    affix: tuple[tuple[str, str], ...]
    phrases: tuple[tuple[tuple[str, ...], str], ...]

    @cached_property
    def phrases_by_start(self) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
        """Phrases grouped by their first stem (in their original order): only those can match at a word."""
        index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, group in self.phrases:
            index.setdefault(phrase[0], []).append((phrase, group))
        return {k: tuple(v) for k, v in index.items()}

    @cached_property
    def affix_memo(self) -> dict[tuple[str, frozenset[str]], tuple[str, ...]]:
        """Affix groups per (stem, vocabulary), filled as stems are met: texts repeat their words a lot."""
        return {}

    @cached_property
    def known(self) -> frozenset[str]:
        """Every stem a synonym group knows; the other part of a compound must be one of these
        or a word of the route."""
        return frozenset(self.single) | frozenset(p for p, _ in self.affix)

    def affix_groups(self, token: str, vocab: frozenset[str] = frozenset()) -> tuple[str, ...]:
        """Groups whose affix stem starts or ends `token` as a part of a compound (see AFFIX_MIN).

        The rest of the word must itself be a known word, with or without a linking s/e/en:
        'gedragsspecialist' is gedrag + s + specialist, but 'arrangement' is not
        'arran' + 'gement', so the group of 'gemeente' does not match inside it.
        """
        key = (token, vocab)
        memo = self.affix_memo.get(key)
        if memo is not None:
            return memo
        found: list[str] = []
        for part, group in self.affix:
            if token == part:
                continue
            if token.startswith(part):
                rest = token[len(part):]
                options = [rest] + [rest[len(link):] for link in LINKS if rest.startswith(link)]
            elif token.endswith(part):
                rest = token[:-len(part)]
                options = [rest] + [rest[:-len(link)] for link in LINKS if rest.endswith(link)]
            else:
                continue
            if any(len(o) >= 3 and (o in self.known or o in vocab or stem(o) in self.known or stem(o) in vocab)
                   for o in options):
                found.append(group)
        self.affix_memo[key] = tuple(found)
        return self.affix_memo[key]

    def to_json(self) -> dict[str, object]:
        """The same tables for the browser."""
        return {
            "single": {k: list(v) for k, v in sorted(self.single.items())},
            "affix": [list(a) for a in self.affix],
            "phrases": [[list(p), g] for p, g in self.phrases],
            "affixMin": AFFIX_MIN,
            "fillers": sorted(FILLERS),
            "links": list(LINKS),
            "gapKeep": list(GAP_KEEP),
            "gapMax": GAP_MAX,
        }


def stems_all(text: str) -> list[str]:
    """Stems of every word but filler words, stopwords included (phrases and negations need them).

    Fillers go so that "het gaat gewoon goed" still holds the phrase "gaat goed"."""
    return [stem(w) for w in words(text) if w not in FILLERS]


def compile_groups(groups: dict[str, list[str]]) -> Synonyms:
    """Turn {group: [members]} into lookup tables, in a stable order."""
    single: dict[str, list[str]] = {}
    affix: list[tuple[str, str]] = []
    phrases: list[tuple[tuple[str, ...], str]] = []
    for group in sorted(groups):
        for member in groups[group]:
            seq = tuple(stems_all(str(member)))
            if not seq:
                continue
            if len(seq) == 1:
                single.setdefault(seq[0], [])
                if group not in single[seq[0]]:
                    single[seq[0]].append(group)
                if len(seq[0]) >= AFFIX_MIN and (seq[0], group) not in affix:
                    affix.append((seq[0], group))
            elif (seq, group) not in phrases:
                phrases.append((seq, group))
    return Synonyms({k: tuple(v) for k, v in single.items()}, tuple(affix), tuple(phrases))


@lru_cache(maxsize=1)
def load_synonyms(path: Path = DATA) -> Synonyms:
    """The project's synonym groups."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return compile_groups({str(k): [str(m) for m in v] for k, v in data["groepen"].items()})


def groups_in(text: str, synonyms: Synonyms, vocab: frozenset[str] = frozenset()) -> list[str]:
    """Group ids ('~lezen') whose member occurs in the text, in order of first occurrence."""
    seq = stems_all(text)
    return groups_in_clause(seq, [False] * len(seq), synonyms, vocab)


def groups_in_clause(seq: list[str], negated: list[bool], synonyms: Synonyms,
                     vocab: frozenset[str] = frozenset()) -> list[str]:
    """Groups in a sequence of stems; a word or phrase that a negation covers does not count.

    Phrases are matched on all words, negators included, so "geen effect" (helpt-niet)
    and "geen zorgen" (geen-zorg) are still found, but "geen extra hulp" is no "extra hulp".
    A word inside a matched phrase is not matched on its own as well: "speciaal
    basisonderwijs" is the group of special schools, not also that of 'basisonderwijs'.
    """
    found: list[str] = []
    covered: set[int] = set()
    for i, token in enumerate(seq):
        if not negated[i]:
            for phrase, _ in synonyms.phrases_by_start.get(token, ()):
                covered.update(phrase_span(seq, i, phrase))

    def add(group: str) -> None:
        if "~" + group not in found:
            found.append("~" + group)

    for i, token in enumerate(seq):
        if not negated[i] and i in covered:
            for phrase, group in synonyms.phrases_by_start.get(token, ()):
                if phrase_at(seq, i, phrase):
                    add(group)
        elif not negated[i]:
            for group in synonyms.single.get(token, ()):
                add(group)
            if len(token) > AFFIX_MIN:
                for group in synonyms.affix_groups(token, vocab):
                    add(group)
            for phrase, group in synonyms.phrases_by_start.get(token, ()):
                if phrase_at(seq, i, phrase):
                    add(group)
    return found


def phrase_groups(seq: list[str], negated: list[bool], synonyms: Synonyms) -> list[str]:
    """Groups matched by a phrase of two or more words: more specific, so they count more."""
    found: list[str] = []
    for i, token in enumerate(seq):
        if negated[i]:
            continue
        for phrase, group in synonyms.phrases_by_start.get(token, ()):
            if phrase_at(seq, i, phrase) and "~" + group not in found:
                found.append("~" + group)
    return found
