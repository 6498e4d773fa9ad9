"""How readable a route's texts for parents are, measured, so authors see where to simplify.

Parents read the Voor ouders page; the route's `eenvoudig` texts are meant to be B1
Dutch. `routewijzer check` reports per route:

- the Flesch-Douma score (the Dutch adaptation of Flesch reading ease:
  206.84 - 0.93 x words per sentence - 77 x syllables per word; 60-70 is plain, below 50
  hard). Syllables are counted with `pyphen`, the standard hyphenation library (the
  LibreOffice Dutch dictionary), as readability libraries such as textstat do; the formula
  itself is three lines, so it lives here rather than pulling in textstat and nltk;
- the average sentence length and the share of long words (four syllables or more);
- a warning for each sentence above B1 (more than 20 words: the usual B1 advice is at most
  15 on average, and no sentence much longer than 20);
- a warning for each abbreviation or known piece of jargon that the route does not explain
  (in `begrippen`, or as a role or document with its description, whose `afkorting` the site
  shows as a tooltip).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

from .abbreviations import route_abbreviations
from .model import LoadedRoute, Route

if TYPE_CHECKING:
    import pyphen

B1_MAX_WORDS = 20
"""A sentence with more words than this is above B1."""

LONG_WORD_SYLLABLES = 4
"""Words of this many syllables or more count as long."""

JARGON = (
    "arrangement", "ontwikkelingsperspectief", "toelaatbaarheidsverklaring", "handelingsplan", "handelingsdeel",
    "groeidocument", "ondersteuningsbehoefte", "onderwijsbehoefte", "basisondersteuning", "ondersteuningsteam",
    "multidisciplinair", "leerteam", "zorgoverleg", "orthopedagoog", "bestendiging", "terugplaatsing",
    "samenwerkingsverband", "dossiervorming", "groepsplan", "signalering", "interventie", "observatie",
    "integraal", "deelgenoot", "ondersteuningsprofiel", "zesmaandenregeling",
)
"""Words of the trade that a parent may not know; each should be a begrip of the route."""

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"'(])")
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_ABBREVIATION = re.compile(r"(?<![\w-])([A-Z][A-Z()]*[A-Z](?:-[A-Z]+)?)(-[a-z]+)?(?![\w])")
_TERM_PARTS = re.compile(r",|/|\(|\)|\s+en\s+|\s+of\s+")


@dataclass(frozen=True)
class ParentText:
    """One text a parent reads, with where it comes from in the route."""

    where: str
    text: str


@dataclass
class Readability:
    """The readability figures and warnings of one route's texts for parents."""

    texts: int = 0
    sentences: int = 0
    words: int = 0
    flesch_douma: float | None = None
    long_word_share: float = 0.0
    long_sentences: list[tuple[str, str, int]] = field(default_factory=list)
    """(where, sentence, number of words) for every sentence above B1."""
    unexplained: list[tuple[str, str]] = field(default_factory=list)
    """(where, word) for every abbreviation or jargon word the route does not explain."""

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0


def parent_texts(route: Route) -> Iterator[ParentText]:
    """The route texts shown to parents first: each step's plain text and each parent item's
    plain wording (its source wording where the route gives no plain wording)."""
    for step in route.steps:
        if not step.parents:
            continue
        if step.parents.plain:
            yield ParentText(f"{step.label}: ouders.eenvoudig", step.parents.plain)
        for index, item in enumerate(step.parents.items):
            key = "eenvoudig" if item.plain else "tekst"
            yield ParentText(f"{step.label}: ouders.punten[{index}].{key}", item.plain or item.text)


def sentences(text: str) -> list[str]:
    """Split a text into sentences at ., ! or ? followed by a capital, digit or quote."""
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def words(text: str) -> list[str]:
    """The words of a text (letters, with inner hyphens and apostrophes)."""
    return _WORD.findall(text)


@functools.lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    """The Dutch hyphenation dictionary, loaded once and only when `check` measures a text."""
    import pyphen

    return pyphen.Pyphen(lang="nl_NL")


