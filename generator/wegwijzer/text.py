"""Dutch text normalisation for the wegwijzer's free-text search.

Teachers and parents describe a situation in their own words ("hij leest nog steeds niet"),
routes use the document's words ("technisch lezen"). Both sides go through the same steps:
lower case, accents removed, split into words, Dutch stopwords dropped, and a small suffix
stripper that maps inflected forms to one stem (lezen/leest/lees → "les").

The browser runs the same algorithm on the typed text (overrides/assets/wegwijzer-rank.js), so
every rule here must stay tiny and has an exact twin in JavaScript; a test compares both.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

VOWELS = frozenset("aeiouy")

# Snowball's Dutch stopword list, plus everyday filler words and light verbs (gaan, krijgen,
# laten, ...) that never say which step. Phrases such as 'gaat goed' are still matched as
# synonym groups, which look at all words.
STOPWORDS = frozenset("""
aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er
ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen
maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te
tegen toch toen tot u uit uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf
zich zij zijn zo zonder zou
eigenlijk gewoon heel echt erg best wel even steeds weer nou hoor soms vaak we wij jullie onze erbij daarom
gaan gaat ging gegaan komen komt kwam gekomen krijgen krijgt kreeg gekregen laten laat liet doen doet deed gedaan
vinden vindt vond staan staat stond zitten zit zat willen wilt wilde mogen mag mocht moeten moest kunnen kunt
konden zullen zult zouden keer misschien samen hele helemaal ervoor daarop daarvoor erover eerst waar welke welk
goed graag beetje nogal zoiets vertelde vertelt zegt zei gezegd denkt denken dacht nu kijk kijken kijkt keek
vraag vragen vraagt vroeg gevraagd
weten weet wist elk elke ieder iedere
""".split())

FILLERS = frozenset("eigenlijk gewoon heel echt erg best even nou hoor helemaal nogal".split())
"""Words that only colour a sentence; synonym phrases are matched as if they were not there."""

_WORD = re.compile(r"[a-z0-9]+")


def normalise(text: str) -> str:
    """Lower case without accents: 'Geëvalueerd' → 'geevalueerd'; other characters become spaces."""
    if text.isascii():  # most route text: nothing to decompose (a 150-route build calls this 1.5 M times)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The words of a text after normalisation ('IB-er' → ['ib', 'er'])."""
    return list(_words(text))


@lru_cache(maxsize=50_000)  # pure; the index asks for the same field's words several times
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(normalise(text)))


def _region1(word: str) -> int:
    """Snowball's R1: after the first non-vowel that follows a vowel, and at least 3 letters in."""
    for i in range(1, len(word)):
        if word[i - 1] in VOWELS and word[i] not in VOWELS:
            return max(i + 1, 3)
    return len(word)


def _undouble(word: str) -> str:
    """'zitt' → 'zit': a doubled consonant at the end is written once."""
    if len(word) >= 2 and word[-1] == word[-2] and word[-1] not in VOWELS:
        return word[:-1]
    return word


def _undiminish(word: str) -> str:
    """'lijstje' → 'lijst', 'kindjes' → 'kind', 'balletje' → 'bal': a diminutive means its noun.

    Parents write "een lijstje", routes write "de lijst"; without this the two never meet.
    Only words of six letters or more, so short words ending in -je stay as they are.
    """
    if len(word) < 6:
        return word
    if word.endswith("jes"):
        word = word[:-1]
    if word.endswith("etje") and len(word) >= 8:
        return _undouble(word[:-4])
    if word.endswith(("tje", "pje")):
        return word[:-3]
    if word.endswith("je") and word[-3] not in VOWELS:
        return word[:-2]
    return word


