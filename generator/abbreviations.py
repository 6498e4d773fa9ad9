"""Tooltips for abbreviations (OPP, TLV, IB, …) in rendered page content.

Readers of a route meet abbreviations everywhere, and each route says what its own
abbreviations mean (in `begrippen`, `rollen` and `documenten`). After Markdown has made
HTML, every whole-word occurrence in ordinary text is wrapped in `<abbr title="…">`;
overrides/assets/tooltip.js shows the title as text on hover and focus (Material's
`content.tooltips` is off: it inserts titles as HTML, and these titles are route text).

The HTML is not rebuilt: the scan (generator/html_scan.py) only reports where text
nodes are, and the original string is spliced there, so attributes, scripts, SVG and entities stay exactly
as they were. The abbreviation is wrapped together with the word it is part of
(`TLV-aanvraag`, `SO/SBO`), but not with punctuation around it (`(OPP),`, `Leerkracht/IB:`
gives `IB`): the underline and tooltip then sit on what they explain.

The same pass gives long slash-joined words a break opportunity after each slash
(`orthopedagogen/<wbr>psychologen`): on a 390 px phone the browser would otherwise break
such a word mid-syllable, because Chromium has no Dutch hyphenation dictionary. `<wbr>`
changes neither the copied text nor what a screen reader says.

Scope: a route's abbreviations apply to that route's own pages only; one school's
`afkorting: de` must not wrap every "de" of the other routes. Site-wide pages (home,
Begrippen, Vergelijken, and any hand-written page) show text of several routes, so they
get only the abbreviations that every route defines, with the same meaning (compared
without case); where routes disagree or one lacks it, nothing is wrapped there.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping

from markupsafe import Markup

from .context import SiteContext
from .html_scan import tags
from .model import LoadedRoute
from .terms import strip_abbreviation

SKIP_TAGS = frozenset({
    "a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "svg", "math", "title", "textarea",
    "select", "option", "button", "h1", "h2", "h3", "h4", "h5", "h6", "template", "noscript",
})
"""Inside these an <abbr> would be wrong (links, code, headings, SVG) or not allowed."""

_TOKEN = re.compile(r"\S+")

SLASH_WORD_MIN = 14
"""Slash-joined words shorter than this fit a phone line and keep their slashes bare."""

_SLASH = re.compile(r"(?<=[^\W\d_])/(?=[^\W\d_])")
"""A slash between two letters: 'leerlingen/ouders', not '1/2' or 'https://'."""


def route_abbreviations(loaded: LoadedRoute) -> dict[str, str]:
    """Abbreviation → expansion from one route's begrippen, rollen and documenten."""
    found: dict[str, str] = {}
    route = loaded.route
    sources = [(t.abbreviation, t.term) for t in route.terms]
    sources += [(r.abbreviation, r.name) for r in route.roles]
    sources += [(d.abbreviation, d.name) for d in route.documents]
    for abbreviation, name in sources:
        if not abbreviation:
            continue
        abbreviation = abbreviation.strip()
        expansion = strip_abbreviation(name).strip()
        if len(abbreviation) < 2 or expansion.casefold() == abbreviation.casefold():
            continue
        found.setdefault(abbreviation, expansion)
    return found


def shared_abbreviations(routes: Iterable[LoadedRoute]) -> dict[str, str]:
    """The abbreviations every route defines with the same meaning: safe on site-wide pages."""
    tables = [route_abbreviations(loaded) for loaded in routes]
    if not tables:
        return {}
    first, *others = tables
    return {abbreviation: expansion for abbreviation, expansion in first.items()
            if all(other.get(abbreviation, "").casefold() == expansion.casefold() for other in others)}


def _pattern(abbreviations: Mapping[str, str]) -> re.Pattern[str] | None:
    return _compiled(frozenset(abbreviations)) if abbreviations else None


@functools.lru_cache(maxsize=256)
def _compiled(abbreviations: frozenset[str]) -> re.Pattern[str]:
    """One regex per distinct table; every page of a route shares its route's table."""
    alternatives = sorted(abbreviations, key=lambda a: (-len(a), a))
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(a) for a in alternatives) + r")(?!\w)")


_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][-.a-zA-Z0-9]*);?")


def _texts(html: str) -> Iterator[tuple[int, str]]:
    """(start offset, raw text) of every text outside SKIP_TAGS, split around character
    references so that no abbreviation is ever matched inside '&nbsp;' or '&#39;'."""
    stack: list[str] = []
    last = 0
    for tag in tags(html):
        if tag.start > last and not SKIP_TAGS.intersection(stack):
            yield from _between_entities(html, last, tag.start)
        last = tag.end
        if tag.closing:
            if tag.name in stack:
                while stack and stack.pop() != tag.name:
                    pass
        elif not tag.empty:
            stack.append(tag.name)
    if last < len(html) and not SKIP_TAGS.intersection(stack):
        yield from _between_entities(html, last, len(html))


