"""The first screen does not jump when a script takes over (Lighthouse: cumulative layout shift).

Our scripts are modules, so they run after the page is parsed, often after the first paint.
- The wegwijzer: without JavaScript the page shows every question as a tree of links;
  wegwijzer.js replaces that tree with one question. Shown first and then hidden, the tree
  made the first screen jump (CLS 0.5–0.8 in Lighthouse on a phone).
- The route filter on the entry pages (kies/…) and the home page: hidden without JavaScript,
  it appeared when route-filter.js ran and pushed the list of routes down (CLS 0.08).
The test holds the script back, looks at what is painted meanwhile, then lets it run and sums
the layout shifts the browser recorded.
"""

from __future__ import annotations

from typing import Any

import pytest

from support.browser import walker

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True,
         "has_touch": True}
# page, the script held back, what shows once it ran
PAGES = [
    ("de-springschans/wegwijzer/", "wegwijzer.js", "[data-rw-vragen].rw-ww--actief [data-testid=vraag]"),
    ("de-kempen/wegwijzer/embed/", "wegwijzer.js", "[data-rw-vragen].rw-ww--actief [data-testid=vraag]"),
    ("kies/ouder/", "route-filter.js", "[data-rw-filter][data-rw-ready='1']"),
    ("", "route-filter.js", "[data-rw-filter][data-rw-ready='1']"),
]

_PAINTED = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
  const shown = el => !!el && el.getClientRects().length > 0;
  const footer = document.querySelector('.md-footer');
  done({tree: shown(document.querySelector('[data-rw-static]')),
        heading: shown(document.querySelector('[data-rw-static-kop]')),
        filter: document.querySelector('[data-rw-filter]') ? shown(document.querySelector('[data-rw-filter]')) : null,
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


@pytest.mark.parametrize(("path", "script", "ready"), PAGES, ids=[p or "home" for p, _, _ in PAGES])
def test_first_screen_does_not_shift_when_the_script_starts(site_url: str, browser: Any, path: str, script: str,
                                                           ready: str) -> None:
    held: list[Any] = []
    with walker(browser, **PHONE) as (page, recorder, _):
        page.route(f"**/assets/{script}", lambda route: held.append(route))
        page.goto(site_url + path, wait_until="commit")
        page.wait_for_function("document.querySelector('.md-footer') !== null")
        before = page.evaluate(_PAINTED)
        assert held, f"{script} werd niet opgevraagd"
        for route in held:
            route.continue_()
        page.wait_for_selector(ready, state="attached")
        shifts = page.evaluate(_SHIFTS)
        errors = recorder.page_errors + recorder.console_errors
    where = path or "home"
    assert before["rwJs"], f"{where}: <html> kreeg geen klasse rw-js in <head>"
    if script == "wegwijzer.js":
        assert not before["tree"] and not before["heading"], (
            f"{where}: de vragenboom zonder JavaScript is te zien voordat wegwijzer.js draait: {before}")
        assert not before["footer"], f"{where}: de voettekst staat op het eerste scherm en schuift weg: {before}"
    else:
        assert before["filter"], f"{where}: het zoekveld verschijnt pas als route-filter.js draait: {before}"
    total = sum(s["value"] for s in shifts)
    assert total < 0.01, f"{where}: verschuiving (CLS) {total:.3f} bij het starten van {script}: {shifts}"
    assert not errors, f"{where}: fouten in de pagina: {errors}"
