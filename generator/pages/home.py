"""The home page's generated parts and the three 'choose your route' pages.

The home page stays an ordinary Markdown file that editors can change (content/index.md);
only the list of routes and the start of the wegwijzer are generated, because they must
follow the files in `routes/`. The plugin replaces the marker ROUTES_MARKER in the home
page with `route_cards(...)` and SITE_WEGWIJZER_MARKER with `site_wegwijzer(...)`.

The site-wide wegwijzer's first question is which school or samenwerkingsverband the child
belongs to; the answer opens that route's own questions.

From the home page a reader picks who they are (leerkracht, ouder, school of SWV); each of
those three pages lists the routes by school or SWV name, with a filter that keeps working
with 150 routes, and links straight to the page that reader needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..context import SiteContext
from ..layout import Layout
from ..model import LoadedRoute
from ..render import render
from ..urls import relative
from ..vocabulary import ROUTE_KIND_NAMES
from .base import GeneratedPage

ROUTES_MARKER = "<!-- routewijzer:routes -->"
SITE_WEGWIJZER_MARKER = '<div id="rw-site-wegwijzer"></div>'


@dataclass(frozen=True)
class Audience:
    """One of the three readers the home page offers, and the page of each route they need."""

    reader: str
    """Who reads it, as in the page's address (`Layout.audience`)."""
    title: str
    lead: str
    target: str
    """Which route page the reader lands on: 'overview', 'parents' or 'publish'."""


AUDIENCES: tuple[Audience, ...] = (
    Audience("leerkracht", "Ik ben leerkracht",
             "Kies de route van uw school. U komt op het overzicht: het stroomschema en per stap wat u doet, "
             "met wie, en wat u vastlegt.", "overview"),
    Audience("ouder", "Ik ben ouder",
             "Kies de school of het samenwerkingsverband van uw kind. U leest in gewone woorden wat er gebeurt, "
             "waar u over beslist en wie uw aanspreekpunt is.", "parents"),
    Audience("school", "Ik ben van een school of samenwerkingsverband",
             "Kies uw route. U vindt alle antwoordpaden van de wegwijzer, de code om de wegwijzer op uw eigen "
             "website te zetten, de PDF, open data en de versies.", "publish"),
)


def sorted_routes(context: SiteContext) -> list[LoadedRoute]:
    """Routes by the name readers look for (case and accents do not matter for the order)."""
    return sorted(context.routes, key=lambda r: r.route.organisation.display_name.casefold())


def search_words(loaded: LoadedRoute) -> str:
    """Every name a reader may type to find a route: display name, school, SWV, title (and the
    formal name when the author set no display name, so an internal note never shows up)."""
    org = loaded.route.organisation
    names = [org.display_name, org.school, org.swv, loaded.route.title]
    return " ".join(dict.fromkeys(n for n in names if n))


def _target_src(layout: Layout, slug: str, target: str) -> str:
    return {"overview": layout.overview, "parents": layout.parents, "publish": layout.publish}[target](slug)


def route_cards(context: SiteContext, from_src: str | None = None) -> str:
    """HTML block with one card per route, links relative to the page `from_src` (default: home)."""
    layout = context.layout
    from_src = layout.home if from_src is None else from_src
    cards = []
    for loaded in sorted_routes(context):
        slug = loaded.slug
        cards.append({
            "route": loaded.route,
            "name": loaded.route.organisation.display_name,
            "words": search_words(loaded),
            "kind": ROUTE_KIND_NAMES[loaded.route.kind],
            "steps": len(loaded.route.steps),
            "overview": relative(from_src, layout.overview(slug)),
            "parents": relative(from_src, layout.parents(slug)),
            "publish": relative(from_src, layout.publish(slug)),
            "wegwijzer": relative(from_src, layout.wegwijzer(slug)) if loaded.route.wegwijzer else "",
        })
    return render("pages/home-cards.html.j2", cards=cards, uid="rw-home-filter")


def render_audience_pages(context: SiteContext) -> list[GeneratedPage]:
    """The three 'Ik ben …' pages: the routes by name, each linked to that reader's page."""
    layout = context.layout
    pages = []
    for audience in AUDIENCES:
        src = layout.audience(audience.reader)
        routes = [{"name": r.route.organisation.display_name, "words": search_words(r),
                   "title": r.route.title, "kind": ROUTE_KIND_NAMES[r.route.kind],
                   "url": relative(src, _target_src(layout, r.slug, audience.target))}
                  for r in sorted_routes(context)]
        content = render("pages/audience.md.j2", audience=audience, routes=routes,
                         home=relative(src, layout.home))
        pages.append(GeneratedPage(src_uri=src, content=content, doc_title=audience.title))
    return pages


def site_wegwijzer(context: SiteContext, from_src: str) -> str:
    """HTML block with one answer per route that has a wegwijzer; empty when none has."""
    routes = [
        {"name": r.route.organisation.display_name, "title": r.route.title,
         "url": relative(from_src, context.layout.wegwijzer(r.slug))}
        for r in context.routes if r.route.wegwijzer is not None
    ]
    return render("wegwijzer/site.html.j2", routes=routes) if routes else ""


def fill_home(markdown: str, context: SiteContext, src_uri: str) -> str:
    """The home page's Markdown with the route cards and the site-wide wegwijzer in place of
    their markers (a page without the markers is returned as it is)."""
    if ROUTES_MARKER in markdown:
        markdown = markdown.replace(ROUTES_MARKER, "\n" + route_cards(context, src_uri) + "\n")
    if SITE_WEGWIJZER_MARKER in markdown:
        markdown = markdown.replace(SITE_WEGWIJZER_MARKER, "\n" + site_wegwijzer(context, src_uri) + "\n")
    return markdown
