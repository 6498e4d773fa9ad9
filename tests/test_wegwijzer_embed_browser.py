"""The embedded wegwijzer (…/wegwijzer/embed/) in a school's page, in real Chromium.

The host page here is built from the snippet the site offers to copy (read from the built
page that shows it), with tall content above the iframe so scrolling can be seen. Checked:
the host is told to scroll to each new question and the advice; ?kleur= fixes the colour
scheme and the default follows the host page; and what the host receives says nothing about
the typed text (issue 16: a match and no match give the same messages).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import LoadedRoute
from generator.wegwijzer.paths import enumerate_paths
from support.wegwijzer import routes_with_wegwijzer

pytestmark = pytest.mark.browser

ROUTES = routes_with_wegwijzer()
RECORDER = """<script>
window.routewijzerBerichten = [];
window.addEventListener("message", function (e) { window.routewijzerBerichten.push(e.data); });
</script>"""


def snippet(page: object, site_url: str, built_site: Path, loaded: LoadedRoute) -> str:
    """The copy-paste code as a reader copies it (with the absolute src the page fills in)."""
    source = next(p for p in sorted((built_site / loaded.slug).rglob("index.html"))
                  if "data-rw-embed-code" in p.read_text(encoding="utf-8"))
    page.goto(site_url + source.relative_to(built_site).parent.as_posix() + "/")
    return page.text_content("[data-rw-embed-code]")


def host_page(built_site: Path, name: str, code: str, style: str = "") -> str:
    (built_site / name).write_text(
        f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>School</title>{RECORDER}</head>'
        f'<body style="margin:0;{style}"><div style="height:1600px">Nieuws van de school</div>{code}'
        '<div style="height:1600px">Meer nieuws</div></body></html>', encoding="utf-8")
    return name


def messages(page: object, kind: str) -> list[dict[str, object]]:
    return page.evaluate("k => window.routewijzerBerichten.filter(m => m && m.type === k)", kind)


def frame_heading_top(page: object) -> float:
    frame = page.frame_locator("iframe[data-routewijzer]")
    return frame.locator(".rw-ww-kop").first.bounding_box()["y"]


def test_host_scrolls_to_each_new_question_and_the_advice(page: object, site_url: str, built_site: Path,
                                                          recorder: object) -> None:
    loaded = ROUTES[0]
    path = max(enumerate_paths(loaded.route.wegwijzer), key=lambda p: len(p.choices))
    code = snippet(page, site_url, built_site, loaded)
    page.goto(site_url + host_page(built_site, "_embed_scroll.html", code))
    frame = page.frame_locator("iframe[data-routewijzer]")
    frame.locator("[data-testid=vraag]").wait_for()
    assert page.evaluate("scrollY") == 0  # loading the page does not move the host
    assert messages(page, "routewijzer:scroll") == []
    frame.locator("[data-rw-ik=ouder]").click()
    screens = 1
    for choice in path.choices:
        page.wait_for_function("n => window.routewijzerBerichten.filter(m => m.type === 'routewijzer:scroll').length >= n",
                               arg=screens)
        assert 0 <= frame_heading_top(page) <= 120, choice.question.id
        page.evaluate("window.scrollTo(0, 0)")
        frame.locator(f"[data-testid=vraag] input[value='{choice.index}']").check()
        frame.locator("[data-testid=volgende]").click()
        screens += 1
    page.wait_for_function("n => window.routewijzerBerichten.filter(m => m.type === 'routewijzer:scroll').length >= n",
                           arg=screens)
    frame.locator("[data-testid=advies]").wait_for()
    assert 0 <= frame_heading_top(page) <= 120
    for message in messages(page, "routewijzer:scroll"):
        assert set(message) == {"type", "top"} and isinstance(message["top"], int)
    assert recorder.external_requests == [] and recorder.page_errors == []


def test_the_host_learns_nothing_from_the_typed_text(new_page: object, site_url: str, built_site: Path) -> None:
    """Same messages after a description that finds steps and one that finds none."""
    loaded = ROUTES[0]
    seen = {}
    for label, text in (("match", "de juf maakt zich zorgen over het lezen"), ("geen", "qwxz vbnm plof")):
        page = new_page(viewport={"width": 1280, "height": 900})
        code = snippet(page, site_url, built_site, loaded)
        page.goto(site_url + host_page(built_site, "_embed_privacy.html", code))
        frame = page.frame_locator("iframe[data-routewijzer]")
        frame.locator("[data-testid=situatie]").wait_for()
        page.wait_for_timeout(500)
        before = len(page.evaluate("window.routewijzerBerichten"))
        frame.locator("[data-testid=situatie]").fill(text)
        frame.locator("[data-testid=zoek-stap]").click()
        frame.locator("[data-rw-suggesties] > *").first.wait_for()
        page.wait_for_timeout(500)
        seen[label] = (page.evaluate("window.routewijzerBerichten").__getitem__(slice(before, None)),
                       page.evaluate("document.querySelector('iframe').getBoundingClientRect().height"))
        found = frame.locator("[data-testid=suggestie]").count()
        assert (found > 0) == (label == "match")
        for message in page.evaluate("window.routewijzerBerichten"):
            assert all(word not in str(message) for word in text.split())
            assert set(message) <= {"type", "height", "top"}
    assert seen["match"] == seen["geen"]


@pytest.mark.parametrize("scheme,kleur,expected", [
    ("dark", "licht", "default"), ("light", "donker", "slate"), ("dark", None, "slate"), ("light", None, "default"),
])
def test_kleur_fixes_the_colour_scheme(new_page: object, site_url: str, scheme: str, kleur: str | None,
                                       expected: str) -> None:
    page = new_page(viewport={"width": 800, "height": 700}, color_scheme=scheme)
    loaded = ROUTES[0]
    page.goto(f"{site_url}{loaded.slug}/wegwijzer/embed/" + (f"?kleur={kleur}" if kleur else ""))
    page.wait_for_selector("[data-testid=vraag]")
    page.wait_for_timeout(300)  # after Material has applied its own palette
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected


def test_default_follows_the_host_page_not_a_dark_slab(new_page: object, site_url: str, built_site: Path) -> None:
    """A reader in dark mode on a white school page sees a light wegwijzer; on a dark page, a dark one."""
    loaded = ROUTES[0]
    for style, expected in (("background:#ffffff;color:#000", "default"), ("background:#121212;color:#eee", "slate")):
        page = new_page(viewport={"width": 1280, "height": 900}, color_scheme="dark" if expected == "default" else "light")
        code = snippet(page, site_url, built_site, loaded)
        page.goto(site_url + host_page(built_site, "_embed_kleur.html", code, style))
        inner = page.frame_locator("iframe[data-routewijzer]")
        inner.locator("[data-testid=vraag]").wait_for()
        page.wait_for_function("e => document.querySelector('iframe').contentDocument.body.dataset.mdColorScheme === e",
                               arg=expected)


def test_a_palette_chosen_on_the_main_site_does_not_darken_the_embed(new_page: object, site_url: str) -> None:
    """Material remembers a reader's toggle per site; the embed follows its host, not that choice."""
    page = new_page(viewport={"width": 800, "height": 700}, color_scheme="light")
    loaded = ROUTES[0]
    page.goto(f"{site_url}{loaded.slug}/")
    page.click("form[data-md-component=palette] label:visible")  # the reader switches the site to dark
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    page.goto(f"{site_url}{loaded.slug}/wegwijzer/embed/")
    page.wait_for_selector("[data-testid=vraag]")
    page.wait_for_timeout(300)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    # and a page that changes the scheme afterwards (as the axe walk does) keeps it
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    page.wait_for_timeout(100)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
