"""Page titles and the route's name in the header: every route page says whose route it is.

A reader with five tabs open, a screen reader announcing the title, a search result: each
must show 'Fase 2 · Basisschool De Springschans · Routewijzer', not 'Fase 2 - Routewijzer'.
The theme's `main.html` and header partial print the values this module puts in the page meta.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .context import SiteContext
from .pages.base import GeneratedPage

SEPARATOR = " · "


def document_title(title: str, route_name: str | None, site_name: str) -> str:
    """'<page> · <route> · <site>', or '<page> · <site>' outside a route; plain text."""
    parts = [title, route_name, site_name] if route_name else [title, site_name]
    return SEPARATOR.join(p for p in parts if p)


def page_meta(src_uri: str, nav_title: str, page: GeneratedPage | None, context: SiteContext,
              site_name: str) -> dict[str, str]:
    """Values for the theme, HTML-escaped (MkDocs' theme environment does not escape):
    rw_doc_title for <title>, rw_route_name for the header, rw_route_dir and rw_prevnext for the
    footer (no link into another route; no second pair on pages with their own)."""
    loaded = context.route_of(src_uri)
    short = (page.doc_title or page.title or nav_title) if page else nav_title
    plain_short = short if page is not None and (page.doc_title or page.title) else Markup(short).striptags()
    route_name = loaded.route.organisation.display_name if loaded else None
    title = document_title(plain_short, route_name, site_name) if plain_short else site_name
    meta = {"rw_doc_title": str(escape(title)), "rw_prevnext": "own" if page and page.own_prevnext else ""}
    if loaded is not None:
        meta["rw_route_name"] = str(escape(route_name))
        meta["rw_route_dir"] = context.route_dir(loaded.slug)
    return meta
