"""WCAG 2.1 AA on every built page: axe-core in light and dark scheme, on a phone (with tap-target
size), 320px width, 200% zoom.

Each page is its own test (the `site_page` parameter of conftest), so xdist workers share
the walk; each worker reuses one browser page per kind of check.

axe-core comes from npm into tests/node_modules (`make axe`; never from a CDN) and is
injected into each page as a local script. Failures list page, rule and elements, so the
owner of a page type can find and fix them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from support.browser import Walk, open_walk, problems_by_page, walker
from support.paths import AXE
from support.site import page_url

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Takes the tags, or {tags, rules} to switch on rules beyond them.
_RUN_AXE = """async (arg) => {
  const {tags, rules} = Array.isArray(arg) ? {tags: arg, rules: {}} : arg;
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, rules,
                                          resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 160),
                              summary: (n.failureSummary || '').split('\\n').slice(1, 3).join(' ')}))
  }));
}"""


@pytest.fixture(scope="module")
def axe_script() -> Path:
    if not AXE.exists():
        pytest.fail("axe-core ontbreekt: voer 'make axe' uit (npm ci --prefix tests).")
    return AXE


# Material's palette toggle sets exactly these attributes; all dark-mode CSS (Material's and
# ours) keys on them, so flipping them checks the dark scheme without loading the page twice.
_SCHEMES = {"licht": "default", "donker": "slate"}
# Colours fade (CSS transitions), so wait until every transition has finished before measuring.
_SET_SCHEME = """async scheme => {
  document.body.setAttribute('data-md-color-scheme', scheme);
  await new Promise(requestAnimationFrame);
  await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
}"""
_BACKGROUND = "() => getComputedStyle(document.body).backgroundColor"


def _described(violation: dict[str, Any]) -> str:
    """One axe violation as a line of the failure message: rule, impact, help, first three nodes."""
    nodes = violation["nodes"]
    shown = "; ".join(f"{n['target']} ({n['summary']})" for n in nodes[:3])
    more = f" en {len(nodes) - 3} meer" if len(nodes) > 3 else ""
    return f"{violation['id']} [{violation['impact']}] {violation['help']}: {shown}{more}"


@pytest.fixture(scope="session")
def axe_walk(browser: Any) -> Iterator[Walk]:
    """One desktop page reused by every axe test of this worker (a context per page is slow)."""
    walk = open_walk(browser)
    yield walk
    walk.page.context.close()


def test_axe_finds_no_wcag_violations(built_site: Path, site_url: str, site_page: str, axe_walk: Walk,
                                      axe_script: Path) -> None:
    """Every page (one test each), light and dark: one load, axe run once per colour scheme."""
    page = axe_walk.page
    page.goto(page_url(site_url, site_page), wait_until="load")
    page.add_script_tag(path=str(axe_script))
    problems: dict[str, list[str]] = {}
    backgrounds = set()
    for name, scheme in _SCHEMES.items():
        page.evaluate(_SET_SCHEME, scheme)
        backgrounds.add(page.evaluate(_BACKGROUND))
        for violation in page.evaluate(_RUN_AXE, WCAG_TAGS):
            problems.setdefault(f"{site_page} ({name})", []).append(_described(violation))
    assert len(backgrounds) == len(_SCHEMES), f"{site_page}: het kleurenschema wisselde niet ({backgrounds})"
    assert not problems, "\n" + problems_by_page(problems)


# Lighthouse's mobile preset (a Moto G Power: 412 × 823 CSS px, 1.75 device pixels per px).
# Some rules depend on the layout, not the colours: a tap target too close to the next one in
# the phone layout (target-size, WCAG 2.2 AA 2.5.8, part of Lighthouse's accessibility score),
# a region that scrolls sideways only on a phone and cannot take keyboard focus. So axe runs a
# second time at this size, light scheme only (the desktop test covers both schemes' colours).
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True,
         "has_touch": True}
PHONE_RULES = {"target-size": {"enabled": True}}


@pytest.fixture(scope="session")
def phone_walk(browser: Any) -> Iterator[Walk]:
    """One phone-sized page reused by every phone axe test of this worker."""
    walk = open_walk(browser, **PHONE)
    yield walk
    walk.page.context.close()


def test_axe_on_a_phone_finds_no_violations(built_site: Path, site_url: str, site_page: str, phone_walk: Walk,
                                            axe_script: Path) -> None:
    """Every page (one test each) in Lighthouse's phone viewport: WCAG 2.1 AA and tap-target size."""
    page = phone_walk.page
    page.goto(page_url(site_url, site_page), wait_until="load")
    page.add_script_tag(path=str(axe_script))
    problems = []
    for violation in page.evaluate(_RUN_AXE, {"tags": WCAG_TAGS, "rules": PHONE_RULES}):
        problems.append(_described(violation))
    assert not problems, "\n" + problems_by_page({f"{site_page} (telefoon 412 px)": problems})


