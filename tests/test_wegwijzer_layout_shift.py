"""The wegwijzer's first screen does not jump when its script takes over (Lighthouse CLS).

Without JavaScript the page shows every question as a tree of links; wegwijzer.js (a module,
so it runs after the page is parsed, often after the first paint) replaces that tree with one
question. Shown first and then hidden, the tree made the first screen jump (CLS 0.5–0.8 in
Lighthouse on a phone). The test holds wegwijzer.js back, looks at what is painted meanwhile,
then lets it run and sums the layout shifts the browser recorded.
"""

from __future__ import annotations

from typing import Any

import pytest

from support.browser import walker

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True,
         "has_touch": True}
PAGES = ["de-springschans/wegwijzer/", "de-kempen/wegwijzer/embed/"]

_PAINTED = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
  const shown = el => el && el.getClientRects().length > 0;
  const footer = document.querySelector('.md-footer');
  done({tree: shown(document.querySelector('[data-rw-static]')),
        heading: shown(document.querySelector('[data-rw-static-kop]')),
        footer: shown(footer) && footer.getBoundingClientRect().top < innerHeight,
        rwJs: document.documentElement.classList.contains('rw-js')});
})))"""

_SHIFTS = """() => new Promise(done => {
  const entries = [];
  new PerformanceObserver(list => entries.push(...list.getEntries())).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(entries.filter(e => !e.hadRecentInput).map(e => ({
    value: e.value,
    nodes: e.sources.map(s => s.node ? (s.node.className || s.node.nodeName) : '?')}))), 500);
})"""


@pytest.mark.parametrize("path", PAGES)
def test_first_screen_does_not_shift_when_the_script_starts(site_url: str, browser: Any, path: str) -> None:
    held: list[Any] = []
    with walker(browser, **PHONE) as (page, recorder, _):
        page.route("**/assets/wegwijzer.js", lambda route: held.append(route))
        page.goto(site_url + path, wait_until="commit")
        page.wait_for_selector("h1", state="attached")
        page.wait_for_function("document.querySelector('.md-footer') !== null")
        before = page.evaluate(_PAINTED)
        assert held, "wegwijzer.js werd niet opgevraagd"
        for route in held:
            route.continue_()
        page.wait_for_selector("[data-rw-vragen].rw-ww--actief [data-testid=vraag]", state="visible")
        shifts = page.evaluate(_SHIFTS)
        errors = recorder.page_errors + recorder.console_errors
    assert before["rwJs"], f"{path}: <html> kreeg geen klasse rw-js in <head>"
    assert not before["tree"] and not before["heading"], (
        f"{path}: de vragenboom zonder JavaScript is te zien voordat wegwijzer.js draait: {before}")
    assert not before["footer"], f"{path}: de voettekst staat op het eerste scherm en schuift weg: {before}"
    total = sum(s["value"] for s in shifts)
    assert total < 0.01, f"{path}: verschuiving (CLS) {total:.3f} bij het starten: {shifts}"
    assert not errors, f"{path}: fouten in de pagina: {errors}"
