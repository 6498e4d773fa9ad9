"""Route text in a `title` never becomes markup, however a reader hovers or focuses it.

Material's `content.tooltips` inserted a title as HTML, so a role named
`Intern begeleider <img src=x onerror=…>` with `afkorting: IB` ran its script when a
reader pointed at any "IB", and a long hostile organisation name did the same through
the `title` Material puts on truncated navigation links. The earlier walk over a hostile
build loaded every page but never hovered, so it missed this. Here every `[title]`
element and every `<abbr>` of every page is hovered with the mouse and focused, and a
MutationObserver records any element that carries the payload's marker attribute.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import serve
from support.routes import starter_text
from support.site import page_urls

pytestmark = pytest.mark.browser

MARK = "data-rw-hostile"
LONG = "Leerlingondersteuningsbegeleidingsoverlegvergaderingscoördinatieteam"
"""One long word: Material truncates it in the navigation and then sets the link's title."""


def _img(n: int) -> str:
    return f"<img src=x onerror=window.__pwned={n} {MARK}>"


def hostile_route(name: str) -> dict[str, Any]:
    """The starter route with hostile role, document, term, organisation and step texts."""
    data = typing.cast(dict[str, Any], yaml.safe_load(starter_text()))
    data["organisatie"]["naam"] = f"{name} {LONG} {_img(1)} \" onmouseover=\"window.__pwned=2"
    data["titel"] = f"Route {LONG} {_img(3)}"
    roles = {r["id"]: r for r in data["rollen"]}
    roles["intern-begeleider"]["naam"] = f"Intern begeleider {_img(4)}"
    data["documenten"][0]["naam"] = f"Ontwikkelingsperspectief <svg onload=window.__pwned=5 {MARK}></svg>"
    data["begrippen"] = [{"term": f"Toelaatbaarheid <b {MARK}>vet</b> {_img(6)}", "afkorting": "TLV",
                          "uitleg": "Nodig voor het SO; de IB vraagt de TLV aan."}]
    for step in data["stappen"]:
        step["titel"] = f"{step['titel']} {LONG} {_img(7)}"
        step["samenvatting"] += " De IB kijkt mee; zo nodig volgt een TLV en een OPP."
    return data


@pytest.fixture(scope="module")
def hostile_site(routes_site: Any) -> Path:
    files = {f"{slug}.yaml": yaml.safe_dump(hostile_route(name), allow_unicode=True, sort_keys=False, width=1000)
             for slug, name in (("eerste", "Basisschool Een"), ("tweede", "Basisschool Twee"))}
    return routes_site("hostile-tooltips", files)


_RECORD = """
window.__hostile = [];
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (!(node instanceof Element)) continue;
      const found = node.matches('[%(mark)s]') ? [node] : [];
      found.push(...node.querySelectorAll('[%(mark)s]'));
      for (const el of found) window.__hostile.push(el.outerHTML.slice(0, 120));
    }
  }
}).observe(document, {childList: true, subtree: true});
""" % {"mark": MARK}

_TARGETS = """() => {
  const all = [...new Set([...document.querySelectorAll('[title], abbr')])];
  window.__targets = all;
  return all.length;
}"""

_PREPARE = """(i) => {
  const el = window.__targets[i];
  if (!el || !el.isConnected) return null;
  el.scrollIntoView({block: 'center', inline: 'nearest'});
  const r = el.getBoundingClientRect();
  const visible = r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  return {x: r.left + r.width / 2, y: r.top + r.height / 2, visible,
          title: el.getAttribute('title') || el.dataset.rwTitle || '', nav: !!el.closest('.md-nav')};
}"""

_FOCUS = """(i) => {
  const el = window.__targets[i];
  if (el && el.isConnected) el.focus({preventScroll: true});
  return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(
    [...document.querySelectorAll('.rw-tooltip:not([hidden]), [role=tooltip]')].map((t) => t.textContent)))));
}"""


@pytest.fixture
def hostile_page(browser: Any, hostile_site: Path) -> Iterator[tuple[Any, str, list[str]]]:
    dialogs: list[str] = []
    with serve(hostile_site) as root:
        base = root + "/"
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base)
                      or r.request.url.startswith("data:") else r.abort())
        context.add_init_script(_RECORD)
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        try:
            yield page, base, dialogs
        finally:
            context.close()


WALK_PARTS = 4
"""The walk over every page is split in parts, so xdist workers share it."""


