"""The route cards on the hand-written home page (content/index.md).

The home page stays an ordinary Markdown file that editors can change; only the list of
routes is generated, because it must follow the files in `routes/`. The plugin replaces
the marker ROUTES_MARKER in the home page with `route_cards(...)`.
"""

from __future__ import annotations

from ..model import RouteKind
from ..render import render
from ..urls import relative
from .base import SiteContext

ROUTES_MARKER = "<!-- routewijzer:routes -->"
HOME_SRC = "index.md"

KIND_NAMES = {RouteKind.SCHOOL: "Route van een school", RouteKind.SWV: "Route van een samenwerkingsverband"}


def route_cards(context: SiteContext, from_src: str = HOME_SRC) -> str:
    """HTML block with one card per route, links relative to the page `from_src`."""
    cards = []
    for loaded in context.routes:
        base = context.route_dir(loaded.slug)
        cards.append({
            "route": loaded.route,
            "kind": KIND_NAMES[loaded.route.kind],
            "steps": len(loaded.route.steps),
            "overview": relative(from_src, base + "index.md"),
            "parents": relative(from_src, base + "voor-ouders.md"),
            "wegwijzer": relative(from_src, base + "wegwijzer/index.md") if loaded.route.wegwijzer else "",
        })
    return render("pages/home-cards.html.j2", cards=cards)


def fill_home(markdown: str, context: SiteContext, src_uri: str) -> str:
    """The home page's Markdown with the route cards in place of the marker."""
    if ROUTES_MARKER not in markdown:
        return markdown
    return markdown.replace(ROUTES_MARKER, "\n" + route_cards(context, src_uri) + "\n")