_OVERFLOW = """() => {
  const doc = document.documentElement;
  const out = {scroll: doc.scrollWidth, width: window.innerWidth, wide: [], clipped: []};
  const scrollable = el => { for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p); if (/(auto|scroll)/.test(s.overflowX) && p !== doc && p !== document.body) return true; }
    return false; };
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const s = getComputedStyle(el);
    if (s.visibility === 'hidden' || s.position === 'fixed') continue;
    if (r.right > window.innerWidth + 1 && !scrollable(el) && !el.closest('.md-sidebar, .md-search, [hidden]'))
      out.wide.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' → ' + Math.round(r.right) + 'px');
    // Clipped on purpose: screen-reader-only text (1px boxes) is not 'cut off'.
    if (el.clientWidth <= 2 || el.clientHeight <= 2 || s.clip !== 'auto') continue;
    if (el.closest('.md-content') && /(hidden|clip)/.test(s.overflowX) && el.scrollWidth > el.clientWidth + 1
        && !el.closest('.md-ellipsis') && !/ellipsis/.test(s.textOverflow) && el.textContent.trim())
      out.clipped.push(el.tagName.toLowerCase() + '.' + String(el.className).trim().split(/\\s+/).join('.') + ' (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
  }
  out.wide = out.wide.slice(0, 5); out.clipped = out.clipped.slice(0, 5);
  return out;
}"""


_VIEWPORTS = {
    "320px breed": {"width": 320, "height": 640},
    "200% zoom (640×450)": {"width": 640, "height": 450},
}


@pytest.fixture(scope="session")
def reflow_walk(browser: Any) -> Iterator[Walk]:
    """One page reused by every reflow test of this worker; each test sets its viewports."""
    walk = open_walk(browser, viewport=_VIEWPORTS["320px breed"])
    yield walk
    walk.page.context.close()


def test_no_horizontal_scroll_or_cut_off_content(built_site: Path, site_url: str, site_page: str,
                                                 reflow_walk: Walk) -> None:
    """Every page (one test each) at 320px and at 200% zoom of a 1280px screen (reflow, WCAG 1.4.10)."""
    page = reflow_walk.page
    page.set_viewport_size(_VIEWPORTS["320px breed"])
    page.goto(page_url(site_url, site_page), wait_until="load")
    problems: dict[str, list[str]] = {}
    for label, viewport in _VIEWPORTS.items():
        page.set_viewport_size(viewport)
        found = page.evaluate(_OVERFLOW)
        issues = []
        if found["scroll"] > found["width"] + 1:
            issues.append(f"pagina scrolt horizontaal ({found['scroll']}px > {found['width']}px): "
                          + ", ".join(found["wide"]))
        issues += [f"afgesneden: {c}" for c in found["clipped"]]
        if issues:
            problems[f"{site_page} ({label})"] = issues
    assert not problems, "\n" + problems_by_page(problems)


# A focused element must show it: an outline (Material's `:focus-visible` style and ours) or
# a box shadow. Collected while walking with the Tab key, as a keyboard user would.
_FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e), r = e.getBoundingClientRect();
  const outlined = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1;
  return {where: e.closest('.md-content, .md-sidebar--primary') ? 'inhoud' : 'elders',
          name: e.tagName.toLowerCase() + ' "' + (e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 40) + '"',
          shown: r.width > 0 && r.height > 0, marked: outlined || s.boxShadow !== 'none'};
}"""
FOCUS_PAGES = ["de-kempen/stappen/stap-3/", "de-kempen/documenten/", "de-kempen/wie-doet-wat/", "stappenplan-rok/wegwijzer/"]


@pytest.mark.parametrize("path", FOCUS_PAGES)
def test_keyboard_focus_is_always_visible(site_url: str, browser: Any, path: str) -> None:
    """Tab through the navigation and content (step, checklists, matrix, wegwijzer): every stop is
    on screen and visibly marked."""
    problems, stops = [], 0
    with walker(browser) as (page, _, _):
        page.goto(site_url + path, wait_until="load")
        for _ in range(250):
            page.keyboard.press("Tab")
            found = page.evaluate(_FOCUS)
            if found is None or found["where"] != "inhoud":
                if stops:
                    break  # left the content at its end: the walk is complete
                continue
            stops += 1
            if not (found["shown"] and found["marked"]):
                problems.append(f"{found['name']}: {'niet zichtbaar' if not found['shown'] else 'geen focusrand'}")
    assert stops >= 10, f"{path}: maar {stops} tabstops in navigatie en inhoud"
    assert not problems, f"{path}:\n" + "\n".join(problems)
