"""The handbook pages in a real browser: every step page, links, checklist, phone, dark, print.

Runs over every route in routes/ (the same set the session build publishes), so a new
route is covered without changing this file.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from generator.model import LoadedRoute
from generator.handbook import RouteView

from support.routes import site_routes

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ROUTES = list(site_routes())
IDS = [r.slug for r in ROUTES]
PAGE_TYPES = ("wie-doet-wat/", "documenten/", "voor-ouders/")


def status(url: str) -> int:
    """HTTP status of a URL on the local server (fragment dropped)."""
    parsed = urlparse(url)
    assert parsed.hostname == "127.0.0.1", f"link leaves the site: {url}"
    try:
        with urllib.request.urlopen(url.split("#", 1)[0], timeout=10) as response:  # noqa: S310 (local)
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def checklist_route() -> LoadedRoute:
    with_items = [r for r in ROUTES if RouteView(r).checklist_steps()]
    if not with_items:
        pytest.skip("geen route met documenten of iets om vast te leggen")
    return with_items[0]


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_every_step_page_has_its_title_and_working_links(page, site_url: str, recorder, loaded: LoadedRoute) -> None:
    checked: dict[str, int] = {}
    steps = loaded.route.steps
    for index, step in enumerate(steps):
        url = f"{site_url}{loaded.slug}/stappen/{step.id}/"
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        assert page.locator("article h1").inner_text().strip().rstrip("¶").strip() == step.name
        transitions = page.eval_on_selector_all(".rw-transitions a", "els => els.map(a => a.href)")
        assert len(transitions) == len(step.transitions)
        for target, transition in zip(transitions, step.transitions):
            assert target.split("#")[0].endswith(f"/{loaded.slug}/stappen/{transition.to}/")
        nav = page.locator('nav.rw-prevnext[aria-label="Vorige en volgende stap"]')
        prev_links = nav.locator('a[rel="prev"]').evaluate_all("els => els.map(a => a.href)")
        next_links = nav.locator('a[rel="next"]').evaluate_all("els => els.map(a => a.href)")
        assert len(prev_links) == (1 if index > 0 else 0)
        assert len(next_links) == (1 if index + 1 < len(steps) else 0)
        if index + 1 < len(steps):
            assert next_links[0].endswith(f"/stappen/{steps[index + 1].id}/")
        other = page.eval_on_selector_all(
            "article .rw-text a[href], article .rw-step-head a[href]", "els => els.map(a => a.href)")
        for link in [*transitions, *prev_links, *next_links, *other]:
            key = link.split("#")[0]
            if key not in checked:
                checked[key] = status(key)
            assert checked[key] == 200, f"{url}: kapotte link {link}"
    assert not recorder.external_requests
    assert not recorder.page_errors


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_role_and_document_anchors_exist(page, site_url: str, loaded: LoadedRoute) -> None:
    page.goto(f"{site_url}{loaded.slug}/wie-doet-wat/")
    for role in loaded.route.roles:
        assert page.locator(f"#rol-{role.id}").count() == 1, role.id
    headers = page.locator(".rw-matrix__table thead th[scope=col]").count()
    assert headers == len(loaded.route.steps) + 1
    assert page.locator(".rw-matrix__table tbody th[scope=row]").count() == len(loaded.route.roles)
    region = page.locator(".rw-scroll[role=region][tabindex='0']")
    region.focus()
    assert page.evaluate("document.activeElement.classList.contains('rw-scroll')")
    page.goto(f"{site_url}{loaded.slug}/documenten/")
    for document in loaded.route.documents:
        assert page.locator(f"#doc-{document.id}").count() == 1, document.id


def test_checklist_ticks_survive_a_reload_and_are_never_sent(page, site_url: str, recorder) -> None:
    loaded = checklist_route()
    requests: list[tuple[str, str, str | None]] = []
    page.on("request", lambda r: requests.append((r.method, r.url, r.post_data)))
    url = f"{site_url}{loaded.slug}/documenten/"
    page.goto(url)
    boxes = page.locator(".rw-checklist input[type=checkbox]")
    assert boxes.count() > 0
    first = boxes.first
    item = first.get_attribute("data-rw-item")
    first.focus()
    page.keyboard.press("Space")  # keyboard works
    assert first.is_checked()
    page.reload()
    first = page.locator(".rw-checklist input[type=checkbox]").first
    assert first.is_checked(), "tick lost after reload"
    stored = page.evaluate("Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.startsWith('routewijzer:checklist:')))")
    step_id = first.evaluate("el => el.closest('[data-rw-step]').dataset.rwStep")
    key = f"routewijzer:checklist:/:{loaded.slug}:{step_id}"  # '/': the site's path (issue 16)
    assert json.loads(stored[key]) == [item]
    for method, request_url, body in requests:
        assert method == "GET" and not body, f"{method} {request_url} sends data"
        assert item not in request_url and "checklist:" not in request_url
    clear = page.locator("fieldset.rw-checklist__step").first.locator("[data-rw-clear]")
    assert clear.is_visible()
    clear.click()
    assert not first.is_checked()
    page.reload()
    assert not page.locator(".rw-checklist input[type=checkbox]").first.is_checked()
    assert not recorder.external_requests and not recorder.page_errors


def test_checklist_works_after_instant_navigation(page, site_url: str) -> None:
    loaded = checklist_route()
    page.goto(f"{site_url}{loaded.slug}/stappen/{loaded.route.steps[0].id}/")
    page.evaluate("localStorage.clear()")
    page.locator(f'.md-nav a[href$="{loaded.slug}/documenten/"]').first.click()
    page.wait_for_url(f"**/{loaded.slug}/documenten/")
    page.locator(".rw-checklist input[type=checkbox]").first.check()
    assert page.evaluate("Object.keys(localStorage).some(k => k.startsWith('routewijzer:checklist:'))")


def test_checklist_without_javascript_shows_unticked_boxes(new_page, site_url: str) -> None:
    loaded = checklist_route()
    page = new_page(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page.goto(f"{site_url}{loaded.slug}/documenten/")
    boxes = page.locator(".rw-checklist input[type=checkbox]")
    assert boxes.count() > 0 and boxes.first.is_visible() and not boxes.first.is_checked()
    assert not page.locator("[data-rw-clear]").first.is_visible()


def _route_urls(site_url: str, loaded: LoadedRoute) -> list[str]:
    first = loaded.route.steps[0].id
    return [f"{site_url}{loaded.slug}/stappen/{first}/"] + [f"{site_url}{loaded.slug}/{p}" for p in PAGE_TYPES]


@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_phone_has_no_horizontal_page_scroll(phone_page, site_url: str, loaded: LoadedRoute) -> None:
    for url in _route_urls(site_url, loaded) + [
            f"{site_url}{loaded.slug}/stappen/{s.id}/" for s in loaded.route.steps[1:]]:
        phone_page.goto(url)
        # Compare with the device width: a mobile browser widens innerWidth to fit wide content.
        screen = phone_page.viewport_size["width"]
        width, inner = phone_page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width <= inner and width <= screen, f"{url}: pagina is {width}px breed op een scherm van {screen}px"


CONTRAST = """el => {
  // Composite the colours as the browser paints them (alpha, color-mix) on a 1px canvas.
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  const paint = (...colours) => {
    ctx.clearRect(0, 0, 1, 1);
    for (const colour of colours) { ctx.fillStyle = colour; ctx.fillRect(0, 0, 1, 1); }
    return [...ctx.getImageData(0, 0, 1, 1).data].slice(0, 3);
  };
  const lum = rgb => { const [r, g, b] = rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                       return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const pageBg = getComputedStyle(document.body).backgroundColor;
  const style = getComputedStyle(el);
  const bg = paint("#fff", pageBg, style.backgroundColor);
  const fg = paint("#fff", pageBg, style.backgroundColor, style.color);
  const a = lum(fg), b = lum(bg);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


@pytest.mark.parametrize("scheme,expected", [("light", "default"), ("dark", "slate")])
def test_colour_schemes_render_with_readable_badges(new_page, site_url: str, recorder, scheme: str, expected: str) -> None:
    loaded = ROUTES[0]
    page = new_page(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page.goto(f"{site_url}{loaded.slug}/stappen/{loaded.route.steps[0].id}/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected
    ratio = page.locator(".rw-tier").first.evaluate(CONTRAST)
    assert ratio >= 4.5, f"tier badge contrast {ratio:.2f} in {scheme}"
    page.goto(f"{site_url}{loaded.slug}/wie-doet-wat/")
    assert page.locator(".rw-matrix__table").is_visible()
    assert not recorder.page_errors and not recorder.external_requests


def test_print_hides_navigation_and_keeps_checkboxes(page, site_url: str) -> None:
    loaded = checklist_route()
    page.goto(f"{site_url}{loaded.slug}/stappen/{loaded.route.steps[0].id}/")
    page.emulate_media(media="print")
    assert page.locator("article h1").is_visible()
    for selector in (".md-header", ".md-sidebar--primary", "nav.rw-prevnext", ".md-footer"):
        assert not page.locator(selector).first.is_visible(), f"{selector} is printed"
    page.goto(f"{site_url}{loaded.slug}/documenten/")
    page.emulate_media(media="print")
    box = page.locator(".rw-checklist input[type=checkbox]").first
    assert box.is_visible()
    assert box.evaluate("el => getComputedStyle(el).borderTopStyle") != "none"
    assert not page.locator("[data-rw-clear]").first.is_visible()
