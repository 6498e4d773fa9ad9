"""The URL layout of the site: where every generated page and file lives, in one place.

Each page's place is an option, a format string, in the manner of the `post_url_format`
options of Material's blog plugin and its `_format_path_for_*` methods: a route's pages
are formatted inside the route's folder (`{prefix}{route}/`), the site-wide pages at the
root. Renderers, the navigation, the abbreviations, the search split, the URL claims, the
split build, the open data and `routewijzer pdf` all ask this object, so moving a page is
a change of one string here. Paths are source paths as if in the docs dir ('a/b.md');
`url()` turns one into the address MkDocs publishes (see generator/urls.py).

The anchors that cross pages (a role on Wie doet wat, a document on Documenten, a term on
Begrippen, a step in the print version) are part of the layout too: a link and its target
must agree.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from .terms import slugify, strip_abbreviation
from .urls import page_url

_SLASHES = re.compile(r"//+")


@dataclass(frozen=True)
class Layout:
    """Source paths of every page Routewijzer makes; each field a format option."""

    prefix: str = ""
    """Folder below the docs dir where route folders live ('' or e.g. 'routes/'), the plugin's `prefix`."""

    route_format: str = "{route}/"
    """A route's folder below the prefix; `{route}` is the route's slug."""

    # A route's pages and files, inside its folder:
    overview_format: str = "index.md"
    step_format: str = "stappen/{step}.md"
    roles_format: str = "wie-doet-wat.md"
    documents_format: str = "documenten.md"
    parents_format: str = "voor-ouders.md"
    print_format: str = "afdrukken.md"
    publish_format: str = "publiceren.md"
    wegwijzer_format: str = "wegwijzer/index.md"
    paths_format: str = "wegwijzer/paden.md"
    embed_format: str = "wegwijzer/embed/index.md"
    route_json_format: str = "route.json"

    # The site-wide pages and files, at the root of the site:
    home_format: str = "index.md"
    """The hand-written home page (content/index.md) that the plugin fills in."""
    glossary_format: str = "begrippen.md"
    compare_format: str = "vergelijken.md"
    index_format: str = "routes.json"
    schema_format: str = "schema/route.schema.json"
    audience_format: str = "kies/{reader}.md"
    pdf_dir: str = "pdf"
    """Folder of ready-made PDFs in the docs dir, `<pdf_dir>/<slug>.pdf`: `routewijzer pdf` writes
    them there and MkDocs publishes them as they are."""

    # Anchors that links on other pages point at:
    role_anchor_format: str = "rol-{role}"
    document_anchor_format: str = "doc-{document}"
    term_anchor_format: str = "term-{term}"
    step_anchor_format: str = "stap-{step}"
    """A step's section in the one-document print version."""

    # formatting -------------------------------------------------------
    @staticmethod
    def _format(template: str, **values: str) -> str:
        """A format option filled in, with doubled slashes (an empty value) collapsed."""
        return _SLASHES.sub("/", template.format(**values))

    def _in_route(self, slug: str, template: str, **values: str) -> str:
        return posixpath.join(self.route_dir(slug), self._format(template, **values))

    @staticmethod
    def url(src: str) -> str:
        """The site-relative address MkDocs publishes a source path at ('a/index.md' → 'a/')."""
        return page_url(src)

    # per route --------------------------------------------------------
    def route_dir(self, slug: str) -> str:
        """Folder (source path) of a route's pages, e.g. 'de-kempen/' or 'routes/de-kempen/'."""
        return self.prefix + self._format(self.route_format, route=slug)

    def route_url(self, slug: str) -> str:
        """Address of a route's folder, 'de-kempen/': every page and file of the route lies below it."""
        return self.route_dir(slug)

    def overview(self, slug: str) -> str:
        return self._in_route(slug, self.overview_format)

    def step(self, slug: str, step_id: str) -> str:
        return self._in_route(slug, self.step_format, step=step_id)

    def roles(self, slug: str) -> str:
        return self._in_route(slug, self.roles_format)

    def documents(self, slug: str) -> str:
        return self._in_route(slug, self.documents_format)

    def parents(self, slug: str) -> str:
        return self._in_route(slug, self.parents_format)

    def print(self, slug: str) -> str:
        """The print version (one document; `routewijzer pdf` prints its address)."""
        return self._in_route(slug, self.print_format)

    def publish(self, slug: str) -> str:
        """'Voor de school: publiceren'."""
        return self._in_route(slug, self.publish_format)

    def wegwijzer(self, slug: str) -> str:
        return self._in_route(slug, self.wegwijzer_format)

    def paths(self, slug: str) -> str:
        """'Alle paden' of the wegwijzer."""
        return self._in_route(slug, self.paths_format)

    def embed(self, slug: str) -> str:
        """The wegwijzer page that other sites put in an iframe."""
        return self._in_route(slug, self.embed_format)

    def route_json(self, slug: str) -> str:
        """The route as open data."""
        return self._in_route(slug, self.route_json_format)

    def within_route(self, src: str, slug: str) -> str | None:
        """`src` relative to the route's folder ('wegwijzer/index.md'), or None when outside it."""
        folder = self.route_dir(slug)
        return src[len(folder):] if src.startswith(folder) else None

    # site-wide --------------------------------------------------------
    @property
    def home(self) -> str:
        return self._format(self.home_format)

    @property
    def glossary(self) -> str:
        """'Begrippen': every term of every route."""
        return self._format(self.glossary_format)

    @property
    def compare(self) -> str:
        """'Vergelijken': the routes side by side."""
        return self._format(self.compare_format)

    @property
    def index(self) -> str:
        """The open-data index of all routes."""
        return self._format(self.index_format)

    @property
    def schema(self) -> str:
        """The JSON Schema of a route file, as published."""
        return self._format(self.schema_format)

    def audience(self, reader: str) -> str:
        """One of the 'Ik ben …' pages the home page leads to."""
        return self._format(self.audience_format, reader=reader)

    def pdf(self, slug: str) -> str:
        """Where a route's PDF lives in the docs dir (and so in the built site)."""
        return posixpath.join(self.pdf_dir, f"{slug}.pdf")

    # anchors ----------------------------------------------------------
    def role_anchor(self, role_id: str) -> str:
        return self._format(self.role_anchor_format, role=role_id)

    def document_anchor(self, document_id: str) -> str:
        return self._format(self.document_anchor_format, document=document_id)

    def term_anchor(self, term: str) -> str:
        """Anchor of a term on Begrippen: its name without '(ABBR)', as an ASCII slug."""
        return self._format(self.term_anchor_format, term=slugify(strip_abbreviation(term)))

    def step_anchor(self, step_id: str) -> str:
        return self._format(self.step_anchor_format, step=step_id)

