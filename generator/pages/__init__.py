"""All page renderers, in the order their pages appear in a route's navigation.

Adding a page type means writing one renderer module and listing it here.
"""

from __future__ import annotations

from ..model import LoadedRoute
from .base import GeneratedPage, RoutePageRenderer, SiteContext, SitePageRenderer

ROUTE_PAGES: list[RoutePageRenderer] = []
SITE_PAGES: list[SitePageRenderer] = []


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
