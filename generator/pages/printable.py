"""The print version of a route: the whole route as one document, for paper and for the PDF.

Schools attach the route to their ondersteuningsplan and hand it to parents on paper, so
one page holds everything a reader of the handbook can find: cover, contents, overview
with the flowchart, every step, Wie doet wat, Documenten and Voor ouders. It reuses the
handbook partials with in-document anchor links, so the text is the same as on the site.
"""

from __future__ import annotations

from pathlib import Path

from ..flowchart import flowchart_svg
from ..model import LoadedRoute
from ..render import render
from ..urls import relative
from ..vocabulary import ROUTE_KIND_NAMES, RULE_STYLE
from .base import GeneratedPage, SiteContext
from .handbook import AnchorLinks, RouteView, StepAnswers

PRINT_ORDER = 900
"""Navigation position within a route: last."""

PRINT_TITLE = "Afdrukken en PDF"

PDF_DIR = "pdf"
"""Folder in the docs dir with ready-made PDFs, `pdf/<slug>.pdf`; `routewijzer pdf` writes there."""


def print_src(loaded: LoadedRoute, context: SiteContext) -> str:
    """Source path of a route's print version."""
    return context.route_dir(loaded.slug) + "afdrukken.md"


def pdf_src(slug: str) -> str:
    """Where a route's PDF lives in the docs dir (and so in the built site)."""
    return f"{PDF_DIR}/{slug}.pdf"


def render_print_page(loaded: LoadedRoute, context: SiteContext) -> list[GeneratedPage]:
    """The page '<route>/afdrukken.md'; links to the PDF only when that PDF was made."""
    here = print_src(loaded, context)
    route = loaded.route
    content = render(
        "pages/afdrukken.md.j2",
        route=route,
        view=RouteView(loaded),
        answers=StepAnswers(RouteView(loaded)),
        links=AnchorLinks(),
        kind_name=ROUTE_KIND_NAMES[route.kind],
        rule_style=RULE_STYLE,
        svg=flowchart_svg(loaded, AnchorLinks().step),
        pdf_url=relative(here, pdf_src(loaded.slug)) if loaded.slug in context.pdfs else "",
        overview_url=relative(here, context.route_dir(loaded.slug) + "index.md"),
    )
    return [GeneratedPage(src_uri=here, content=content, title=PRINT_TITLE, order=PRINT_ORDER)]


def available_pdfs(docs_dir: Path) -> frozenset[str]:
    """Slugs of the routes with a PDF in `<docs_dir>/pdf/`; MkDocs publishes those files as they are."""
    folder = docs_dir / PDF_DIR
    return frozenset(p.stem for p in folder.glob("*.pdf") if p.is_file()) if folder.is_dir() else frozenset()
