"""The site-wide start of the wegwijzer on the hand-written home page.

Its first question is which school or samenwerkingsverband the child belongs to; the
answer opens that route's own questions. The home page keeps a marker where this goes.
"""

from __future__ import annotations

from ..pages.base import SiteContext
from ..render import render
from ..urls import relative

SITE_MARKER = '<div id="rw-site-wegwijzer"></div>'


def site_wegwijzer(context: SiteContext, from_src: str) -> str:
    """HTML block with one answer per route that has a wegwijzer."""
    routes = [
        {"name": r.route.organisation.display_name, "title": r.route.title,
         "url": relative(from_src, f"{context.route_dir(r.slug)}wegwijzer/index.md")}
        for r in context.routes if r.route.wegwijzer is not None
    ]
    return render("wegwijzer/site.html.j2", routes=routes) if routes else ""


def fill_site_wegwijzer(markdown: str, context: SiteContext, src_uri: str) -> str:
    """The page's Markdown with the site-wide wegwijzer in place of the marker."""
    if SITE_MARKER not in markdown:
        return markdown
    return markdown.replace(SITE_MARKER, "\n" + site_wegwijzer(context, src_uri) + "\n")
