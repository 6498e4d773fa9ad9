"""Search per route (issue 14): a route's pages search that route only, the home page every route.

The index files are checked on disk (what each holds), and in Chromium: what a page fetches
at start, and which results Material shows for a word that occurs in every route.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.load import load_routes

ROOT = Path(__file__).resolve().parent.parent
ROUTES, _ = load_routes([ROOT / "routes"])
SLUGS = [r.slug for r in ROUTES]
WORD = "ouders"
"""Every route has a 'Voor ouders' page, so the word is found in every route's index."""
LEFT_OUT = ("afdrukken/", "wegwijzer/paden/", "wegwijzer/embed/")


def index(site: Path, folder: str = "") -> dict:
    return json.loads((site / folder / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_route_index_holds_only_its_own_pages(built_site: Path) -> None:
    assert len(SLUGS) >= 2
    for slug in SLUGS:
        docs = index(built_site, slug)["docs"]
        assert docs, slug
        for doc in docs:
            # Locations are relative to the route folder: they resolve inside it.
            assert not doc["location"].startswith(("/", "..", "http")), doc["location"]
            assert not any(doc["location"].startswith(other + "/") for other in SLUGS), doc["location"]
            assert not doc["location"].startswith(LEFT_OUT), doc["location"]
        overview_entries = [d for d in docs if d["location"].split("#")[0] == ""]
        assert overview_entries, f"{slug}: overview page missing from its index"


def test_site_index_covers_every_route_without_print_embed_or_paths(built_site: Path) -> None:
    site = index(built_site)
    locations = [d["location"] for d in site["docs"]]
    for slug in SLUGS:
        own = [loc for loc in locations if loc.startswith(slug + "/")]
        assert len(own) == len(index(built_site, slug)["docs"]), slug
        assert not [loc for loc in own if loc[len(slug) + 1:].startswith(LEFT_OUT)], slug
    assert index(built_site, SLUGS[0])["config"] == site["config"]


def _search(page: object, word: str) -> list[str]:
    """Type `word` into Material's search and return the result links."""
    page.fill("input[data-md-component=search-query]", word)
    page.wait_for_selector(".md-search-result__item a", timeout=15000)
    return page.eval_on_selector_all(".md-search-result__item a", "els => els.map(a => a.href)")


@pytest.mark.browser
def test_search_on_a_route_page_stays_within_the_route(page: object, site_url: str, recorder: object) -> None:
    slug = SLUGS[0]
    step = ROUTES[0].route.steps[0].id
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(f"{site_url}{slug}/stappen/{step}/", wait_until="networkidle")
    # Nothing of search loads until the reader goes to the search field.
    assert not [u for u in fetched if u.endswith("search_index.json") or "/workers/" in u], fetched
    field = page.locator("input[data-md-component=search-query]")
    assert field.get_attribute("placeholder") == field.get_attribute("aria-label") == "Zoeken in deze route"
    hrefs = _search(page, WORD)
    assert hrefs
    assert all(h.startswith(f"{site_url}{slug}/") for h in hrefs), hrefs
    indexes = [u for u in fetched if u.endswith("search_index.json")]
    assert indexes == [f"{site_url}{slug}/search/search_index.json"], indexes
    assert recorder.external_requests == [] and recorder.page_errors == []


@pytest.mark.browser
def test_search_on_the_home_page_covers_all_routes(page: object, site_url: str, recorder: object) -> None:
    page.goto(site_url)
    assert page.get_attribute("input[data-md-component=search-query]", "placeholder") != "Zoeken in deze route"
    hrefs = _search(page, WORD)
    routes_found = {h[len(site_url):].split("/")[0] for h in hrefs if h.startswith(site_url)}
    assert len(routes_found & set(SLUGS)) >= 2, hrefs
    assert recorder.external_requests == [] and recorder.page_errors == []
