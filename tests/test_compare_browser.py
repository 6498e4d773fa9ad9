"""Vergelijken in Chromium: the reader picks two to four routes (by keyboard, through the
school-name filter) and sees only those; the page reads at 1280 px and 390 px with no word
broken mid-word and nothing wider than the screen; without JavaScript every route shows.
"""

from __future__ import annotations

import pytest

from generator.model import LoadedRoute
from support.routes import real_routes

pytestmark = pytest.mark.browser

ROUTES: list[LoadedRoute] = list(real_routes())
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "locale": "nl-NL"}
DESKTOP = {"viewport": {"width": 1280, "height": 900}, "locale": "nl-NL"}

BROKEN_WORDS = """() => {
    // A word (letters and digits; '/' and '-' are fair places to wrap) laid out on more
    // than one line was broken inside the word.
    const broken = [];
    const root = document.querySelector('.md-content');
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('[hidden], svg, .md-typeset .headerlink') || !parent.getClientRects().length) continue;
        for (const match of node.data.matchAll(/[\\p{L}\\p{N}]+/gu)) {
            if (match[0].length < 4) continue;
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
            if (tops.size > 1) broken.push(match[0]);
        }
    }
    return broken;
}"""

TOO_WIDE = """() => [...document.querySelectorAll('.md-content *')]
    .filter(e => e.getClientRects().length && !e.closest('.rw-table-scroll, .rw-flowchart__scroll'))
    .map(e => [e.tagName + '.' + e.className, Math.round(e.getBoundingClientRect().right)])
    .filter(([, right]) => right > innerWidth)
    .slice(0, 10)"""


def shown_routes(page: object) -> set[str]:
    return set(page.locator("[data-rw-route]:visible").evaluate_all("rows => rows.map(r => r.dataset.rwRoute)"))


def pick_by_keyboard(page: object, name_part: str) -> None:
    """Type part of a school's name in the filter, Tab to its checkbox, tick it with Space."""
    page.focus("#rw-compare-zoek")
    page.keyboard.press("Control+A")
    page.keyboard.type(name_part)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "checkbox"
    page.keyboard.press("Space")


def route(slug: str) -> LoadedRoute:
    return next(r for r in ROUTES if r.slug == slug)


def test_reader_picks_two_routes_by_keyboard_and_sees_only_those(new_page, site_url: str, recorder) -> None:
    page = new_page(**DESKTOP)
    page.goto(f"{site_url}vergelijken/")
    assert shown_routes(page) == {r.slug for r in ROUTES}
    pick_by_keyboard(page, "springsch")
    assert page.locator("#rw-compare-keuzes > li:visible").count() == 1
    pick_by_keyboard(page, "kempen")
    for _ in range(3):  # past the one visible checkbox (and an abbreviation in its name) to the button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    assert page.evaluate("document.activeElement.textContent") == "Vergelijk"
    page.keyboard.press("Enter")
    chosen = {"de-springschans", "de-kempen"}
    assert shown_routes(page) == chosen
    # every layer table still has a row for each of the two, and nothing else
    for table in page.locator(".rw-compare table").all():
        assert {r for r in table.locator("[data-rw-route]:visible").evaluate_all(
            "rows => rows.map(r => r.dataset.rwRoute)")} == chosen
    status = page.text_content("[data-rw-compare-status]")
    assert route("de-kempen").route.organisation.display_name in status
    assert route("de-springschans").route.organisation.display_name in status
    assert page.evaluate("document.activeElement.id") == "routes"  # focus moved to the results
    # the choice is in the address (route ids only) and survives a reload
    assert page.evaluate("location.hash") in ("#routes=de-kempen,de-springschans", "#routes=de-springschans,de-kempen")
    page.reload()
    assert shown_routes(page) == chosen
    # 'Alle routes tonen' brings everything back
    page.click("[data-rw-compare-all]")
    assert shown_routes(page) == {r.slug for r in ROUTES}
    assert page.evaluate("location.hash") == ""
    assert recorder.page_errors == [] and recorder.external_requests == []


def test_one_or_five_routes_are_refused_with_a_message(new_page, site_url: str) -> None:
    page = new_page(**DESKTOP)
    page.goto(f"{site_url}vergelijken/")
    page.check(f"input[value='{ROUTES[0].slug}']")
    page.click("form[data-rw-compare] [type=submit]")
    assert "ten minste 2" in page.text_content("[data-rw-compare-status]")
    assert shown_routes(page) == {r.slug for r in ROUTES}
    for loaded in ROUTES[1:5]:
        page.check(f"input[value='{loaded.slug}']")
    page.click("form[data-rw-compare] [type=submit]")
    assert "hooguit 4" in page.text_content("[data-rw-compare-status]")
    assert shown_routes(page) == {r.slug for r in ROUTES}


@pytest.mark.parametrize("chosen", ["alle", "twee"])
@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_no_word_is_broken_and_nothing_is_wider_than_the_screen(new_page, site_url: str, device: str,
                                                                chosen: str) -> None:
    page = new_page(**(DESKTOP if device == "desktop" else PHONE))
    hash_ = "#routes=de-kempen,stappenplan-rok" if chosen == "twee" else ""
    page.goto(f"{site_url}vergelijken/{hash_}")
    if hash_:
        assert shown_routes(page) == {"de-kempen", "stappenplan-rok"}
    assert page.evaluate("document.documentElement.lang") == "nl"
    width = page.evaluate("innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate(TOO_WIDE) == []
    assert page.evaluate(BROKEN_WORDS) == []
    if device == "desktop":
        # full content width: no table of contents beside the tables
        assert page.locator(".md-sidebar--secondary").evaluate("e => getComputedStyle(e).display") == "none" \
            or not page.locator(".md-sidebar--secondary").is_visible()
        assert page.locator(".md-content").bounding_box()["width"] > 900
        # no table needs its sideways scroll at this width
        assert page.evaluate("[...document.querySelectorAll('.rw-table-scroll')]"
                             ".every(s => s.scrollWidth <= s.clientWidth + 1)")


def test_without_javascript_every_route_shows_and_the_picker_is_hidden(new_page, site_url: str) -> None:
    page = new_page(java_script_enabled=False, **DESKTOP)
    page.goto(f"{site_url}vergelijken/#routes=de-kempen,stappenplan-rok")
    assert page.locator("form[data-rw-compare]").is_hidden()
    assert shown_routes(page) == {r.slug for r in ROUTES}