@lru_cache(maxsize=100_000)  # pure, and called for every word of every text: memoised
def stem(word: str) -> str:
    """A compact Dutch stem; the same word always gives the same stem, in Python and in JS.

    Simplified Snowball (Porter) for Dutch, with two additions from Kraaij-Pohlmann that
    matter for everyday verbs: a present-tense '-t' is dropped (leest → lees) and a final
    z/v becomes s/f (lez → les, blijv → blijf).
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    word = _undiminish(word)
    r1 = _region1(word)
    # Step 1: plural and inflection endings.
    if word.endswith("heden") and len(word) - 5 >= r1:
        word = word[:-5] + "heid"
    elif word.endswith("ene") and len(word) - 3 >= r1 and word[-4] not in VOWELS and not word[:-3].endswith("gem"):
        word = _undouble(word[:-3])
    elif word.endswith("en") and len(word) - 2 >= r1 and word[-3] not in VOWELS and not word[:-2].endswith("gem"):
        word = _undouble(word[:-2])
    elif word.endswith("se") and len(word) - 2 >= r1 and word[-3] not in VOWELS and word[-3] != "j":
        word = word[:-2]
    elif word.endswith("s") and len(word) - 1 >= r1 and word[-2] not in VOWELS and word[-2] != "j":
        word = word[:-1]
    # Step 2: a final -e.
    if word.endswith("e") and len(word) - 1 >= r1 and len(word) > 3 and word[-2] not in VOWELS:
        word = _undouble(word[:-1])
    # Step 3: derivational suffixes, only when a real stem is left.
    for suffix in ("heid", "lijk", "baar", "ing", "ig"):
        if word.endswith(suffix) and len(word) - len(suffix) >= max(r1, 3):
            word = _undouble(word[: -len(suffix)])
            break
    # Step 4: present tense -t / -dt.
    if word.endswith("dt"):
        word = word[:-1]
    elif word.endswith("t") and len(word) > 4 and word[-2] not in VOWELS and len(word) - 1 >= r1:
        word = word[:-1]
    # Step 5: spelling of the final consonant.
    if word.endswith("z"):
        word = word[:-1] + "s"
    elif word.endswith("v"):
        word = word[:-1] + "f"
    # Step 6: a long vowel before the final consonant is written once (lees → les).
    if len(word) >= 4 and word[-1] not in VOWELS and word[-2] == word[-3] and word[-2] in "aeou":
        word = word[:-2] + word[-1]
    return word


PARTICLES = frozenset("aan af bij door in mee na op over terug toe uit voor".split())
"""Separable-verb particles: "vraagt een TLV aan" and "om mee te denken" are one verb each."""


_NUMBER = re.compile(r"[0-9]{1,2}[a-z]?")


def join_particles(found: list[str]) -> list[str]:
    """'mee te denken' → 'meedenken': a particle, 'te' and a verb are one word in Dutch.

    A number after a word is joined to it as well ('stap 3' → 'stap', 'stap3'; 'fase 5b' →
    'fase', 'fase5b'): a number alone says nothing, "stap 3" or "niveau 2" names a step.
    """
    out: list[str] = []
    i = 0
    while i < len(found):
        if found[i] in PARTICLES and i + 2 < len(found) and found[i + 1] == "te":
            out.append(found[i] + found[i + 2])
            i += 3
        elif i and found[i - 1].isalpha() and _NUMBER.fullmatch(found[i]):
            out.append(found[i - 1] + found[i])
            i += 1
        else:
            out.append(found[i])
            i += 1
    return out


def terms(text: str) -> list[str]:
    """Stems of the meaningful words of a text, in order (stopwords and 1-letter words dropped)."""
    return list(_terms(text))


@lru_cache(maxsize=50_000)  # pure; called up to four times per field text while indexing
def _terms(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in join_particles(words(text)) if w not in STOPWORDS and len(w) > 1)


NEGATORS = frozenset({"geen", "niets", "nooit", "zonder"})
"""Words that turn the next words of their clause around: "geen extra hulp" is no sign of extra help.

'niet' is left out on purpose: in Dutch it usually follows what it negates ("het helpt
niet"), and those phrases are synonym groups of their own (helpt-niet)."""
NEGATION_SCOPE = 2
"""How many meaningful words after a negator it covers ("geen extra hulp": extra, hulp)."""
_CLAUSE = re.compile(r"[,.;:!?()\n]|\b(?:maar|en|want|omdat|dus|terwijl|toch)\b")


def clauses(text: str) -> list[list[str]]:
    """The words of a text per clause: punctuation and 'maar', 'en', 'want' ... end a clause.

    Negation and separable verbs only reach within one clause ("geen zorgen, maar ...").
    """
    return [join_particles(found) for part in _CLAUSE.split(normalise(text)) if part and (found := _WORD.findall(part))]


def negated(clause: list[str]) -> list[bool]:
    """Per word of a clause: does a negator before it (within NEGATION_SCOPE meaningful words) cover it?"""
    flags = [False] * len(clause)
    left = 0
    for i, word in enumerate(clause):
        if word in NEGATORS:
            left = NEGATION_SCOPE
        elif left and word not in STOPWORDS and len(word) > 1:
            flags[i] = True
            left -= 1
    return flags
