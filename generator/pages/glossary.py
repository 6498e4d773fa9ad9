"""The site-wide Begrippen page: every term, role and document abbreviation of all routes.

Routes explain the same word differently (an 'ondersteuningsteam' is not the same team in
every samenwerkingsverband), so a term is listed once with each route's own explanation
beside it, never merged into one meaning.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from ..context import SiteContext
from ..model import LoadedRoute
from ..render import render
from ..terms import strip_abbreviation
from ..urls import relative
from .base import GeneratedPage


def sort_key(text: str) -> str:
    """Alphabetical order as a Dutch reader expects it: accents and case ignored."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").casefold()


@dataclass(frozen=True)
class Meaning:
    """What one route says a term means."""

    route: LoadedRoute
    kind: str
    """'begrip', 'rol' or 'document': where in the route the explanation comes from."""
    text: str
    source_note: str | None
    url: str


@dataclass
class Entry:
    """One term on the page, with every route's meaning."""

    name: str
    anchor: str
    abbreviations: list[str] = field(default_factory=list)
    meanings: list[Meaning] = field(default_factory=list)

    @property
    def route_titles(self) -> list[str]:
        seen: list[str] = []
        for meaning in self.meanings:
            if meaning.route.route.title not in seen:
                seen.append(meaning.route.route.title)
        return seen


def glossary_entries(context: SiteContext, from_src: str | None = None) -> list[Entry]:
    """All entries, alphabetical; links are relative to the page `from_src` (default: Begrippen)."""
    layout = context.layout
    from_src = layout.glossary if from_src is None else from_src
    entries: dict[str, Entry] = {}

    def add(loaded: LoadedRoute, name: str, abbreviation: str | None, kind: str, text: str,
            note: str | None, target: str) -> None:
        display = strip_abbreviation(name)
        key = sort_key(display)
        entry = entries.setdefault(key, Entry(name=display, anchor=layout.term_anchor(display)))
        if abbreviation and abbreviation not in entry.abbreviations and abbreviation.casefold() != display.casefold():
            entry.abbreviations.append(abbreviation)
        entry.meanings.append(Meaning(loaded, kind, text, note, relative(from_src, target)))

    for loaded in context.routes:
        slug, route = loaded.slug, loaded.route
        for term in route.terms:
            add(loaded, term.term, term.abbreviation, "begrip", term.meaning, term.source_note, layout.overview(slug))
        for role in route.roles:
            if role.abbreviation:
                add(loaded, role.name, role.abbreviation, "rol", role.description, role.source_note,
                    layout.roles(slug))
        for document in route.documents:
            if document.abbreviation:
                add(loaded, document.name, document.abbreviation, "document", document.description,
                    document.source_note, layout.documents(slug))
    return sorted(entries.values(), key=lambda e: sort_key(e.name))


def abbreviation_rows(entries: list[Entry]) -> list[tuple[str, Entry]]:
    """(abbreviation, entry) pairs, alphabetical by abbreviation."""
    rows = [(abbr, entry) for entry in entries for abbr in entry.abbreviations]
    return sorted(rows, key=lambda row: (sort_key(row[0]), sort_key(row[1].name)))


def render_glossary(context: SiteContext) -> list[GeneratedPage]:
    """The Begrippen page (`Layout.glossary`)."""
    entries = glossary_entries(context)
    content = render("pages/glossary.md.j2", entries=entries, abbreviations=abbreviation_rows(entries),
                     kind_words={"begrip": "begrip", "rol": "rol", "document": "document"})
    return [GeneratedPage(src_uri=context.layout.glossary, content=content, title="Begrippen", order=20)]
