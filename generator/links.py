"""Where the shared partials link to: pages of the site, or places in one document.

The handbook pages and the print version render the same partials (step text, roles,
documents, rules, terms). A page passes `PageLinks`, relative URLs from that page into the
URL layout; the print version passes `AnchorLinks`, anchors inside its one document. The
partials never know which: that is the one link mechanism.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from .layout import Layout
from .urls import relative


class Links(Protocol):
    """What a partial may link to. An empty string means: no link, show the text only."""

    layout: Layout
    """For the anchors a partial writes (`layout.role_anchor(...)`), so link and target agree."""

    def step(self, step_id: str) -> str: ...

    def role(self, role_id: str) -> str: ...

    def document(self, document_id: str) -> str: ...

    def term(self, term: str) -> str: ...


@dataclass(frozen=True)
class PageLinks:
    """Relative URLs from one generated page (`here`, a source path) to the pages of route `slug`."""

    layout: Layout
    slug: str
    here: str

    def step(self, step_id: str) -> str:
        return relative(self.here, self.layout.step(self.slug, step_id))

    def role(self, role_id: str) -> str:
        return relative(self.here, self.layout.roles(self.slug), self.layout.role_anchor(role_id))

    def document(self, document_id: str) -> str:
        return relative(self.here, self.layout.documents(self.slug), self.layout.document_anchor(document_id))

    def term(self, term: str) -> str:
        """The term's entry on the site-wide Begrippen page."""
        return relative(self.here, self.layout.glossary, self.layout.term_anchor(term))

    def page(self, src: str, anchor: str = "") -> str:
        """Any other page of the layout, e.g. `links.page(layout.parents(slug))`."""
        return relative(self.here, src, anchor)


@dataclass(frozen=True)
class AnchorLinks:
    """Links inside one document: steps '#stap-<id>', roles '#rol-<id>', documents '#doc-<id>'.

    Terms are not linked: the document lists the route's own terms, with their meaning."""

    layout: Layout = field(default_factory=Layout)

    def step(self, step_id: str) -> str:
        return "#" + self.layout.step_anchor(step_id)

    def role(self, role_id: str) -> str:
        return "#" + self.layout.role_anchor(role_id)

    def document(self, document_id: str) -> str:
        return "#" + self.layout.document_anchor(document_id)

    def term(self, term: str) -> str:
        return ""