@pytest.mark.parametrize("part", range(WALK_PARTS))
def test_hovering_and_focusing_every_title_runs_no_route_text(hostile_site: Path, hostile_page: Any,
                                                              part: int) -> None:
    page, base, dialogs = hostile_page
    hovered = focused_nav = 0
    hostile_titles_shown: set[str] = set()
    pages = page_urls(hostile_site, base)
    assert len(pages) > 15
    for rel, url in pages[part::WALK_PARTS]:
        page.goto(url, wait_until="load")
        page.wait_for_timeout(200)  # Material sets titles on truncated links once they are in view
        count = page.evaluate(_TARGETS)
        for i in range(count):
            target = page.evaluate(_PREPARE, i)
            if target is None:
                continue
            if target["visible"]:
                page.mouse.move(target["x"], target["y"])
                hovered += 1
            shown = page.evaluate(_FOCUS, i)
            if "<img" in target["title"] or "<b" in target["title"] or "<svg" in target["title"]:
                hostile_titles_shown.update(t for t in shown if "<" in t)
                focused_nav += target["nav"]
        page.mouse.move(1, 1)
        page.wait_for_timeout(50)
        assert page.evaluate("typeof window.__pwned") == "undefined", f"script uit de route liep op {rel}"
        created = page.evaluate("window.__hostile")
        assert created == [], f"{rel}: elementen uit routetekst gemaakt: {created}"
    assert not dialogs, dialogs
    assert hovered > 100 / WALK_PARTS, f"te weinig elementen met een title bewogen: {hovered}"
    # The walk did reach hostile titles (abbreviations and truncated navigation links) and
    # their tooltips showed the markup as text.
    assert focused_nav > 0, "geen afgekapte navigatielink met routetekst in de title gevonden"
    assert any("<img src=x onerror=" in t for t in hostile_titles_shown), hostile_titles_shown


def test_tooltip_shows_on_focus_and_hover_and_escape_dismisses(hostile_site: Path, hostile_page: Any) -> None:
    page, base, _ = hostile_page
    page.goto(base + "eerste/", wait_until="load")
    # A handle, not a locator: the title leaves the element while its tooltip shows.
    abbr = page.locator(".md-content abbr[title]", has_text="IB").first.element_handle()
    assert abbr.get_attribute("tabindex") == "0", "de eerste afkorting is niet met het toetsenbord te bereiken"
    title = abbr.get_attribute("title")
    assert title and "<img" in title
    tip = page.locator("#rw-tooltip")

    abbr.focus()
    page.wait_for_timeout(50)
    assert tip.is_visible()
    assert tip.inner_text() == title
    assert tip.locator("*").count() == 0
    assert abbr.get_attribute("aria-describedby") == "rw-tooltip"
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    assert abbr.get_attribute("title") == title, "de title komt na het sluiten niet terug"
    assert abbr.evaluate("e => document.activeElement === e"), "Escape verplaatste de focus"

    page.locator("body").click(position={"x": 1, "y": 1})
    abbr.hover()
    page.wait_for_timeout(50)
    assert tip.is_visible()
    box = tip.bounding_box()
    assert box is not None
    # Hoverable (1.4.13): the pointer can move onto the tooltip without it closing.
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=4)
    page.wait_for_timeout(500)
    assert tip.is_visible()
    page.mouse.move(1, 1)
    page.wait_for_timeout(500)
    assert not tip.is_visible()
    assert page.evaluate("typeof window.__pwned") == "undefined"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tooltip_text_has_contrast_in_both_schemes(browser: Any, hostile_site: Path, scheme: str,
                                                   tmp_path: Path) -> None:
    with serve(hostile_site) as root:
        context = browser.new_context(viewport={"width": 390, "height": 800}, color_scheme=scheme, locale="nl-NL")
        page = context.new_page()
        try:
            page.goto(root + "/eerste/", wait_until="load")
            abbr = page.locator(".md-content abbr[title]").first.element_handle()
            abbr.focus()
            page.wait_for_timeout(100)
            colours = page.locator("#rw-tooltip").evaluate(
                "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
            page.screenshot(path=str(tmp_path / f"tooltip-{scheme}.png"))
            box = page.locator("#rw-tooltip").bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
        finally:
            context.close()
    fg, bg = (_rgb(c) for c in colours)
    assert _contrast(fg, bg) >= 4.5, f"{scheme}: {colours}"


def _rgb(css: str) -> tuple[float, float, float, float]:
    parts = [float(p) for p in css[css.index("(") + 1:-1].replace("/", ",").replace(" ", ",").split(",") if p]
    return (parts[0], parts[1], parts[2], parts[3] if len(parts) > 3 else 1.0)


def _contrast(fg: tuple[float, float, float, float], bg: tuple[float, float, float, float]) -> float:
    """WCAG contrast; a translucent text colour is blended onto its background first."""
    alpha = fg[3]
    blended = tuple(fg[i] * alpha + bg[i] * (1 - alpha) for i in range(3))

    def lum(c: tuple[float, ...]) -> float:
        ch = [v / 255 for v in c[:3]]
        ch = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in ch]
        return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]

    a, b = lum(blended), lum(bg)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


@pytest.mark.parametrize("path", ["de-kempen/", "de-kempen/documenten/", "begrippen/"])
def test_axe_finds_nothing_with_a_tooltip_open(site_url: str, page: Any, path: str) -> None:
    """The focusable abbreviations and the open tooltip, light and dark, pass axe's WCAG rules
    (on the real routes: hostile titles trip axe in Material's footer, which is another matter)."""
    from test_accessibility import _RUN_AXE, _SCHEMES, _SET_SCHEME, AXE, WCAG_TAGS

    page.goto(site_url + path, wait_until="load")
    page.add_script_tag(path=str(AXE))
    abbr = page.locator(".md-content abbr[tabindex='0']").first.element_handle()
    abbr.focus()
    assert page.locator("#rw-tooltip").is_visible()
    found = {}
    for name, scheme in _SCHEMES.items():
        page.evaluate(_SET_SCHEME, scheme)
        found[name] = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in page.evaluate(_RUN_AXE, WCAG_TAGS)]
    assert found == {name: [] for name in _SCHEMES}, found