def _between_entities(html: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    position = start
    for entity in _ENTITY.finditer(html, start, end):
        if entity.start() > position:
            yield position, html[position:entity.start()]
        position = entity.end()
    if end > position:
        yield position, html[position:end]


_JOINERS = "-_"
"""Marks inside a word that an abbreviation shares its underline with (`OPP-gesprek`)."""


def _word_span(token: str, start: int, end: int) -> tuple[int, int]:
    """`start:end` grown over the letters, digits and joining marks around it in `token`.

    Slashes join only between abbreviations (`SO/SBO`): the span runs from the first to the
    last abbreviation of the token, and stops at any other mark, such as ';' of '&quot;'.
    """
    while start > 0 and (token[start - 1].isalnum() or token[start - 1] in _JOINERS):
        start -= 1
    while end < len(token) and (token[end].isalnum() or token[end] in _JOINERS):
        end += 1
    return start, end


def _slash_breaks(text: str) -> list[int]:
    """Offsets just after each slash between letters in the long words of raw HTML text."""
    found: list[int] = []
    if "/" not in text:
        return found
    for token in _TOKEN.finditer(text):
        word = token.group(0)
        if len(word) < SLASH_WORD_MIN or "://" in word or word.startswith("www."):
            continue  # short, or an address a reader may copy (and that wraps anyway)
        found += [token.start() + m.end() for m in _SLASH.finditer(word)]
    return found


def _piece(text: str, start: int, end: int, breaks: list[int]) -> str:
    """`text[start:end]` with `<wbr>` at the break offsets inside it."""
    cuts = [start] + [b for b in breaks if start < b < end] + [end]
    return "<wbr>".join(text[a:b] for a, b in zip(cuts, cuts[1:]))


def _wrap_text(text: str, pattern: re.Pattern[str] | None, abbreviations: Mapping[str, str]) -> str:
    """Raw HTML text with each word that holds an abbreviation wrapped in <abbr>, and slash
    breaks in the text around and inside them (never inside the title attribute)."""
    breaks = _slash_breaks(text)
    if pattern is None:
        return _piece(text, 0, len(text), breaks)
    out: list[str] = []
    last = 0
    for token in _TOKEN.finditer(text):
        matches = list(pattern.finditer(token.group(0)))
        if not matches:
            continue
        found = list(dict.fromkeys(m.group(1) for m in matches))
        if len(found) == 1:
            title = abbreviations[found[0]]
        else:
            title = "; ".join(f"{a}: {abbreviations[a]}" for a in found)
        start, end = _word_span(token.group(0), matches[0].start(1), matches[-1].end(1))
        start, end = token.start() + start, token.start() + end
        out.append(_piece(text, last, start, breaks))
        # The word is already-escaped HTML text (Markup); the title is escaped by format().
        out.append(Markup('<abbr title="{}">{}</abbr>').format(title, Markup(_piece(text, start, end, breaks))))
        last = end
    out.append(_piece(text, last, len(text), breaks))
    return "".join(out)


def add_abbreviations(html: str, abbreviations: Mapping[str, str]) -> str:
    """`html` with abbreviations in ordinary text wrapped in <abbr title="expansion">, and
    break opportunities in long slash-joined words."""
    pattern = _pattern(abbreviations)
    if pattern is not None and not pattern.search(html):
        pattern = None
    if pattern is None and not _SLASH.search(html):
        return html
    pieces: list[str] = []
    last = 0
    for start, text in _texts(html):
        marked = _wrap_text(text, pattern, abbreviations)
        if marked == text:
            continue
        pieces.append(html[last:start])
        pieces.append(marked)
        last = start + len(text)
    pieces.append(html[last:])
    return "".join(pieces)


class PageAbbreviations:
    """The abbreviations of each page of a build: a route page gets its own route's, every
    other page those all routes share. Each table is computed once per build, not once per
    page (with 150 routes that made the build quadratic)."""

    def __init__(self, context: SiteContext) -> None:
        self.context = context
        self._shared = shared_abbreviations(context.routes)
        self._per_route: dict[str, dict[str, str]] = {}

    def for_page(self, src_uri: str) -> dict[str, str]:
        owner = self.context.route_of(src_uri)  # by the URL layout's route folders
        if owner is None:
            return self._shared
        if owner.slug not in self._per_route:
            self._per_route[owner.slug] = route_abbreviations(owner)
        return self._per_route[owner.slug]
