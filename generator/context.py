"""What every renderer may need besides its own route: the other routes, the URL layout and
which PDFs exist.

Outside `generator/pages/` because not only page renderers read it: the wegwijzer's data,
the navigation, the page titles and the URL claims do too, and none of them may depend on
the page renderers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .layout import Layout
from .model import LoadedRoute


@dataclass(frozen=True)
class SiteContext:
    """The site being built, as the renderers see it."""

    routes: tuple[LoadedRoute, ...]
    layout: Layout = field(default_factory=Layout)
    """Where every page lives (generator/layout.py); its `prefix` is the plugin's option."""
    pdfs: frozenset[str] = frozenset()
    """Slugs of routes whose PDF exists in the docs dir (`layout.pdf(slug)`), so pages may link it."""

    def route_dir(self, slug: str) -> str:
        """Folder (source path) of a route's pages, e.g. 'de-kempen/'."""
        return self.layout.route_dir(slug)

    def route_of(self, src_uri: str) -> LoadedRoute | None:
        """The route a page belongs to (by its folder), or None for site-wide pages."""
        return next((r for r in self.routes if src_uri.startswith(self.route_dir(r.slug))), None)
