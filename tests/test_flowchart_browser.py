"""The flowchart as a reader sees it in Chromium, at 1280 px and on a 390 px phone: every
text in it (arrow labels, steps, tier names) renders at 14 px or more, no arrow passes
through a tier name, and arrows that are a reading of the source are marked in text.
"""

from __future__ import annotations

import pytest

from generator.flowchart import DERIVED_MARK, MIN_TEXT_PX
from generator.model import LoadedRoute
from support.routes import real_routes

pytestmark = pytest.mark.browser

ROUTES: list[LoadedRoute] = list(real_routes())
IDS = [r.slug for r in ROUTES]
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

# Tier names: the label nodes, and Graphviz cluster labels should they ever come back.
TIER_TEXT = ".rw-flowchart g.rw-tier-label, .rw-flowchart .rw-cluster > text"

GEOMETRY = """(tierSelector) => {
    const svg = document.querySelector('.rw-flowchart svg');
    const px = (el) => parseFloat(getComputedStyle(el).fontSize) * el.getScreenCTM().a;
    const box = (el) => {  // the element's bounding box in screen pixels
        const b = el.getBBox(), m = el.getScreenCTM();
        const xs = [b.x, b.x + b.width].map(x => x * m.a + m.e);
        const ys = [b.y, b.y + b.height].map(y => y * m.d + m.f);
        const lines = el.matches('text') ? [el] : [...el.querySelectorAll('text')];
        return {left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys),
                text: lines.map(t => t.textContent).join(' ')};
    };
    const labels = [...svg.querySelectorAll(tierSelector)].map(box);
    const crossings = [];
    for (const edge of svg.querySelectorAll('.rw-edge')) {
        const path = edge.querySelector('path');
        const m = path.getScreenCTM();
        const length = path.getTotalLength();
        for (let i = 0; i <= 400; i++) {
            const p = path.getPointAtLength(length * i / 400);
            const x = p.x * m.a + m.e, y = p.y * m.d + m.f;
            for (const l of labels) {
                if (x >= l.left && x <= l.right && y >= l.top && y <= l.bottom) {
                    crossings.push(`${edge.textContent.trim()} -> ${l.text}`);
                }
            }
        }
        for (const head of edge.querySelectorAll('polygon')) {
            const h = box(head);
            for (const l of labels) {
                if (h.left < l.right && h.right > l.left && h.top < l.bottom && h.bottom > l.top) {
                    crossings.push(`pijlpunt ${edge.textContent.trim()} -> ${l.text}`);
                }
            }
        }
    }
    return {
        edgePx: [...svg.querySelectorAll('.rw-edge text')].map(px),
        nodePx: [...svg.querySelectorAll('.rw-node text')].map(px),
        tierPx: [...svg.querySelectorAll(tierSelector)].flatMap(
            el => el.matches('text') ? [el] : [...el.querySelectorAll('text')]).map(px),
        tiers: labels.map(l => l.text),
        crossings: [...new Set(crossings)],
    };
}"""


@pytest.mark.parametrize("viewport", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("loaded", ROUTES, ids=IDS)
def test_chart_text_is_large_and_no_arrow_crosses_a_tier_name(new_page, site_url: str, loaded: LoadedRoute,
                                                              viewport: dict[str, int]) -> None:
    page = new_page(viewport=viewport, locale="nl-NL")
    page.goto(f"{site_url}{loaded.slug}/")
    found = page.evaluate(GEOMETRY, TIER_TEXT)
    assert found["edgePx"], "no arrow labels"
    assert min(found["edgePx"]) >= MIN_TEXT_PX - 0.01, found["edgePx"]
    assert min(found["nodePx"]) >= MIN_TEXT_PX - 0.01, found["nodePx"]
    assert min(found["tierPx"]) >= MIN_TEXT_PX - 0.01, found["tierPx"]
    # every tier that has steps is named once in the chart
    used = {step.tier for step in loaded.route.steps}
    names = [t.name for t in loaded.route.tiers if t.id in used]
    assert sorted(found["tiers"]) == sorted(names)
    assert found["crossings"] == []
    # the page itself never scrolls sideways: a chart wider than the column scrolls in its box
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


@pytest.mark.parametrize("loaded", [r for r in ROUTES if any(t.derived for s in r.route.steps for t in s.transitions)],
                         ids=lambda r: r.slug)
def test_derived_arrows_are_marked_in_text_and_explained(page, site_url: str, loaded: LoadedRoute) -> None:
    page.goto(f"{site_url}{loaded.slug}/")
    marked = page.locator(".rw-flowchart .rw-edge--afgeleid").evaluate_all(
        "els => els.map(e => [...e.querySelectorAll('text')].map(t => t.textContent).join(' '))")
    derived = [t for s in loaded.route.steps for t in s.transitions if t.derived]
    assert len(marked) == len(derived)
    assert all(label.startswith(DERIVED_MARK + " ") for label in marked), marked
    plain = page.locator(".rw-flowchart .rw-edge:not(.rw-edge--afgeleid) text").all_text_contents()
    assert not any(DERIVED_MARK in text for text in plain)
    legend = page.locator(".rw-flowchart__legend").inner_text()
    assert f"{DERIVED_MARK} voor een pijllabel: afgeleid" in legend