def syllable_count(word: str) -> int:
    """Syllables of a Dutch word: one more than its hyphenation points (at least 1)."""
    return len(_hyphenator().positions(word.lower())) + 1


def _explained(loaded: LoadedRoute) -> tuple[set[str], set[str]]:
    """(abbreviations, lower-case words) that the route explains."""
    abbreviations = set(route_abbreviations(loaded))
    route = loaded.route
    # Roles and documents are explained too: each has its own description on Wie doet wat and Documenten.
    names = [t.term for t in route.terms] + [r.name for r in route.roles] + [d.name for d in route.documents]
    names += [t.name for t in route.tiers] + list(abbreviations)
    terms: set[str] = set()
    for name in names:
        # 'BAO, PO, SBO, SO' or 'CJG+' explain each part, and 'Intern begeleider (IB-er)' its abbreviation.
        for part in [name, *_TERM_PARTS.split(name)]:
            part = part.strip(" +()").casefold()
            if part:
                terms.add(part)
    return abbreviations, terms


def _jargon_in(word: str) -> str | None:
    """The jargon word a word contains ('ondersteuningsteambespreking' -> 'ondersteuningsteam')."""
    lowered = word.casefold()
    for jargon in JARGON:
        if jargon in lowered:
            return jargon
    return None


def measure(loaded: LoadedRoute) -> Readability:
    """Readability of the parents' texts of one route."""
    result = Readability()
    abbreviations, terms = _explained(loaded)
    all_text: list[str] = []
    syllables = long_words = 0
    seen: set[str] = set()
    for item in parent_texts(loaded.route):
        result.texts += 1
        all_text.append(item.text)
        for sentence in sentences(item.text):
            found = words(sentence)
            result.sentences += 1
            result.words += len(found)
            if len(found) > B1_MAX_WORDS:
                result.long_sentences.append((item.where, sentence, len(found)))
        for word in words(item.text):
            count = syllable_count(word)
            syllables += count
            long_words += count >= LONG_WORD_SYLLABLES
            jargon = _jargon_in(word)
            if jargon and not any(jargon in term for term in terms) and jargon not in seen:
                seen.add(jargon)
                result.unexplained.append((item.where, jargon))
        for match in _ABBREVIATION.finditer(item.text):
            abbreviation, compound = match.group(1), match.group(0)
            known = {abbreviation, compound} & abbreviations or {abbreviation.casefold(), compound.casefold()} & terms
            if not known and abbreviation not in seen:
                seen.add(abbreviation)
                result.unexplained.append((item.where, abbreviation))
    if result.words and result.sentences:
        result.flesch_douma = 206.84 - 0.93 * (result.words / result.sentences) - 77 * (syllables / result.words)
        result.long_word_share = long_words / result.words
    return result


def report_lines(loaded: LoadedRoute) -> list[str]:
    """Dutch lines for `routewijzer check`: the figure, then one warning per problem."""
    r = measure(loaded)
    if not r.texts:
        return [f"{loaded.path}: leesbaarheid: geen teksten voor ouders ('ouders:') in deze route."]
    lines = [f"{loaded.path}: leesbaarheid van de teksten voor ouders: Flesch-Douma {r.flesch_douma:.0f} "
             f"({r.texts} teksten, gemiddeld {r.words_per_sentence:.1f} woorden per zin, "
             f"{r.long_word_share:.0%} lange woorden)."]
    for where, sentence, count in r.long_sentences:
        excerpt = sentence if len(sentence) <= 80 else sentence[:79] + "…"
        lines.append(f"  waarschuwing: {where}: zin van {count} woorden (B1: hoogstens {B1_MAX_WORDS}); "
                     f"maak er twee zinnen van: “{excerpt}”")
    for where, word in r.unexplained:
        lines.append(f"  waarschuwing: {where}: '{word}' wordt niet uitgelegd; voeg het toe aan 'begrippen' "
                     "of schrijf het in gewone woorden.")
    return lines
