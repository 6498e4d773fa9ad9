"""The home page's generated parts and the three 'choose your route' pages.

The home page stays an ordinary Markdown file that editors can change (content/index.md);
only the list of routes is generated, because it must follow the files in `routes/`. The
plugin replaces the marker ROUTES_MARKER in the home page with `route_cards(...)`.

From the home page a reader picks who they are (leerkracht, ouder, school of SWV); each of
those three pages lists the routes by school or SWV name, with a filter that keeps working
with 150 routes, and links straight to the page that reader needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import LoadedRoute
from ..render import render
from ..urls import relative
from ..vocabulary import ROUTE_KIND_NAMES
from .base import GeneratedPage, SiteContext, publish_src

ROUTES_MARKER = "<!-- routewijzer:routes -->"
HOME_SRC = "index.md"


@dataclass(frozen=True)
class Audience:
    """One of the three readers the home page offers, and the page of each route they need."""

    src: str
    title: str
    lead: str
    target: str
    """Which route page the reader lands on: 'overview', 'parents' or 'publish'."""


AUDIENCES: tuple[Audience, ...] = (
    Audience("kies/leerkracht.md", "Ik ben leerkracht",
             "Kies de route van uw school. U komt op het overzicht: het stroomschema en per stap wat u doet, "
             "met wie, en wat u vastlegt.", "overview"),
    Audience("kies/ouder.md", "Ik ben ouder",
             "Kies de school of het samenwerkingsverband van uw kind. U leest in gewone woorden wat er gebeurt, "
             "waar u over beslist en wie uw aanspreekpunt is.", "parents"),
    Audience("kies/school.md", "Ik ben van een school of samenwerkingsverband",
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


def _target_src(loaded: LoadedRoute, context: SiteContext, target: str) -> str:
    base = context.route_dir(loaded.slug)
    return {"overview": base + "index.md", "parents": base + "voor-ouders.md",
            "publish": publish_src(context, loaded.slug)}[target]


def route_cards(context: SiteContext, from_src: str = HOME_SRC) -> str:
    """HTML block with one card per route, links relative to the page `from_src`."""
    cards = []
    for loaded in sorted_routes(context):
        base = context.route_dir(loaded.slug)
        cards.append({
            "route": loaded.route,
            "name": loaded.route.organisation.display_name,
            "words": search_words(loaded),
            "kind": ROUTE_KIND_NAMES[loaded.route.kind],
            "steps": len(loaded.route.steps),
            "overview": relative(from_src, base + "index.md"),
            "parents": relative(from_src, base + "voor-ouders.md"),
            "publish": relative(from_src, publish_src(context, loaded.slug)),
            "wegwijzer": relative(from_src, base + "wegwijzer/index.md") if loaded.route.wegwijzer else "",
        })
    return render("pages/home-cards.html.j2", cards=cards, uid="rw-home-filter")


def render_audience_pages(context: SiteContext) -> list[GeneratedPage]:
    """The three 'Ik ben …' pages: the routes by name, each linked to that reader's page."""
    pages = []
    for audience in AUDIENCES:
        routes = [{"name": r.route.organisation.display_name, "words": search_words(r),
                   "title": r.route.title, "kind": ROUTE_KIND_NAMES[r.route.kind],
                   "url": relative(audience.src, _target_src(r, context, audience.target))}
                  for r in sorted_routes(context)]
        content = render("pages/audience.md.j2", audience=audience, routes=routes,
                         home=relative(audience.src, HOME_SRC))
        pages.append(GeneratedPage(src_uri=audience.src, content=content, doc_title=audience.title))
    return pages


def fill_home(markdown: str, context: SiteContext, src_uri: str) -> str:
    """The home page's Markdown with the route cards in place of the marker."""
    if ROUTES_MARKER not in markdown:
        return markdown
    return markdown.replace(ROUTES_MARKER, "\n" + route_cards(context, src_uri) + "\n")
