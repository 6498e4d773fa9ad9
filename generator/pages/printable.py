"""The print version of a route: the whole route as one document, for paper and for the PDF.

Schools attach the route to their ondersteuningsplan and hand it to parents on paper, so
one page holds everything a reader of the handbook can find: cover, contents, overview
with the flowchart, every step, Wie doet wat, Documenten and Voor ouders. It reuses the
handbook partials with in-document anchor links, so the text is the same as on the site.
"""

from __future__ import annotations

from pathlib import Path

from ..context import SiteContext
from ..flowchart import flowchart_svg
from ..handbook import RouteView, StepAnswers
from ..layout import Layout
from ..links import AnchorLinks
from ..model import LoadedRoute
from ..render import render
from ..urls import relative
from ..vocabulary import ROUTE_KIND_NAMES, RULE_STYLE
from .base import GeneratedPage

PRINT_ORDER = 900
"""Navigation position within a route: last."""

PRINT_TITLE = "Afdrukken en PDF"

def render_print_page(loaded: LoadedRoute, context: SiteContext) -> list[GeneratedPage]:
    """The print version (`Layout.print`); links to the PDF only when that PDF was made."""
    layout, slug = context.layout, loaded.slug
    here = layout.print(slug)
    route = loaded.route
    view = RouteView(loaded)
    links = AnchorLinks(layout)
    content = render(
        "pages/afdrukken.md.j2",
        route=route,
        view=view,
        answers=StepAnswers(view),
        links=links,
        kind_name=ROUTE_KIND_NAMES[route.kind],
        rule_style=RULE_STYLE,
        svg=flowchart_svg(loaded, links.step),
        pdf_url=relative(here, layout.pdf(slug)) if slug in context.pdfs else "",
        overview_url=relative(here, layout.overview(slug)),
    )
    return [GeneratedPage(src_uri=here, content=content, title=PRINT_TITLE, order=PRINT_ORDER)]


def available_pdfs(docs_dir: Path, layout: Layout) -> frozenset[str]:
    """Slugs of the routes with a PDF in the docs dir (`Layout.pdf`); MkDocs publishes those files as they are."""
    folder = docs_dir / layout.pdf_dir
    return frozenset(p.stem for p in folder.glob("*.pdf") if p.is_file()) if folder.is_dir() else frozenset()
