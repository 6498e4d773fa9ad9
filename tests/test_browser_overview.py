"""The handbook in a real browser: overview with a clickable flowchart and its text version,
home cards, Vergelijken and Begrippen, on a phone and in dark mode, fully offline."""

from __future__ import annotations


import pytest

from generator.model import LoadedRoute

from support.routes import real_routes

pytestmark = pytest.mark.browser

ROUTES: list[LoadedRoute] = list(real_routes())
IDS = [r.slug for r in ROUTES]


def _luminance(css_colour: str) -> float:
    """Rough luminance (0..1) of a computed colour: 'rgb(r, g, b)' or 'color(srgb r g b)'."""
    inner = css_colour[css_colour.index("(") + 1: css_colour.index(")")]
    if inner.startswith("srgb"):
        r, g, b = (float(p) for p in inner.split()[1:4])
    else:
        r, g, b = (float(p) / 255 for p in inner.replace("/", ",").split(",")[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_overview_flowchart_links_and_text_version(page, site_url: str, recorder, loaded: LoadedRoute) -> None:
    page.goto(f"{site_url}{loaded.slug}/")
    assert page.locator("h1").first.inner_text().replace("¶", "").strip() == loaded.route.title
    svg = page.locator(".rw-flowchart svg")
    assert svg.count() == 1 and svg.is_visible()
    assert svg.get_attribute("role") == "img"
    box = svg.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 100
    # Every step is a node and is listed in the text version.
    assert page.locator(".rw-flowchart .rw-node").count() == len(loaded.route.steps)
    text_links = page.locator(".rw-flowchart-text a").evaluate_all("els => els.map(a => a.href)")
    for step in loaded.route.steps:
        assert f"{site_url}{loaded.slug}/stappen/{step.id}/" in text_links
    # The text version's own summary; the citations inside it carry <details>/<summary> too.
    page.locator(".rw-flowchart-text > summary").click()
    assert page.locator(".rw-flowchart-text").get_attribute("open") is not None
    # Clicking the node of the last step opens that step's page.
    target = loaded.route.steps[-1]
    page.locator(f'.rw-flowchart .rw-node a[*|href$="stappen/{target.id}/"]').click()
    page.wait_for_url(f"**/{loaded.slug}/stappen/{target.id}/")
    assert recorder.external_requests == []
    assert recorder.page_errors == []


def test_home_cards_link_every_route(page, site_url: str, recorder) -> None:
    page.goto(site_url)
    hrefs = page.locator(".rw-card__title a").evaluate_all("els => els.map(a => a.href)")
    for loaded in ROUTES:
        assert f"{site_url}{loaded.slug}/" in hrefs
    assert page.get_by_role("heading", name="Ik ben leerkracht").is_visible()
    assert page.get_by_role("heading", name="Ik ben ouder").is_visible()
    # Cards are named by the school or SWV (issue 12: choose a route by school name).
    page.locator(".rw-card__title a").filter(has_text=ROUTES[0].route.organisation.display_name).first.click()
    page.wait_for_url(f"**/{ROUTES[0].slug}/")
    assert page.locator(".rw-flowchart svg").count() == 1
    assert recorder.external_requests == []


def test_compare_and_glossary_render(page, site_url: str, recorder) -> None:
    page.goto(f"{site_url}vergelijken/")
    assert page.locator("h1").inner_text().replace("¶", "").strip() == "Vergelijken"
    rows = page.locator(".rw-compare--routes tbody tr")
    assert rows.count() >= len(ROUTES)
    assert page.locator("#laag-basis").count() == 1
    page.goto(f"{site_url}begrippen/")
    assert page.locator("h1").inner_text().replace("¶", "").strip() == "Begrippen"
    anchors = page.locator("h2[id^='term-']").evaluate_all("els => els.map(e => e.id)")
    assert len(anchors) >= 5 and len(set(anchors)) == len(anchors)
    assert recorder.external_requests == []


def test_abbreviations_get_tooltips(page, site_url: str) -> None:
    page.goto(f"{site_url}{ROUTES[0].slug}/")
    titles = page.locator(".md-content abbr[title]").evaluate_all("els => els.map(e => e.title)")
    assert titles, "no abbreviation got a tooltip on the overview"
    assert page.locator("h1 abbr, a abbr, svg abbr").count() == 0


@pytest.mark.parametrize("path", ["", "vergelijken/", "begrippen/"] + [f"{r.slug}/" for r in ROUTES])
def test_phone_has_no_horizontal_page_scroll(phone_page, site_url: str, path: str) -> None:
    phone_page.goto(f"{site_url}{path}")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{path or 'home'}: page is {width}px wide on a 360px screen"


def test_dark_mode_flowchart_uses_light_text_on_dark(new_page, site_url: str, recorder) -> None:
    dark = new_page(color_scheme="dark", viewport={"width": 1280, "height": 900})
    dark.goto(f"{site_url}{ROUTES[0].slug}/")
    assert dark.locator("body").get_attribute("data-md-color-scheme") == "slate"
    text_fill = dark.locator(".rw-flowchart .rw-node text").first.evaluate("e => getComputedStyle(e).fill")
    node_fill = dark.locator(".rw-flowchart .rw-node path").first.evaluate("e => getComputedStyle(e).fill")
    assert _luminance(text_fill) > 0.6, text_fill
    assert _luminance(node_fill) < 0.35, node_fill
    assert recorder.external_requests == []


def test_light_mode_flowchart_uses_dark_text_on_light(page, site_url: str) -> None:
    page.goto(f"{site_url}{ROUTES[0].slug}/")
    text_fill = page.locator(".rw-flowchart .rw-node text").first.evaluate("e => getComputedStyle(e).fill")
    node_fill = page.locator(".rw-flowchart .rw-node path").first.evaluate("e => getComputedStyle(e).fill")
    assert _luminance(text_fill) < 0.3, text_fill
    assert _luminance(node_fill) > 0.7, node_fill


def test_flowchart_fits_an_a4_page_in_print(page, site_url: str) -> None:
    page.goto(f"{site_url}{ROUTES[0].slug}/")
    page.emulate_media(media="print")
    height = page.locator(".rw-flowchart svg").evaluate("e => e.getBoundingClientRect().height")
    # 24cm at 96 dpi; A4 is 29.7cm high.
    assert height <= 24 / 2.54 * 96 + 1
