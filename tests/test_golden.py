"""Golden tests per renderer: two small fixture routes in, every generated page out.

The fixture routes live in tests/data (handbook_route.yaml: every transition kind and
hostile text; wegwijzer_route.yaml: a frozen starter route with a wegwijzer). Each renderer
of `generator.pages` renders them and its pages are compared with the expected files in
tests/data/golden/: `pages/<src_uri>` holds a page's content, `<renderer>.json` the pages it
made with their navigation title, section and order. The navigation and the home page's
route cards have a golden file too.

A template change that alters output on purpose: run `make goldens` and review the diff.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from generator.load import parse_route
from generator.model import LoadedRoute
from generator.nav import build_nav
from generator.pages import ROUTE_PAGES, SITE_PAGES, GeneratedPage, SiteContext, render_site
from generator.pages.home import route_cards

from support.golden import check_golden, stale_goldens
from support.paths import DATA, GOLDEN
from support.routes import handbook_route

RENDERERS = {f.__name__: f for f in [*ROUTE_PAGES, *SITE_PAGES]}


def wegwijzer_route() -> LoadedRoute:
    """tests/data/wegwijzer_route.yaml, slug 'wegwijzerroute'."""
    raw = (DATA / "wegwijzer_route.yaml").read_bytes()
    return parse_route(raw, "tests/data/wegwijzer_route.yaml", "wegwijzerroute")


@lru_cache(maxsize=1)
def fixture_site() -> SiteContext:
    return SiteContext(routes=(handbook_route(), wegwijzer_route()))


def rendered(name: str) -> list[GeneratedPage]:
    """The pages one renderer makes for the fixture site (route renderers: for each route)."""
    renderer = RENDERERS[name]
    context = fixture_site()
    if renderer in ROUTE_PAGES:
        return [page for loaded in context.routes for page in renderer(loaded, context)]  # type: ignore[call-arg]
    return list(renderer(context))  # type: ignore[call-arg]


def _listing(pages: list[GeneratedPage]) -> str:
    entries = [{"src_uri": p.src_uri, "title": p.title, "nav_section": list(p.nav_section), "order": p.order}
               for p in pages]
    return json.dumps(entries, ensure_ascii=False, indent=1) + "\n"


def test_fixture_routes_load_and_cover_the_wegwijzer() -> None:
    """The golden tests only mean something if the fixtures reach every renderer."""
    handbook, wegwijzer = fixture_site().routes
    assert handbook.route.wegwijzer is None and wegwijzer.route.wegwijzer is not None
    for name in RENDERERS:
        assert rendered(name), f"{name} maakt geen enkele pagina voor de testroutes"


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_renderer_output_matches_golden(name: str) -> None:
    pages = rendered(name)
    check_golden(_listing(pages), GOLDEN / f"{name}.json")
    for page in pages:
        check_golden(page.content, GOLDEN / "pages" / page.src_uri)


def test_navigation_matches_golden() -> None:
    context = fixture_site()
    nav = build_nav(render_site(context), context)
    check_golden(json.dumps(nav, ensure_ascii=False, indent=1) + "\n", GOLDEN / "nav.json")


def test_home_route_cards_match_golden() -> None:
    check_golden(route_cards(fixture_site()), GOLDEN / "home-cards.html")


def test_rendering_is_deterministic() -> None:
    """Two renders of the same routes are identical, or the golden files would flicker."""
    first = {p.src_uri: p.content for p in render_site(fixture_site())}
    again = {p.src_uri: p.content for p in render_site(SiteContext(routes=(handbook_route(), wegwijzer_route())))}
    assert first == again


def test_no_stale_golden_files() -> None:
    """Every expected file belongs to a page a renderer still makes."""
    expected: set[Path] = {GOLDEN / "nav.json", GOLDEN / "home-cards.html"}
    for name in RENDERERS:
        expected.add(GOLDEN / f"{name}.json")
        expected.update(GOLDEN / "pages" / p.src_uri for p in rendered(name))
    stale = stale_goldens(expected)
    assert not stale, "Verouderde verwachte bestanden (verwijder ze met 'make goldens'):\n" + "\n".join(stale)
