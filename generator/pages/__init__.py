"""All page renderers, in the order their pages appear in a route's navigation.

Adding a page type means writing one renderer module and listing it here.
"""

from __future__ import annotations

from ..model import LoadedRoute
from .base import GeneratedPage, RoutePageRenderer, SiteContext, SitePageRenderer
from .open_data import route_json_page, site_data_pages

ROUTE_PAGES: list[RoutePageRenderer] = []
SITE_PAGES: list[SitePageRenderer] = []

# The handbook: Overzicht per route; Begrippen and Vergelijken site-wide.
from .overview import render_overview  # noqa: E402
from .glossary import render_glossary  # noqa: E402
from .compare import render_compare  # noqa: E402

ROUTE_PAGES.append(render_overview)
SITE_PAGES.append(render_compare)
SITE_PAGES.append(render_glossary)

# The handbook per route: step pages, Wie doet wat, Documenten, Voor ouders.
from .steps import render_step_pages  # noqa: E402
from .roles import render_roles_page  # noqa: E402
from .documents import render_documents_page  # noqa: E402
from .parents import render_parents_page  # noqa: E402

ROUTE_PAGES.extend([render_step_pages, render_roles_page, render_documents_page, render_parents_page])

# The wegwijzer: decision aid, all paths, embed page.
from .wegwijzer import render_wegwijzer_pages  # noqa: E402

ROUTE_PAGES.append(render_wegwijzer_pages)

# Publishing: open data and the print version.
from .printable import render_print_page  # noqa: E402

from .publish import render_publish_page  # noqa: E402

ROUTE_PAGES.append(route_json_page)
ROUTE_PAGES.append(render_print_page)
ROUTE_PAGES.append(render_publish_page)
SITE_PAGES.append(site_data_pages)

# The three 'Ik ben …' pages the home page leads to.
from .home import render_audience_pages  # noqa: E402

SITE_PAGES.append(render_audience_pages)


def render_site(context: SiteContext) -> list[GeneratedPage]:
    """Every generated page of the site: per route, then site-wide pages."""
    pages: list[GeneratedPage] = []
    for loaded in context.routes:
        for route_renderer in ROUTE_PAGES:
            pages.extend(route_renderer(loaded, context))
    for site_renderer in SITE_PAGES:
        pages.extend(site_renderer(context))
    return pages


__all__ = ["GeneratedPage", "LoadedRoute", "ROUTE_PAGES", "SITE_PAGES", "SiteContext", "render_site"]
